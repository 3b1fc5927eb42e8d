/** The projector view: the meeting as the room sees it on the wall, in a window of its own. */
export { ProjectorApp } from './ProjectorApp';
export { openProjector, projectorMeetingId, projectorUrl } from './open-projector';
export { setProjectorFocus } from './projector-focus';
export { koProjector } from './strings-ko';
export { enProjector } from './strings-en';
