/**
 * The operator: the member at this keyboard, chosen with the demo council (its secretary by
 * default), shown and changed in the header, and named as the actor of every audit entry.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { storeDemoMembers } from '../../renderer/bundles/demo-import';
import { appendAudit, firstBrokenAuditEntry, type AuditInput } from '../../renderer/db/audit';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { readSettings, writeSetting } from '../../renderer/db/settings';
import { chooseOperator } from '../../renderer/welcome';
import { demoCouncil } from './support/demo-council';
import { seedDemoCouncil } from './support/demo-seed';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';

let db: CouncilDb;
beforeEach(() => {
  db = openCouncilDb(freshDbName());
});

const actors = async () => (await db.audit.orderBy('sequence').toArray()).map((e) => [e.action, e.actor]);

describe('the operator in the database', () => {
  it('is the demo council\'s secretary once its members are stored, and stays the one the user chose', async () => {
    await storeDemoMembers(db, demoCouncil());
    expect((await readSettings(db)).operator).toBe('s1');
    expect((await db.audit.toArray())[0]).toMatchObject({ action: 'store-demo-members', actor: 's1', detail: { operator: 's1' } });

    await chooseOperator(db, 'm2');
    // The same council stored again keeps the operator chosen (and changes nothing).
    expect(await storeDemoMembers(db, demoCouncil())).toEqual({ stored: false });
    expect((await readSettings(db)).operator).toBe('m2');
    // Another roster, in which the stored operator is not, gets its own secretary.
    const other = { councilName: '다른 협의체', members: [{ memberId: 'x1', name: '김간사', affiliation: '사무국', role: 'secretary' as const, active: true, conflicts: [] }] };
    await storeDemoMembers(db, other);
    expect((await readSettings(db)).operator).toBe('x1');
    expect(await actors()).toEqual([['store-demo-members', 's1'], ['choose', 'm2'], ['store-demo-members', 'x1']]);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('is the actor of every entry, read inside the entry\'s transaction; null while there is none', async () => {
    const entry: AuditInput = { entity: 'settings', entityId: 'syncFolder', action: 'choose', detail: {} };
    await db.transaction('rw', [db.settings, db.audit], () => appendAudit(db, entry));
    await writeSetting(db, 'operator', 'm3');
    await db.transaction('rw', [db.settings, db.audit], () => appendAudit(db, entry));
    expect(await actors()).toEqual([['choose', null], ['choose', 'm3']]);
  });

  it('cannot be left out: a transaction without the settings table fails and writes nothing', async () => {
    await writeSetting(db, 'operator', 'm3');
    const entry: AuditInput = { entity: 'settings', entityId: 'x', action: 'choose', detail: {} };
    await expect(db.transaction('rw', [db.audit], () => appendAudit(db, entry))).rejects.toThrow();
    expect(await db.audit.count()).toBe(0);
  });

  it('is refused when the member is not in the roster, and a choice of the same member adds no entry', async () => {
    await storeDemoMembers(db, demoCouncil());
    await expect(chooseOperator(db, 'nobody')).rejects.toThrow(/no member nobody/);
    await chooseOperator(db, 's1');
    expect((await readSettings(db)).operator).toBe('s1');
    expect(await db.audit.count()).toBe(1);
  });
});

describe('the operator in the header', () => {
  it('shows the operator and changes it from the keyboard-usable select; the change and what follows are audited in the new name', async () => {
    const bridge = fakeBridge(demoCouncil());
    await seedDemoCouncil(db);
    const { user, unmount } = renderApp(db);
    const select = (await screen.findByRole('combobox', { name: '입력 담당' })) as HTMLSelectElement;
    expect(select.value).toBe('s1');
    expect(Array.from(select.options, (o) => o.textContent)).toEqual([
      '정한결 (위원장)',
      '박서윤 (위원)',
      '이도현 (위원)',
      '최지아 (위원)',
      '강민재 (위원)',
      '윤하늘 (간사)',
    ]);

    select.focus();
    await user.selectOptions(select, 'm4');
    await waitFor(() => expect(select.value).toBe('m4'));
    expect((await readSettings(db)).operator).toBe('m4');
    expect((await db.audit.orderBy('sequence').last())).toMatchObject({ entity: 'settings', entityId: 'operator', action: 'choose', actor: 'm4', detail: { operator: 'm4', previous: 's1' } });

    // The next change anyone makes here names the new operator.
    bridge.chooseFolder.mockResolvedValue({ ok: true, value: '/mnt/shared/council' });
    await user.click(within(document.querySelector('[data-screen="bundles"]') as HTMLElement).getByRole('button', { name: '동기화 폴더 고르기…' }));
    await waitFor(async () => expect(await db.audit.orderBy('sequence').last()).toMatchObject({ entityId: 'syncFolder', actor: 'm4' }));
    expect(await actors()).toEqual([['store-demo-members', 's1'], ['import', 's1'], ['choose', 'm4'], ['choose', 'm4']]);
    expect(await firstBrokenAuditEntry(db)).toBeNull();

    unmount();
    renderApp(db);
    expect(((await screen.findByRole('combobox', { name: '입력 담당' })) as HTMLSelectElement).value).toBe('m4');
  });

  it('in English too, and asks for a choice when a roster has no operator yet', async () => {
    fakeBridge(demoCouncil());
    await seedDemoCouncil(db);
    await writeSetting(db, 'operator', null);
    await writeSetting(db, 'language', 'en');
    const { user } = renderApp(db);
    const select = (await screen.findByRole('combobox', { name: 'Operator' })) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.options[0]?.textContent).toBe('Choose the operator');
    expect(select.options[6]?.textContent).toBe('윤하늘 (Secretary)');
    await user.selectOptions(select, 's1');
    await waitFor(() => expect(select.value).toBe('s1'));
    expect(Array.from(select.options, (o) => o.value)).not.toContain('');
  });

  it('says there is no operator when there is no roster', async () => {
    fakeBridge(demoCouncil());
    await writeSetting(db, 'firstRunDone', true);
    renderApp(db);
    expect((await screen.findByTestId('operator')).textContent).toBe('입력 담당 없음 (위원 명단 없음)');
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
