/**
 * Three tries at the keys' passphrase, then a pause: the third wrong one in a row locks the
 * passphrase out for 30 seconds, during which no passphrase is even checked (a right one neither),
 * and after which there are three tries again. A right passphrase gives back all three. Held in
 * memory for the run; the clock is injectable so tests need not wait.
 */
import { CouncilError } from '../../../shared/result';

export const PASSPHRASE_TRIES = 3;
export const LOCKOUT_MS = 30_000;

export class PassphraseTries {
  private wrongInARow = 0;
  private lockedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws KEY_LOCKED_OUT while the pause lasts; call before checking a passphrase. */
  assertAllowed(): void {
    const left = this.lockedUntil - this.now();
    if (left > 0) throw lockedOut(left, 'Too many wrong passphrases');
    if (this.lockedUntil !== 0) {
      this.lockedUntil = 0;
      this.wrongInARow = 0;
    }
  }

  /** Counts a wrong passphrase and throws what to tell: tries left (KEY_PASSPHRASE_WRONG), or the pause (KEY_LOCKED_OUT). */
  wrong(): never {
    this.wrongInARow += 1;
    const left = PASSPHRASE_TRIES - this.wrongInARow;
    if (left <= 0) {
      this.lockedUntil = this.now() + LOCKOUT_MS;
      throw lockedOut(LOCKOUT_MS, `The passphrase is wrong, ${PASSPHRASE_TRIES} times in a row`);
    }
    throw new CouncilError('KEY_PASSPHRASE_WRONG', `The passphrase is wrong. ${left} ${left === 1 ? 'try' : 'tries'} left before a ${LOCKOUT_MS / 1000}-second pause.`);
  }

  right(): void {
    this.wrongInARow = 0;
    this.lockedUntil = 0;
  }
}

function lockedOut(ms: number, why: string): CouncilError {
  const seconds = Math.ceil(ms / 1000);
  return new CouncilError('KEY_LOCKED_OUT', `${why}; wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before trying again.`);
}
