/**
 * The browser half of the Cases list benchmark: writes 100,000 synthetic case summaries to a fresh
 * IndexedDB (the app's schema), loads them through the cases store's loader (timed), renders the
 * app's own virtualized CaseList with react-dom, then times each filter and search from the store
 * change until the list's DOM shows the new result (count and first case, layout forced), and
 * the pure filter + count alone on the same index.
 */
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { formatRegistrationNo } from '../../../shared/registration-number';
import { CaseList } from '../../../renderer/cases/CaseList';
import type { BundleRow, CaseStatus, CaseSummaryRow } from '../../../renderer/db/rows';
import { openCouncilDb } from '../../../renderer/db/schema';
import { buildCaseIndex, caseIdsOf, countCases, filterCases, NO_FILTERS, type CaseFilters } from '../../../renderer/cases/case-filter';
import { loadCaseSummaries, policyTierIds, resetCasesStore, useCasesStore } from '../../../renderer/cases/cases-store';
import '../../../renderer/app/i18n';
import { domShows } from './dom-shows';

const PLACES = ['망원', '합정', '연남', '성수', '해운대', '서면', '동성로', '둔산', '수원역', '일산'];
const TRADES = ['떡볶이', '꽃집', '분식', '국밥', '카페', '택시', '미용실', '세탁소', '치킨', '베이커리', '정육점', '문구점'];
const STATUSES: CaseStatus[] = ['undecided', 'undecided', 'undecided', 'voted', 'decided', 'deferred'];
const TIERS = [['T1', 30_000], ['T2', 50_000], ['T3', null], [null, null]] as const;

/** Deterministic: the same i gives the same row. */
export function benchSummary(i: number): CaseSummaryRow {
  const r = (i * 2_654_435_761) >>> 0;
  const [tier, award] = TIERS[r % 4]!;
  const claimedLoss = 10_000 + (r % 1_500_000);
  const flags: string[] = [];
  if (r % 11 === 0) flags.push('DUPLICATE_REGISTRATION_NO');
  if (r % 13 === 0) flags.push('MISSING_DOCUMENTS');
  if (r % 7 === 0) flags.push('CLAIM_EXCEEDS_ASSESSED');
  return {
    caseId: `1015-${String(i).padStart(6, '0')}`,
    bundleId: i % 2 === 0 ? 'bench-cases-a' : 'bench-cases-b',
    status: STATUSES[r % STATUSES.length]!,
    revision: 1,
    businessName: `${PLACES[r % PLACES.length]} ${TRADES[(r >>> 8) % TRADES.length]} ${i % 97}호점`,
    registrationNo: String(1_000_000_000 + ((i * 7_919) % 8_999_999_999)).slice(0, 10),
    claimedLoss,
    assessedLoss: r % 9 === 0 ? null : Math.round(claimedLoss * 0.8),
    suggestedTier: tier,
    award,
    flags,
  };
}

function benchBundles(): BundleRow[] {
  const tiers = [{ id: 'T1' }, { id: 'T2' }, { id: 'T3' }];
  return ['bench-cases-a', 'bench-cases-b'].map((bundleId) => ({ bundleId, manifest: { policy: { tiers } } }) as unknown as BundleRow);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function drop(dbName: string): Promise<void> {
  await new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(dbName);
    req.onsuccess = resolve;
    req.onerror = () => reject(req.error);
  });
}

/** Resolves once the list shows `count` cases with `firstId` on top (checked at each DOM change). */
function listShows(host: HTMLElement, count: number, firstId: string): Promise<void> {
  const shows = () => {
    const list = host.querySelector<HTMLElement>('[role="listbox"]');
    return list?.dataset.count === String(count) && list.querySelector<HTMLElement>('[role="option"]')?.dataset.caseId === firstId;
  };
  return domShows(host, shows);
}

