/**
 * The received decision files panel: each file with its signer, meeting, sequence and chain; a
 * failed one with its reasons and no decisions; a verified one's decisions read-only, with a
 * conflict where this device decided otherwise (and nothing written to this device); "Open
 * decision file…" adding a file; a sync folder not set or gone said plainly.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReceivedDecisionFile } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import { applyLanguage } from '../../renderer/common/i18n';
import { createCouncilApi } from '../../renderer/common/council-api';
import { ServicesProvider } from '../../renderer/common/services';
import { useUiStore } from '../../renderer/common/ui-store';
import type { CouncilDb } from '../../renderer/db/schema';
import { InboxDecisionsPanel } from '../../renderer/decisions/inbox';
import { samplePayload } from '../support/decision-payloads';
import { demoCouncil } from './support/demo-council';
import { APP_INFO, fakeBridge, type FakeBridge } from './support/fake-bridge';
import { freshDbEachTest } from './support/fresh-db';
import { decision } from './support/meeting-council';
import { CHAIR_KEYID, failedFile, verifiedFile } from './support/received-files';

let db: CouncilDb;
freshDbEachTest((d) => (db = d));
let bridge: FakeBridge;
beforeEach(() => {
  bridge = fakeBridge(demoCouncil(), APP_INFO, { syncFolder: '/sync' });
});

const FIRST = verifiedFile(samplePayload({ keyid: CHAIR_KEYID }));
const TAMPERED = failedFile('decisions-2023-03-02-0002.dsse.json', [
  { path: 'decisions[0].award', code: 'SIGNATURE_INVALID', message: 'The signature does not verify: the payload was changed after signing.' },
]);

function showInbox(files: ReceivedDecisionFile[]) {
  bridge.listInboxDecisions.mockResolvedValue(ok(files));
}

async function renderPanel() {
  const user = userEvent.setup();
  render(
    <ServicesProvider services={{ db, api: createCouncilApi() }}>
      <InboxDecisionsPanel />
    </ServicesProvider>,
  );
  const panel = within(screen.getByRole('region', { name: '받은 의결 파일' }));
  return { user, panel };
}

/** The list's row of a file, by its name. */
async function fileRow(panel: ReturnType<typeof within>, fileName: string) {
  const table = await panel.findByRole('table', { name: '받은 의결 파일 목록' });
  return within(within(table).getByRole('rowheader', { name: new RegExp(`^${fileName.replace(/\./g, '\\.')}`) }).closest('tr')!);
}

