/**
 * Stores the test demo council the way the welcome does: the members in one transaction, then the
 * bundle through importBundle, its chunks played by a scripted main process of its own (so a test's
 * fake bridge stays untouched).
 */
import { expect } from 'vitest';
import { storeDemoMembers } from '../../../renderer/bundles/demo-import';
import type { CouncilDb } from '../../../renderer/db/schema';
import { importBundle } from '../../../renderer/bundles/import/import-bundle';
import type { ImportApi } from '../../../renderer/bundles/import/remote-session';
import type { BundleFixture } from './bundle-fixture';
import { demoBundleFixture, demoCouncil } from './demo-council';
import { IMPORT_ID, scriptFromFixture, type ImportScript } from './scripted-import';

/** A main process that answers one import with the script's chunks, in order. */
export function scriptedImportApi(script: ImportScript): ImportApi {
  let next = 0;
  const begin = async () => {
    next = 0;
    return script.begin;
  };
  return {
    importBegin: begin,
    importDemoBegin: begin,
    importNext: async ({ importId }) => {
      const chunk = importId === IMPORT_ID ? script.chunks[next] : undefined;
      if (!chunk) throw new Error('No such import chunk.');
      next += 1;
      return chunk;
    },
    importCancel: async () => undefined,
  };
}

export interface SeedOptions {
  /** The demo bundle to import (tests may change a case or the manifest first). */
  fixture?: BundleFixture;
  /** The import's time stamp, ISO 8601. */
  timestamp?: string;
}

export async function seedDemoCouncil(db: CouncilDb, options: SeedOptions = {}): Promise<void> {
  const demo = demoCouncil();
  const at = () => options.timestamp ?? new Date().toISOString();
  await storeDemoMembers(db, demo, at);
  const api = scriptedImportApi(scriptFromFixture(options.fixture ?? demoBundleFixture()));
  const outcome = await importBundle(db, api, { demo: true }, { timestamp: at });
  expect(outcome.kind).toBe('imported');
}
