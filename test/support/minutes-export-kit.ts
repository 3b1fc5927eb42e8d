/**
 * A device ready to make a meeting's minutes, for the tests of exportMinutes: a chair and a
 * secretary key, the app's print port (Chromium's page.pdf()) and font, a folder of the
 * secretary's own, the sample meeting's two decision files and what the renderer sends.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MinutesExportRequest } from '../../shared/api';
import { totalsOf } from '../../shared/decisions/payload-check';
import type { FeatureContext } from '../../electron/services/feature-context';
import { generateKeyPair } from '../../electron/services/keys';
import { bundledFontDir } from '../../electron/services/minutes/minutes-fonts';
import { createMinutesHandlers, type MinutesHandlers } from '../../electron/services/minutes/minutes-handlers';
import type { PrintPort } from '../../electron/services/minutes/print-port';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { reopenedDecision } from './decision-payloads';
import { fakeDeviceKeys, notaryKit, type NotaryKit } from './notary-kit';
import { SAMPLE_CASES, sampleMinutesInput } from './sample-minutes';

export const MEETING = '2023-03-02';
const root = join(__dirname, '..', '..');
export const SECRETARY = { memberId: 's1', name: '윤하늘' };

export interface Setup {
  kit: NotaryKit;
  handlers: MinutesHandlers;
  chosen: string;
  secretary: ReturnType<typeof generateKeyPair>;
  /** What the folder dialog answers. */
  folders: (string | null)[];
}

/**
 * A device with a chair and a secretary key, the print port given and the app's font, and a folder
 * of the secretary's own. `beforeConfirm`: runs when the secretary's confirmation is asked for, before it answers. */
export function setup(print: PrintPort | undefined, opts: { now?: () => Date; beforeConfirm?: () => Promise<void> } = {}): Setup {
  const chair = generateKeyPair();
  const secretary = generateKeyPair();
  const kit = notaryKit({ pair: chair, keys: fakeDeviceKeys({ chair, secretary }), retryIntervalMs: 3_600_000 });
  const chosen = join(kit.root, 'chosen');
  mkdirSync(chosen);
  const folders: (string | null)[] = [];
  const ctx: FeatureContext = {
    ...kit.ctx,
    paths: { ...kit.ctx.paths, fontDir: bundledFontDir(root) },
    dialogs: {
      ...kit.ctx.dialogs,
      openFolder: async () => folders.shift() ?? null,
      confirm: async (r) => {
        await opts.beforeConfirm?.();
        return kit.ctx.dialogs.confirm(r);
      },
    },
    print,
  };
  return { kit, handlers: createMinutesHandlers(ctx, { now: opts.now ?? (() => new Date('2023-03-02T09:00:00Z')) }), chosen, secretary, folders };
}

/** Two decision files: cases 1 to 5, then case 6 and case 4 again (revision 2), awarded 50,000 this time. */
export async function exportDecisions(kit: NotaryKit) {
  const first = await kit.handlers.exportDecisions({ payload: kit.payload({ decisions: 5 }) });
  const next = kit.payload({ sequence: 2, previous: first.payloadSha256, firstCase: 6, decisions: 1 });
  next.decisions.push({ ...reopenedDecision(kit.payload({ decisions: 2 }).decisions[1]!, first), caseId: '1015-000004' });
  next.totals = totalsOf(next.decisions);
  const second = await kit.handlers.exportDecisions({ payload: next });
  return [first, second];
}

/** What the renderer sends: the sample meeting's agenda, particulars and names. */
export function request(more: Partial<MinutesExportRequest> = {}): MinutesExportRequest {
  const input = sampleMinutesInput();
  return {
    meetingId: MEETING,
    meeting: { startedAt: input.meeting.startedAt, closedAt: input.meeting.closedAt },
    agenda: input.agenda.map((a) => ({ caseId: a.caseId, suggestion: { ...a.suggestion, flags: [...a.suggestion.flags], reasons: [...a.suggestion.reasons] } })),
    cases: { ...SAMPLE_CASES },
    signers: input.signers,
    secretary: SECRETARY,
    dialogLanguage: 'ko',
    ...more,
  };
}

export const call = (s: Setup, arg: unknown) => dispatchApiCall(s.handlers as never, 'exportMinutes', arg);

export const NAMES = [`minutes-${MEETING}-ko.pdf`, `minutes-${MEETING}-ko.docx`, `minutes-${MEETING}-en.pdf`, `minutes-${MEETING}-en.docx`, `payments-${MEETING}.csv`, `payments-${MEETING}.xlsx`];
export const ATTESTATION = `minutes-${MEETING}.dsse.json`;

/** The names in a folder; none when it is not there. */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