describe('the received decision files', () => {
  it('lists a verified file with its signer, key, meeting, sequence, chain and who verified it', async () => {
    showInbox([FIRST]);
    const { panel } = await renderPanel();
    const row = await fileRow(panel, 'decisions-2023-03-02-0001.dsse.json');
    const cells = row.getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual([
      `정한결 (위원장)키 ${CHAIR_KEYID.slice(0, 12)}`,
      '2023-03-02',
      '1',
      '첫 파일',
      '검증됨신뢰 파일의 위원장 정한결 키로 검증',
      '의결 3건 보기',
    ]);
    expect(row.getByRole('button', { name: 'decisions-2023-03-02-0001.dsse.json: 의결 3건 보기' }).getAttribute('aria-expanded')).toBe('false');
    expect(bridge.listInboxDecisions).toHaveBeenCalledWith(undefined);
  });

  it('shows a failed file as failed with its reason, and none of its decisions', async () => {
    showInbox([FIRST, TAMPERED]);
    const { panel } = await renderPanel();
    const row = await fileRow(panel, TAMPERED.fileName);
    expect(row.getByText('검증 실패')).toBeTruthy();
    // the reasons in the row below, across the list: main's words where the screen has none of its own
    const reasons = within(panel.getByTestId('received-problems'));
    expect(reasons.getByText(`${TAMPERED.fileName}의 검증 실패 이유:`)).toBeTruthy();
    expect(reasons.getByRole('listitem').textContent).toBe('decisions[0].award: The signature does not verify: the payload was changed after signing. (SIGNATURE_INVALID)');
    expect(row.queryByRole('button')).toBeNull();
    expect(row.getByText('검증에 실패한 파일의 의결은 보여 주지 않습니다.')).toBeTruthy();
    expect(panel.queryByRole('table', { name: `${TAMPERED.fileName}의 의결 (읽기 전용)` })).toBeNull();
  });

  it('says the common reasons in Korean, with their code', async () => {
    showInbox([failedFile('decisions-2023-03-02-0003.dsse.json', [{ path: '', code: 'DECISION_SIGNATURE_UNTRUSTED', message: 'signed by a key the trust file does not hold' }])]);
    const { panel } = await renderPanel();
    const reasons = within(await panel.findByTestId('received-problems'));
    expect(reasons.getByRole('listitem').textContent).toBe('신뢰 파일에 없는 키로 서명되었습니다. (DECISION_SIGNATURE_UNTRUSTED)');
  });

  it('shows a gap, a reorder and a duplicate in the chain', async () => {
    const second = verifiedFile(samplePayload({ sequence: 3, previous: 'f'.repeat(64), firstCase: 10 }), { chain: 'gap' });
    const moved = verifiedFile(samplePayload({ sequence: 2, previous: 'f'.repeat(64), firstCase: 20 }), { chain: 'previous-mismatch', fileName: 'decisions-2023-03-02-0002.dsse.json' });
    const twin = verifiedFile(samplePayload({ sequence: 2, previous: 'f'.repeat(64), firstCase: 30 }), { chain: 'duplicate', fileName: 'copy-of-0002.dsse.json' });
    showInbox([FIRST, second, moved, twin]);
    const { panel } = await renderPanel();
    expect((await fileRow(panel, second.fileName)).getByText('빠진 파일 있음 (앞 순번 없음)')).toBeTruthy();
    expect((await fileRow(panel, moved.fileName)).getByText('순서 어긋남 (앞 파일과 맞지 않음)')).toBeTruthy();
    expect((await fileRow(panel, twin.fileName)).getByText('중복 (같은 회의·순번의 다른 파일)')).toBeTruthy();
    expect((await fileRow(panel, FIRST.fileName)).getByText('첫 파일')).toBeTruthy();
  });

  it('shows a verified file\'s decisions read-only by keyboard, with a conflict explained, and writes nothing here', async () => {
    await db.decisions.bulkAdd([decision('1015-000001', 'award', { award: 30_000 }), decision('1015-000002', 'reject')]);
    const before = await db.decisions.toArray();
    showInbox([FIRST]);
    const { user, panel } = await renderPanel();
    const row = await fileRow(panel, FIRST.fileName);
    expect(await row.findByText('충돌 1건')).toBeTruthy();
    const toggle = row.getByRole('button', { name: /의결 3건 보기$/ });
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe(`${FIRST.fileName}: 의결 접기`);
    const decisions = within(panel.getByRole('table', { name: `${FIRST.fileName}의 의결 (읽기 전용)` }));
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.querySelector('caption')?.textContent).toBe(`${FIRST.fileName}의 의결 (읽기 전용)`);
    const rows = decisions.getAllByRole('row').slice(1);
    expect(rows.map((r) => [r.querySelector('th')?.textContent, r.getAttribute('data-standing')])).toEqual([
      ['1015-000001', 'same'],
      ['1015-000002', 'conflict'],
      ['1015-000003', 'not-here'],
    ]);
    const conflict = within(rows[1]!);
    expect(conflict.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '1차',
      '지원금 50,000원',
      '찬성 3 · 반대 1 · 기권 0 · 회피 0 (출석 5/재적 5)',
      '충돌 충돌: 이 기기의 의결은 기각, 파일의 의결은 지원금 50,000원입니다.',
    ]);
    expect(within(rows[2]!).getByText('이 기기에는 이 사건의 의결이 없습니다.')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.queryByRole('table', { name: `${FIRST.fileName}의 의결 (읽기 전용)` })).toBeNull();
    expect(await db.decisions.toArray()).toEqual(before);
  });

  it('compares again when this device records a decision meanwhile', async () => {
    showInbox([FIRST]);
    const { user, panel } = await renderPanel();
    const row = await fileRow(panel, FIRST.fileName);
    await user.click(row.getByRole('button', { name: /의결 3건 보기$/ }));
    const table = within(await panel.findByRole('table', { name: `${FIRST.fileName}의 의결 (읽기 전용)` }));
    await waitFor(() => expect(table.getByRole('rowheader', { name: '1015-000003' }).closest('tr')?.getAttribute('data-standing')).toBe('not-here'));
    await db.decisions.add(decision('1015-000003', 'award', { award: 100_000 }));
    await waitFor(() => expect(table.getByRole('rowheader', { name: '1015-000003' }).closest('tr')?.getAttribute('data-standing')).toBe('conflict'));
    expect(table.getByText('충돌: 이 기기의 의결은 지원금 100,000원, 파일의 의결은 기각입니다.')).toBeTruthy();
    expect(row.getByText('충돌 1건')).toBeTruthy();
  });

  it('adds a file opened with "Open decision file…" to the list, and says how it verified', async () => {
    showInbox([FIRST]);
    const opened = verifiedFile(samplePayload({ meetingId: '2023-03-09', firstCase: 40 }), { path: '/home/clerk/Downloads/decisions-2023-03-09-0001.dsse.json' });
    bridge.openDecisionFile.mockResolvedValue(ok(opened));
    const { user, panel } = await renderPanel();
    await fileRow(panel, FIRST.fileName);
    await user.click(panel.getByRole('button', { name: '의결 파일 열기…' }));
    const row = await fileRow(panel, opened.fileName);
    expect(row.getByText('직접 연 파일')).toBeTruthy();
    expect(row.getAllByRole('cell')[1]?.textContent).toBe('2023-03-09');
    expect(bridge.openDecisionFile).toHaveBeenCalledWith({});
    // Refreshing the inbox keeps the opened file.
    await user.click(panel.getByRole('button', { name: '새로 고침' }));
    expect(await fileRow(panel, opened.fileName)).toBeTruthy();
    expect((await fileRow(panel, FIRST.fileName)).queryByText('직접 연 파일')).toBeNull();
  });

  it('adds nothing when the dialog is cancelled, and shows a failure to open', async () => {
    showInbox([]);
    const { user, panel } = await renderPanel();
    expect(await panel.findByText('받은 파일함에 의결 파일이 없습니다.')).toBeTruthy();
    await user.click(panel.getByRole('button', { name: '의결 파일 열기…' }));
    await waitFor(() => expect(bridge.openDecisionFile).toHaveBeenCalledTimes(1));
    expect(panel.queryByRole('table')).toBeNull();
    bridge.openDecisionFile.mockResolvedValue(fail('BUNDLE_READ_FAILED', '/tmp/x.dsse.json could not be read.'));
    await user.click(panel.getByRole('button', { name: '의결 파일 열기…' }));
    const alert = await panel.findByRole('alert');
    expect(alert.textContent).toContain('의결 파일을 열지 못했습니다.');
    expect(alert.textContent).toContain('/tmp/x.dsse.json could not be read.');
  });

  it('says when the sync folder is gone, and lists the inbox once it is back', async () => {
    bridge.listInboxDecisions.mockResolvedValue(fail('SYNC_FOLDER_MISSING', '/sync does not exist.'));
    const { user, panel } = await renderPanel();
    const alert = await panel.findByRole('alert');
    expect(alert.textContent).toContain('동기화 폴더를 찾을 수 없어 받은 파일함을 읽지 못했습니다.');
    expect(alert.textContent).toContain('오류 코드 SYNC_FOLDER_MISSING: /sync does not exist.');
    showInbox([FIRST]);
    await user.click(panel.getByRole('button', { name: '새로 고침' }));
    expect(await fileRow(panel, FIRST.fileName)).toBeTruthy();
    expect(panel.queryByRole('alert')).toBeNull();
  });

  it('with no sync folder chosen, shows the default folder\'s inbox (not made yet: empty, no error), and still opens a file', async () => {
    bridge = fakeBridge(demoCouncil());
    bridge.openDecisionFile.mockResolvedValue(ok(FIRST));
    const { user, panel } = await renderPanel();
    expect(await panel.findByText('받은 파일함에 의결 파일이 없습니다.')).toBeTruthy();
    expect(bridge.listInboxDecisions).toHaveBeenCalledWith(undefined);
    expect(panel.queryByRole('alert')).toBeNull();
    await user.click(panel.getByRole('button', { name: '의결 파일 열기…' }));
    expect((await fileRow(panel, FIRST.fileName)).getByText('직접 연 파일')).toBeTruthy();
  });

  it('speaks English too', async () => {
    await db.decisions.add(decision('1015-000002', 'reject'));
    useUiStore.setState({ language: 'en' });
    await applyLanguage('en');
    showInbox([FIRST, TAMPERED]);
    const user = userEvent.setup();
    render(
      <ServicesProvider services={{ db, api: createCouncilApi() }}>
        <InboxDecisionsPanel />
      </ServicesProvider>,
    );
    const panel = within(screen.getByRole('region', { name: 'Received decision files' }));
    await user.click(await panel.findByRole('button', { name: `${FIRST.fileName}: Show 3 decisions` }));
    expect(await panel.findByText('Conflict: this device decided reject; the file says award KRW 50,000.')).toBeTruthy();
    expect(panel.getByText('Verification failed')).toBeTruthy();
    expect(panel.getByText('First file')).toBeTruthy();
  });
});
