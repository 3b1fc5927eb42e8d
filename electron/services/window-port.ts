/**
 * The windows beyond the main one, as a port: main.ts opens the projector view in a second
 * Electron window on the second display; browser mode and the tests have no such window, so the
 * call answers false and the renderer opens the projector route itself (a tab, or a test's page).
 */
export interface WindowPort {
  /** True when a projector window now shows the meeting. */
  openProjector(meetingId: string): Promise<boolean>;
}

export const NO_WINDOWS: WindowPort = {
  openProjector: async () => false,
};
