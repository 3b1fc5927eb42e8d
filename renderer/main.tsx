/** The renderer's entry: fonts (so Hangul shows without Korean system fonts), styles, the app. */
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import './common/tokens.css';
import './common/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCouncilApi } from './common/council-api';
import './app/i18n';
import { App } from './app/App';
import { openCouncilDb } from './db/schema';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const db = openCouncilDb();
const api = createCouncilApi();

createRoot(container).render(
  <StrictMode>
    <App db={db} api={api} />
  </StrictMode>,
);
