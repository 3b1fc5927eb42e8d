/**
 * The browser half of the realistic-evidence benchmark (issue 15): a bundle imported the way the
 * user does it, through the import store with the Bundles screen's progress panel and outcome
 * notice rendered by React, watched from the outside:
 * - every chunk as it crosses over (the API client wrapped): its evidence bytes and the progress
 *   it carries;
 * - every progress event the import reports, and what the screen shows (the bar's value and the
 *   time left, read from the DOM at each change and every 100 ms);
 * - the longest task on the main thread (a PerformanceObserver for 'longtask');
 * - optionally a Cancel pressed on the panel once the bar shows a given percent, timed until the
 *   screen says the import was cancelled; then what is left of the bundle in the database and
 *   whether the main process still knows the session.
 */
import Dexie from 'dexie';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { evidenceBytesSize, type ImportChunk } from '../../../shared/bundle-import';
import { i18n } from '../../../renderer/app/i18n';
import { ImportOutcomeNotice } from '../../../renderer/bundles/ImportOutcomeNotice';
import { ImportProgressPanel } from '../../../renderer/bundles/ImportProgressPanel';
import { useImportStore } from '../../../renderer/bundles/import-store';
import { createCouncilApi, type CouncilApi } from '../../../renderer/common/council-api';
import { useUiStore } from '../../../renderer/common/ui-store';
import { openCouncilDb } from '../../../renderer/db/schema';
import { domShows } from './dom-shows';

/** What the screen showed at one moment. */
export interface ShownSample {
  t: number;
  /** The bar's aria-valuenow (null while it has none). */
  percent: number | null;
  /** The time left as shown, in seconds (null: "calculating"). */
  secondsLeft: number | null;
}

export interface ChunkArrival {
  t: number;
  kind: ImportChunk['kind'];
  /** Evidence bytes in this chunk. */
  bytes: number;
  /** The bytes read the chunk's progress says. */
  progressBytes: number;
}

export interface ProgressSample {
  t: number;
  bytesRead: number;
  bytesTotal: number;
}

export interface UiImportResult {
  outcome: string;
  /** performance.now() when the import was started and when the screen showed its outcome. */
  startedAt: number;
  shownAt: number;
  bytesTotal: number;
  arrivals: ChunkArrival[];
  progress: ProgressSample[];
  shown: ShownSample[];
  longestTaskMs: number;
  /** Every task over 50 ms: when it started and how long it took. */
  longTasks: { t: number; ms: number }[];
  /** With a cancel: when Cancel was pressed, and the percent the bar showed then. */
  cancelledAt: number | null;
  cancelPercent: number | null;
  /** Rows left under the bundle afterwards, by table. */
  leftover: Record<string, number>;
  /** Whether the main process still answered importNext for the session afterwards. */
  sessionOpen: boolean;
}

const KO_TIME = /(?:(\d+)분 )?(\d+)초/;

function secondsShown(text: string | null | undefined): number | null {
  const m = text ? KO_TIME.exec(text) : null;
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : null;
}

function ImportActivity() {
  const running = useImportStore((s) => s.running);
  const outcome = useImportStore((s) => s.outcome);
  if (running) return createElement(ImportProgressPanel);
  return outcome && outcome.kind !== 'invalid' ? createElement(ImportOutcomeNotice, { outcome }) : null;
}

let host: HTMLElement | null = null;

function screen(): HTMLElement {
  if (host) return host;
  host = document.createElement('main');
  document.body.append(host);
  useUiStore.setState({ language: 'ko' });
  createRoot(host).render(createElement(I18nextProvider, { i18n }, createElement(ImportActivity)));
  return host;
}

