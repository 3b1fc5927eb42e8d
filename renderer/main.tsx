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
import { ProjectorApp, projectorMeetingId } from './meeting/projector';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const db = openCouncilDb();
const api = createCouncilApi();

// The projector window shows one meeting on the wall (meeting/projector); every other page is the app.
const projectorMeeting = projectorMeetingId(window.location.hash);

createRoot(container).render(
  <StrictMode>{projectorMeeting === null ? <App db={db} api={api} /> : <ProjectorApp db={db} meetingId={projectorMeeting} />}</StrictMode>,
);
