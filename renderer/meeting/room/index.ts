/** The meeting room: an open meeting run from the keyboard (attendance, recusals, proposals, votes, decisions). */
export { MeetingRoom } from './MeetingRoom';
export { koRoom } from './strings-ko';
export { enRoom } from './strings-en';
