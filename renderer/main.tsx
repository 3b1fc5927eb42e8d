/** The renderer's entry: fonts (so Hangul shows without Korean system fonts), styles, the app. */
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCouncilApi } from './api/council-api';
import { App } from './App';
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
