/**
 * The audit log on the Decisions screen and in the header: checked at start-up, shown intact or
 * broken (where, how, with the hashes that differ), checked again on demand, announced, usable by
 * keyboard, and exported through the API with the log's exact lines.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetAnnouncer, useAnnouncerStore } from '../../renderer/common/announcer';
import { readAuditLines } from '../../renderer/db/audit-check';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { auditExportName } from '../../renderer/decisions/audit-export';
import { refreshAuditCheck, runAuditCheck, useAuditStore } from '../../renderer/decisions/audit-status';
import { seedAuditLog } from './support/audit-entries';
import { seedDemoCouncil } from './support/demo-seed';
import { demoCouncil } from './support/demo-council';
import { FAKE_DEFAULT_SYNC, fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';

afterEach(() => resetAnnouncer());

/** The demo council stored, and `extra` audit entries more. */
async function councilDb(extra = 0): Promise<CouncilDb> {
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  await seedAuditLog(db, extra);
  return db;
}

async function openDecisions(app: ReturnType<typeof renderApp>) {
  await app.user.click(await screen.findByRole('link', { name: '의결' }));
  const root = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-screen="decisions"]');
      expect(el).not.toBeNull();
      return el!;
    });
  return within(within(root).getByRole('region', { name: '감사 기록' }));
}

const polite = () => useAnnouncerStore.getState().polite?.text;
const assertive = () => useAnnouncerStore.getState().assertive?.text;

