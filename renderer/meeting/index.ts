/** The Meeting feature (placeholder until the meeting is built): the council's members and what comes next. */
export { MeetingScreen } from './MeetingScreen';
export { koMeeting } from './strings-ko';
export { enMeeting } from './strings-en';
