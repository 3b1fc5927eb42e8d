/**
 * Renderer test set-up: an in-memory IndexedDB (fake-indexeddb), a clean DOM, stores and language
 * reset after each test.
 */
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { NodeFileReader } from './support/node-file-reader';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../renderer/app/i18n';
import { applyLanguage } from '../../renderer/common/i18n';
import { resetCouncilStore } from '../../renderer/common/council-store';
import { resetImportStore } from '../../renderer/bundles/import-store';
import { resetPersistenceStore } from '../../renderer/common/storage';
import { resetUiStore } from '../../renderer/common/ui-store';
import { resetAuditStore } from '../../renderer/decisions';
import { resetBackupJobs, resetBackupStore } from '../../renderer/settings/backup';

// jsdom's Blob is a plain JS object that structuredClone (which fake-indexeddb uses) turns into {},
// losing its bytes and type. Chromium's IndexedDB stores real Blobs; Node's Blob clones like
// them, so the tests use it, with a FileReader that reads it (support/node-file-reader.ts).
globalThis.Blob = NodeBlob as unknown as typeof Blob;
globalThis.FileReader = NodeFileReader as unknown as typeof FileReader;

afterEach(async () => {
  cleanup();
  resetUiStore();
  resetCouncilStore();
  resetImportStore();
  resetPersistenceStore();
  resetAuditStore();
  resetBackupStore();
  resetBackupJobs();
  await applyLanguage('ko');
  Reflect.deleteProperty(window, 'councilDesk');
});
