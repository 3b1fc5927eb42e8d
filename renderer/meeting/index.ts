/** The Meeting feature: the list of meetings, a meeting's setup (details, rules, agenda), and its room. */
export { MeetingScreen } from './MeetingScreen';
export { koMeeting } from './strings-ko';
export { enMeeting } from './strings-en';
export { decisionWhat } from './room/room-words';
export { useLiveValue } from './use-live-value';