describe('the audit log on the Decisions screen', () => {
  it('is checked at start-up and shown intact with its count, without a notice in the header or a word said', async () => {
    fakeBridge(demoCouncil());
    const db = await councilDb(3);
    const count = await db.audit.count();
    const app = renderApp(db);
    const panel = await openDecisions(app);
    await waitFor(() => expect(panel.getByTestId('audit-status').textContent).toBe(`감사 기록: 이상 없음, ${count}개 항목`));
    expect(screen.queryByTestId('audit-broken-notice')).toBeNull();
    expect(assertive()).toBeUndefined();
    expect(polite()).toBeUndefined();
  });

  it('is checked again as the screen opens when the log changed since start-up, and only then', async () => {
    fakeBridge(demoCouncil());
    const db = await councilDb();
    const app = renderApp(db);
    await waitFor(() => expect(useAuditStore.getState().status.state).toBe('checked'));
    await seedAuditLog(db, 3);
    const count = await db.audit.count();
    const panel = await openDecisions(app);
    await waitFor(() => expect(panel.getByTestId('audit-status').textContent).toBe(`감사 기록: 이상 없음, ${count}개 항목`));

    const states: string[] = [];
    const stop = useAuditStore.subscribe((s) => states.push(s.status.state));
    await refreshAuditCheck(db);
    expect(states).toEqual([]);
    await runAuditCheck(db, { asked: false });
    expect(states).toEqual(['checking', 'checked']);
    stop();
  });

  it('speaks English too', async () => {
    fakeBridge(demoCouncil());
    const db = await councilDb(2);
    await writeSetting(db, 'language', 'en');
    const count = await db.audit.count();
    const app = renderApp(db);
    await app.user.click(await screen.findByRole('link', { name: 'Decisions' }));
    const region = await screen.findByRole('region', { name: 'Audit log' });
    await waitFor(() => expect(within(region).getByTestId('audit-status').textContent).toBe(`Audit log intact, ${count} entries`));
    expect(within(region).getByRole('button', { name: 'Check again' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Export audit log' })).toBeTruthy();
  });

  it('found broken at start-up: a notice in the header wherever the user is, announced, which opens the details', async () => {
    fakeBridge(demoCouncil());
    const db = await councilDb(6);
    const count = await db.audit.count();
    const sequence = count - 2;
    const before = (await db.audit.get(sequence))!;
    await db.audit.update(sequence, { detail: { note: 'changed afterwards' } });
    const app = renderApp(db);

    const notice = await screen.findByTestId('audit-broken-notice');
    expect(notice.textContent).toBe(`감사 기록 이상: ${sequence}번 항목`);
    expect(document.querySelector('[data-screen="bundles"]')).not.toBeNull();
    await waitFor(() => expect(assertive()).toBe(`감사 기록: ${sequence}번 항목에서 끊김 (전체 ${count}개 항목). ${sequence}번 항목의 내용이 저장된 해시와 맞지 않습니다. 항목이나 그 해시가 바뀌었습니다.`));

    notice.focus();
    await app.user.keyboard('{Enter}');
    const root = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-screen="decisions"]');
      expect(el).not.toBeNull();
      return el!;
    });
    const panel = within(within(root).getByRole('region', { name: '감사 기록' }));
    await waitFor(() => expect(panel.getByTestId('audit-status').textContent).toBe(`감사 기록: ${sequence}번 항목에서 끊김 (전체 ${count}개 항목)`));
    expect(panel.getByTestId('audit-what').textContent).toContain('저장된 해시와 맞지 않습니다');
    const values = Array.from(root.querySelectorAll('.audit-values > div'), (d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(values[0]).toEqual(['저장된 해시', before.hash]);
    expect(values[1]![0]).toBe('다시 계산한 해시');
    expect(values[1]![1]).toMatch(/^[0-9a-f]{64}$/);
    expect(values[1]![1]).not.toBe(before.hash);
  });

  it('is checked again by keyboard: a removal found, announced; then, mended, intact and said so', async () => {
    fakeBridge(demoCouncil());
    const db = await councilDb(4);
    const count = await db.audit.count();
    const app = renderApp(db);
    const panel = await openDecisions(app);
    await waitFor(() => expect(panel.getByTestId('audit-status').textContent).toContain('이상 없음'));

    const removed = (await db.audit.get(2))!;
    await db.audit.delete(2);
    const again = panel.getByRole('button', { name: '다시 확인' });
    again.focus();
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(panel.getByTestId('audit-status').textContent).toBe(`감사 기록: 2번 항목에서 끊김 (전체 ${count - 1}개 항목)`));
    expect(panel.getByTestId('audit-what').textContent).toBe('2번 항목이 없습니다(지워짐). 그다음 항목은 3번입니다.');
    expect(assertive()).toContain('2번 항목이 없습니다');
    expect(await screen.findByTestId('audit-broken-notice')).toBeTruthy();
    expect(document.activeElement).toBe(again);

    await db.audit.add(removed);
    await app.user.keyboard(' ');
    await waitFor(() => expect(panel.getByTestId('audit-status').textContent).toBe(`감사 기록: 이상 없음, ${count}개 항목`));
    expect(polite()).toBe(`감사 기록: 이상 없음, ${count}개 항목`);
    expect(screen.queryByTestId('audit-broken-notice')).toBeNull();
  });

  it("shows two entries swapped as entries moved, with the hashes that differ", async () => {
    fakeBridge(demoCouncil());
    const db = await councilDb(4);
    const count = await db.audit.count();
    const [a, b] = [(await db.audit.get(count - 2))!, (await db.audit.get(count - 1))!];
    await db.audit.bulkPut([{ ...b, sequence: a.sequence }, { ...a, sequence: b.sequence }]);
    const app = renderApp(db);
    const panel = await openDecisions(app);
    await waitFor(() => expect(panel.getByTestId('audit-what').textContent).toBe(`${a.sequence}번 자리에 ${b.sequence}번 항목 다음에 와야 할 항목이 있습니다. 항목의 순서가 바뀌었습니다.`));
    expect(panel.getByText(a.hash)).toBeTruthy();
  });
});

describe('exporting the audit log', () => {
  it("hands the main process the log's exact lines under today's date, and says where it went", async () => {
    const bridge = fakeBridge(demoCouncil(), undefined, { syncFolder: '/media/usb/sync' });
    const db = await councilDb(2);
    const { lines, entries } = await readAuditLines(db);
    const app = renderApp(db);
    const panel = await openDecisions(app);
    await app.user.click(panel.getByRole('button', { name: '감사 기록 내보내기' }));
    const name = auditExportName();
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await waitFor(() => expect(panel.getByTestId('audit-export').textContent).toBe(`감사 기록 ${entries}개 항목을 내보냈습니다: /media/usb/sync/audit-${name}.ndjson`));
    expect(bridge.exportAuditLog).toHaveBeenCalledTimes(1);
    expect(bridge.exportAuditLog).toHaveBeenCalledWith({ name, lines });
    expect(lines.split('\n')).toHaveLength(entries + 1);
    expect(polite()).toBe(`감사 기록 ${entries}개 항목을 내보냈습니다: /media/usb/sync/audit-${name}.ndjson`);
  });

  it('with no sync folder chosen, exports into the default one in use and names it', async () => {
    const bridge = fakeBridge(demoCouncil());
    const db = await councilDb();
    const { entries } = await readAuditLines(db);
    const app = renderApp(db);
    const panel = await openDecisions(app);
    await app.user.click(panel.getByRole('button', { name: '감사 기록 내보내기' }));
    const name = auditExportName();
    await waitFor(() => expect(panel.getByTestId('audit-export').textContent).toBe(`감사 기록 ${entries}개 항목을 내보냈습니다: ${FAKE_DEFAULT_SYNC}/audit-${name}.ndjson`));
    expect(bridge.exportAuditLog).toHaveBeenCalledTimes(1);
    expect(panel.queryByRole('alert')).toBeNull();
  });

  it('says in words when the chosen sync folder is gone, with the code', async () => {
    const bridge = fakeBridge(demoCouncil(), undefined, { syncFolder: '/media/usb/sync' });
    bridge.exportAuditLog.mockResolvedValueOnce({ ok: false, error: { code: 'SYNC_FOLDER_MISSING', message: 'The sync folder /media/usb/sync cannot be found. Is the drive connected?' } });
    const app = renderApp(await councilDb());
    const panel = await openDecisions(app);
    await app.user.click(panel.getByRole('button', { name: '감사 기록 내보내기' }));
    const alert = await panel.findByRole('alert');
    expect(alert.textContent).toContain('동기화 폴더를 찾을 수 없습니다. 드라이브가 연결되어 있는지 확인하세요.');
    expect(alert.textContent).toContain('SYNC_FOLDER_MISSING');
  });

  it("shows the main process's refusal of a broken chain, naming the line", async () => {
    const bridge = fakeBridge(demoCouncil(), undefined, { syncFolder: '/sync' });
    bridge.exportAuditLog.mockResolvedValueOnce({
      ok: false,
      error: { code: 'AUDIT_CHAIN_BROKEN', message: 'Line 3 of the audit log: entry 3 does not give its stored hash. Nothing was written.' },
    });
    const app = renderApp(await councilDb(3));
    const panel = await openDecisions(app);
    await app.user.click(panel.getByRole('button', { name: '감사 기록 내보내기' }));
    const alert = await panel.findByRole('alert');
    expect(alert.textContent).toContain('감사 기록이 끊겨 있어 내보내지 않았습니다.');
    expect(alert.textContent).toContain('Line 3 of the audit log');
  });
});
