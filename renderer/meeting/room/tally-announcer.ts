/**
 * Tallies said politely: a vote recorded in quick succession (one key per member) would otherwise
 * speak over itself. The first tally is said at once; later ones no closer than `minGapMs`, the
 * latest held back until then (so the last state is always said).
 */
import { announce } from '../../common/announcer';

export class TallyAnnouncer {
  private lastAt = Number.NEGATIVE_INFINITY;
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly minGapMs = 2_500,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  say(text: string): void {
    const now = this.clock();
    if (now - this.lastAt >= this.minGapMs && this.timer === null) {
      this.lastAt = now;
      announce(text);
      return;
    }
    this.pending = text;
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastAt + this.minGapMs - now));
  }

  private flush(): void {
    this.timer = null;
    if (this.pending === null) return;
    this.lastAt = this.clock();
    announce(this.pending);
    this.pending = null;
  }

  /** Forgets a tally held back: news that supersedes it (the vote closed) is being said. */
  drop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
