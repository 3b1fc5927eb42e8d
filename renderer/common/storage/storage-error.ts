/**
 * An error as the screens hold it, with the storage figures when it is STORAGE_FULL: what the app
 * used and what was left, read from the browser right after the write was refused. And the error
 * in words for a line of text (a live region, a refusal line): ErrorNotice shows the same.
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n';
import { describeError, type ErrorInfo } from '../council-api';
import { formatBytes } from '../format/bytes';
import { readStorageFigures, type StorageFigures } from './storage-figures';
import { STORAGE_FULL } from './storage-full';

/** An error as shown: its code (any string: a newer main process's too), message and storage figures. */
export type ShownError = { code: string; message: string; storage?: StorageFigures | null };

export async function describeErrorWithStorage(err: unknown, read: () => Promise<StorageFigures | null> = readStorageFigures): Promise<ErrorInfo> {
  const info = describeError(err);
  if (info.code !== STORAGE_FULL) return info;
  return { ...info, storage: await read().catch(() => null) };
}

/** A STORAGE_FULL error's detail in the UI language: what ran out, and the figures if known. */
export function storageFullWords(t: TFunction, info: ShownError, language: Language): string {
  const parts = [t('storageFull.detail', { code: info.code })];
  const figures = info.storage;
  if (figures) {
    const size = (bytes: number) => formatBytes(bytes, language);
    parts.push(t('storageFull.figures', { usage: size(figures.usage), quota: size(figures.quota), available: size(figures.available) }));
  }
  parts.push(t('storageFull.hint'));
  return parts.join(' ');
}

/** Any error's detail as one line: STORAGE_FULL in the UI's words, any other as its code and message. */
export function errorWords(t: TFunction, info: ShownError, language: Language): string {
  return info.code === STORAGE_FULL ? storageFullWords(t, info, language) : t('app.errorDetail', { code: info.code, message: info.message });
}
