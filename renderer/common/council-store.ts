/**
 * The council as stored in Dexie: its name, members, bundles, case count and settings; and, for
 * display, a copy of the security settings the main process holds (read at boot and after each
 * change: the main process's are the ones that count). The UI language is not held here: it lives
 * in the ui-store (common/language.ts restores and changes it).
 */
import { create } from 'zustand';
import type { SecuritySettingsInUse } from '../../shared/api';
import { describeError, type CouncilApi, type ErrorInfo } from './council-api';
import type { BundleRow, MemberRow } from '../db/rows';
import type { CouncilDb } from '../db/schema';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../db/settings';

/** The settings this store holds: all of the settings table but the language. */
export type CouncilSettings = Omit<Settings, 'language'>;

function councilSettings({ language: _language, ...rest }: Settings): CouncilSettings {
  return rest;
}

const ROLE_ORDER: Record<MemberRow['role'], number> = { chair: 0, member: 1, secretary: 2 };

export type LoadStatus = 'loading' | 'ready' | 'failed';

interface CouncilState {
  status: LoadStatus;
  error: ErrorInfo | null;
  settings: CouncilSettings;
  members: MemberRow[];
  bundles: BundleRow[];
  caseCount: number;
  /** Cases stored as a later revision (they came back from another bundle with more documents). */
  revisedCount: number;
  /** The main process's security settings and the sync folder in use; null until read (or when they could not be). */
  security: SecuritySettingsInUse | null;
  /** Why the security settings could not be read. */
  securityError: ErrorInfo | null;
  /** Reads everything above from the database; the screens then read the store. */
  load(db: CouncilDb): Promise<void>;
  setSettings(patch: Partial<CouncilSettings>): void;
  /** Asks the main process for its security settings. */
  loadSecurity(api: Pick<CouncilApi, 'getSecuritySettings'>): Promise<void>;
  /** The security settings the main process answered a change with. */
  setSecurity(security: SecuritySettingsInUse): void;
}

const initial = {
  status: 'loading' as LoadStatus,
  error: null,
  settings: councilSettings(DEFAULT_SETTINGS),
  members: [] as MemberRow[],
  bundles: [] as BundleRow[],
  caseCount: 0,
  revisedCount: 0,
  security: null as SecuritySettingsInUse | null,
  securityError: null as ErrorInfo | null,
};

/** Chair first, then members, then the secretary; by id within a role. */
export function sortMembers(members: readonly MemberRow[]): MemberRow[] {
  return [...members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.memberId.localeCompare(b.memberId));
}

export const useCouncilStore = create<CouncilState>()((set) => ({
  ...initial,
  load: async (db) => {
    try {
      const [settings, members, bundles, caseCount, revisedCount] = await db.transaction('r', [db.settings, db.members, db.bundles, db.cases], () =>
        Promise.all([
          readSettings(db),
          db.members.toArray(),
          db.bundles.orderBy('importedAt').toArray(),
          db.cases.count(),
          db.cases.where('revision').above(1).count(),
        ]),
      );
      set({ status: 'ready', error: null, settings: councilSettings(settings), members: sortMembers(members), bundles, caseCount, revisedCount });
    } catch (err) {
      set({ status: 'failed', error: describeError(err) });
    }
  },
  setSettings: (patch) => set((state) => ({ settings: { ...state.settings, ...patch } })),
  loadSecurity: async (api) => {
    try {
      set({ security: await api.getSecuritySettings(), securityError: null });
    } catch (err) {
      set({ security: null, securityError: describeError(err) });
    }
  },
  setSecurity: (security) => set({ security, securityError: null }),
}));

export function resetCouncilStore(): void {
  useCouncilStore.setState(initial);
}

/** First run: the user has neither loaded the demo council nor chosen to start empty. */
export function isFirstRun(state: Pick<CouncilState, 'settings' | 'members'>): boolean {
  return !state.settings.firstRunDone && state.members.length === 0;
}
