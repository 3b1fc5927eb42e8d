/**
 * Renderer test set-up: an in-memory IndexedDB (fake-indexeddb), a clean DOM, stores and language
 * reset after each test.
 */
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { applyLanguage } from '../../renderer/i18n';
import { resetCouncilStore } from '../../renderer/store/council-store';
import { resetImportStore } from '../../renderer/store/import-store';
import { resetUiStore } from '../../renderer/store/ui-store';

// jsdom's Blob is a plain JS object that structuredClone (which fake-indexeddb uses) turns into {},
// losing its bytes and type. Chromium's IndexedDB stores real Blobs; Node's Blob clones like
// them, so the tests use it.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

afterEach(async () => {
  cleanup();
  resetUiStore();
  resetCouncilStore();
  resetImportStore();
  await applyLanguage('ko');
  Reflect.deleteProperty(window, 'councilDesk');
});