export interface CasesBenchResult {
  cases: number;
  writeMs: number;
  loadMs: number;
  /** The load's two parts, timed apart once: reading the rows from IndexedDB, building the index. */
  readMs: number;
  indexMs: number;
  scenarios: { name: string; shown: number; domMs: number; pureMs: number; runs: number }[];
}

async function run(runs: number, total = 100_000, dbName = 'bench-cases'): Promise<CasesBenchResult> {
  await drop(dbName);
  const db = openCouncilDb(dbName);
  await db.open();
  const rows = Array.from({ length: total }, (_, i) => benchSummary(i + 1));
  const written = performance.now();
  for (let i = 0; i < rows.length; i += 10_000) await db.caseSummaries.bulkPut(rows.slice(i, i + 10_000));
  const writeMs = performance.now() - written;

  const loads: number[] = [];
  for (let r = 0; r < Math.max(3, Math.ceil(runs / 2)); r += 1) {
    resetCasesStore();
    const started = performance.now();
    await useCasesStore.getState().ensureLoaded(db, benchBundles());
    loads.push(performance.now() - started);
  }
  const readStarted = performance.now();
  const read = await loadCaseSummaries(db);
  const readMs = performance.now() - readStarted;
  const indexStarted = performance.now();
  buildCaseIndex(read, policyTierIds(benchBundles()));
  const indexMs = performance.now() - indexStarted;

  const store = useCasesStore.getState();
  const index = store.index;
  if (!index || index.rows.length !== total) throw new Error(`the cases store loaded ${index?.rows.length ?? 'no'} cases, not ${total}`);

  const host = document.createElement('div');
  host.style.width = '1100px';
  document.body.append(host);
  const root: Root = createRoot(host);
  root.render(createElement(CaseList));
  await listShows(host, total, rows[0]!.caseId);
  // the scroll box's size comes from cases.css in the app; the benchmark page has no style sheet
  const scroller = host.querySelector<HTMLElement>('[role="listbox"]')!;
  Object.assign(scroller.style, { height: '640px', overflowY: 'auto', position: 'relative' });
  await new Promise((resolve) => requestAnimationFrame(resolve));

  const sample = rows[54_321]!;
  const scenarios: [string, Partial<CaseFilters>][] = [
    ['filter: tier T2 + flag DUPLICATE_REGISTRATION_NO', { tier: 'T2', flag: 'DUPLICATE_REGISTRATION_NO' }],
    ['search: a business-name fragment ("떡볶이")', { search: '떡볶이' }],
    [`search: a registration number with hyphens (${formatRegistrationNo(sample.registrationNo)})`, { search: formatRegistrationNo(sample.registrationNo) }],
  ];
  const results: CasesBenchResult['scenarios'] = [];
  for (const [name, patch] of scenarios) {
    const filters = { ...NO_FILTERS, ...patch };
    const expected = caseIdsOf(index, filterCases(index, filters, store.sort));
    if (expected.length === 0) throw new Error(`benchmark scenario finds nothing: ${name}`);
    const dom: number[] = [];
    const pure: number[] = [];
    for (let r = 0; r < runs; r += 1) {
      useCasesStore.getState().clearFilters();
      await listShows(host, total, rows[0]!.caseId);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const started = performance.now();
      useCasesStore.getState().setFilters(patch);
      await listShows(host, expected.length, expected[0]!);
      void scroller.scrollHeight; // layout, as the frame would
      dom.push(performance.now() - started);

      const pureStarted = performance.now();
      countCases(index, filterCases(index, filters, store.sort));
      pure.push(performance.now() - pureStarted);
    }
    results.push({ name, shown: expected.length, domMs: median(dom), pureMs: median(pure), runs });
  }
  root.unmount();
  host.remove();
  resetCasesStore();
  db.close();
  await drop(dbName);
  return { cases: total, writeMs, loadMs: median(loads), readMs, indexMs, scenarios: results };
}

Object.assign(window, { councilCasesBench: { run } });
