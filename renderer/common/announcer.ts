/**
 * The shell's one voice for screen readers: `announce(text)` puts a sentence into the polite status
 * region (or, for an error, the assertive one) that the app shell renders once (Announcer.tsx).
 * A live region speaks only when its content changes, so every announcement is a new node; the
 * same error twice in a row within ERROR_REPEAT_MS is said once. Progress that comes in dozens of
 * events a second goes through a ProgressThrottle first, so it does not flood the reader. The
 * import speaks through it (bundles/ImportAnnouncements.tsx); the meeting's vote tallies will too.
 */
import { create } from 'zustand';

export type Politeness = 'polite' | 'assertive';

export interface Announcement {
  /** Grows with every announcement: the region renders it as the node's key. */
  id: number;
  text: string;
}

interface AnnouncerState {
  polite: Announcement | null;
  assertive: Announcement | null;
}

/** The same assertive sentence again within this time is not said again. */
export const ERROR_REPEAT_MS = 10_000;

export const useAnnouncerStore = create<AnnouncerState>()(() => ({ polite: null, assertive: null }));

let counter = 0;
let lastAssertive: { text: string; at: number } | null = null;
let clock: () => number = () => Date.now();

/** Says `text` through the shell's live region; false when it was held back as a repeat. */
export function announce(text: string, politeness: Politeness = 'polite'): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (politeness === 'assertive') {
    const now = clock();
    if (lastAssertive && lastAssertive.text === trimmed && now - lastAssertive.at < ERROR_REPEAT_MS) return false;
    lastAssertive = { text: trimmed, at: now };
  }
  counter += 1;
  useAnnouncerStore.setState({ [politeness]: { id: counter, text: trimmed } });
  return true;
}

/** Tests: forget what was said and, optionally, read time from `now`. */
export function resetAnnouncer(now?: () => number): void {
  counter = 0;
  lastAssertive = null;
  clock = now ?? (() => Date.now());
  useAnnouncerStore.setState({ polite: null, assertive: null });
}

export interface ProgressThrottleOptions {
  /** A new step of this many percent is worth saying (25: at 25, 50, 75 %). */
  stepPercent?: number;
  /** Without a new step, progress is said again once this long has passed. */
  intervalMs?: number;
  /** Never two progress announcements closer than this (except the end). */
  minGapMs?: number;
}

/**
 * Decides which progress values are said: a new 25 % step, or some progress after a long quiet
 * (a slow import still tells how far it is), never two within a couple of seconds, and 100 %
 * always. Time is passed in, so the rule is tested without waiting.
 */
export class ProgressThrottle {
  private readonly step: number;
  private readonly interval: number;
  private readonly minGap: number;
  private lastPercent: number | null = null;
  private lastAt = 0;

  constructor({ stepPercent = 25, intervalMs = 10_000, minGapMs = 3_000 }: ProgressThrottleOptions = {}) {
    this.step = stepPercent;
    this.interval = intervalMs;
    this.minGap = minGapMs;
  }

  /** Whether `percent` (0..100) reached at `now` (ms) should be said; if so it is remembered as said. */
  shouldAnnounce(percent: number, now: number): boolean {
    const p = Math.max(0, Math.min(100, Math.floor(percent)));
    const last = this.lastPercent;
    let say: boolean;
    if (last === null) say = true;
    else if (p <= last) say = false;
    else if (p === 100) say = true;
    else if (now - this.lastAt < this.minGap) say = false;
    else say = Math.floor(p / this.step) > Math.floor(last / this.step) || now - this.lastAt >= this.interval;
    if (say) {
      this.lastPercent = p;
      this.lastAt = now;
    }
    return say;
  }
}