/** The API client, with every importBegin and importNext answer noted on the way. */
function watchedApi(arrivals: ChunkArrival[], importIds: string[]): CouncilApi {
  const api = createCouncilApi();
  return {
    ...api,
    importBegin: async (arg) => {
      const begun = await api.importBegin(arg);
      if (begun.started) importIds.push(begun.importId);
      return begun;
    },
    importNext: async (arg) => {
      const chunk = await api.importNext(arg);
      const bytes = chunk.kind === 'data' ? chunk.evidence.reduce((sum, p) => sum + evidenceBytesSize(p.bytes), 0) : 0;
      arrivals.push({ t: performance.now(), kind: chunk.kind, bytes, progressBytes: chunk.progress.bytesRead });
      return chunk;
    },
  };
}

async function leftoverRows(dbName: string, bundleId: string): Promise<Record<string, number>> {
  const db = openCouncilDb(dbName);
  await db.open();
  const counts = {
    bundles: await db.bundles.where('bundleId').equals(bundleId).count(),
    cases: await db.cases.where('bundleId').equals(bundleId).count(),
    caseSummaries: await db.caseSummaries.where('bundleId').equals(bundleId).count(),
    documents: await db.documents.where('[bundleId+file]').between([bundleId, Dexie.minKey], [bundleId, Dexie.maxKey], true, true).count(),
  };
  db.close();
  return counts;
}

/**
 * Imports `path` into the database `dbName` through the import store, as the Bundles screen
 * does, and says what was seen on the way. With `cancelAtPercent`, Cancel is pressed once the bar
 * shows that percent or more.
 */
async function uiImport(path: string, dbName: string, bundleId: string, cancelAtPercent: number | null): Promise<UiImportResult> {
  const root = screen();
  const arrivals: ChunkArrival[] = [];
  const importIds: string[] = [];
  const api = watchedApi(arrivals, importIds);
  const progress: ProgressSample[] = [];
  const shown: ShownSample[] = [];
  const tasks: { t: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ t: entry.startTime, ms: entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  const unsubscribe = useImportStore.subscribe((state, before) => {
    if (state.progress && state.progress !== before.progress) progress.push({ t: performance.now(), bytesRead: state.progress.bytesRead, bytesTotal: state.progress.bytesTotal });
  });
  let cancelledAt: number | null = null;
  let cancelPercent: number | null = null;
  const look = () => {
    const bar = root.querySelector('[role="progressbar"]');
    const now = bar?.getAttribute('aria-valuenow');
    if (!bar) return;
    const sample = { t: performance.now(), percent: now ? Number(now) : null, secondsLeft: secondsShown(root.querySelector('[data-testid="import-time-left"]')?.textContent) };
    shown.push(sample);
    if (cancelAtPercent !== null && cancelledAt === null && sample.percent !== null && sample.percent >= cancelAtPercent) {
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent === '불러오기 취소');
      if (button) {
        cancelledAt = performance.now();
        cancelPercent = sample.percent;
        button.click();
      }
    }
  };
  const mutations = new MutationObserver(look);
  mutations.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  const ticker = setInterval(look, 100);

  useImportStore.setState({ outcome: null });
  const db = openCouncilDb(dbName);
  await db.open();
  const startedAt = performance.now();
  void useImportStore.getState().start(db, api, path);
  const outcomeShown = () => root.querySelector('[role="progressbar"]') === null && useImportStore.getState().outcome !== null;
  await domShows(root, outcomeShown);
  const shownAt = performance.now();
  clearInterval(ticker);
  mutations.disconnect();
  unsubscribe();
  // the observer's last entries are delivered in a task of their own
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const outcome = useImportStore.getState().outcome!;
  db.close();
  const leftover = outcome.kind === 'imported' ? {} : await leftoverRows(dbName, bundleId);
  let sessionOpen = false;
  for (const importId of importIds) {
    sessionOpen ||= await api.importNext({ importId }).then(
      () => true,
      () => false,
    );
  }
  return {
    outcome: outcome.kind,
    startedAt,
    shownAt,
    bytesTotal: progress[0]?.bytesTotal ?? 0,
    arrivals,
    progress,
    shown,
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.ms)),
    longTasks: tasks,
    cancelledAt,
    cancelPercent,
    leftover,
    sessionOpen,
  };
}

Object.assign(window, { councilEvidenceBench: { uiImport } });
