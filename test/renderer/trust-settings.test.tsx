/**
 * Settings → Trust in the renderer: the trusted keys with their keyids and roles, the requests the
 * forms send to the main process (which makes each edit), what it answers shown, and an audit
 * entry written for every edit it made, none for one declined or refused.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TrustInfo } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { openCouncilDb } from '../../renderer/db/schema';
import { demoCouncil } from './support/demo-council';
import { seedDemoCouncil } from './support/demo-seed';
import { APP_INFO, DEMO_TRUST, fakeBridge, type FakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';

const OWN = '/home/secretary/.config/council-desk/trust.json';

function ed25519() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const der = Buffer.from(publicKey.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return { publicKeyPem: publicKey, privateKeyPem: privateKey, keyid: createHash('sha256').update(der).digest('hex') };
}

const DEVICE = { chair: ed25519(), secretary: ed25519() };

/** A main process that edits as trust-store.ts does: into its own trust file, which it then holds. */
function trustingMain(bridge: FakeBridge) {
  let trust: TrustInfo = DEMO_TRUST;
  const keyids = new Map<string, string>();
  const own = (keys: TrustInfo['keys']) => {
    trust = { path: OWN, builtIn: false, keys };
    bridge.hold({ trustFile: OWN });
    return ok(trust);
  };
  const start = () => (trust.builtIn ? [] : trust.keys);
  bridge.describeTrust.mockImplementation(async () => ok(trust));
  bridge.addTrustedKey.mockImplementation(async ({ name, roles, publicKeyPem }) => own([...start(), { keyid: keyids.get(publicKeyPem)!, name, roles }]));
  bridge.removeTrustedKey.mockImplementation(async ({ keyid }) => own(trust.keys.filter((k) => k.keyid !== keyid)));
  bridge.trustDeviceKeys.mockImplementation(async ({ chairName, secretaryName }) =>
    own([...start(), { keyid: DEVICE.chair.keyid, name: chairName, roles: ['chair'] }, { keyid: DEVICE.secretary.keyid, name: secretaryName, roles: ['secretary'] }]),
  );
  bridge.exportTrustFile.mockResolvedValue(ok('/home/secretary/for-payment/trust.json'));
  return { knows: (key: { publicKeyPem: string; keyid: string }) => keyids.set(key.publicKeyPem, key.keyid) };
}

async function openTrust() {
  const bridge = fakeBridge(demoCouncil(), APP_INFO);
  const main = trustingMain(bridge);
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: '설정' }));
  const root = await screen.findByTestId('trust-settings');
  const view = within(root);
  await view.findByRole('table', { name: '신뢰하는 키' });
  return { ...app, bridge, main, root, view, addForm: () => within(view.getByRole('form', { name: '신뢰 키 추가' })) };
}

const keyRows = (root: HTMLElement) =>
  within(within(root).getByRole('table', { name: '신뢰하는 키' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));

const lastAudit = (db: ReturnType<typeof openCouncilDb>) => db.audit.orderBy('sequence').last();

describe('Settings → Trust', () => {
  it('lists the trusted keys with their keyids and roles, each with a remove button', async () => {
    const { root, view } = await openTrust();
    expect(keyRows(root)).toEqual([['카카오 1015 소상공인 지원센터', 'a1b2c3d4e5f6', '사건 묶음 발행', '제거']]);
    expect(view.getByText('a1b2c3d4e5f6').getAttribute('title')).toBe(DEMO_TRUST.keys[0]!.keyid);
    expect(view.getByRole('button', { name: '제거: 카카오 1015 소상공인 지원센터' })).toBeTruthy();
  });

  it('sends the pasted key with its name and roles, shows the trust file the main process answers, and audits it', async () => {
    const { root, view, bridge, main, user, db, addForm } = await openTrust();
    const key = ed25519();
    main.knows(key);
    await user.type(addForm().getByRole('textbox', { name: '이름 *' }), '결제 담당 검증 키');
    await user.click(addForm().getByRole('checkbox', { name: '위원장' }));
    await user.click(addForm().getByRole('checkbox', { name: '위원' }));
    await user.click(addForm().getByRole('textbox', { name: '공개 키 (PEM) *' }));
    await user.paste(key.publicKeyPem);
    await user.click(addForm().getByRole('button', { name: '키 신뢰하기…' }));

    expect((await addForm().findByRole('status')).textContent).toBe('결제 담당 검증 키 키를 신뢰합니다.');
    expect(bridge.addTrustedKey).toHaveBeenCalledWith({ name: '결제 담당 검증 키', roles: ['chair', 'member'], publicKeyPem: key.publicKeyPem, language: 'ko' });
    // The demo key is not carried into the app's own trust file, which is now the one in use.
    expect(keyRows(root)).toEqual([['결제 담당 검증 키', key.keyid.slice(0, 12), '위원장, 위원', '제거']]);
    await waitFor(() => expect(view.getByTestId('trust-in-use').textContent).toBe(`고른 신뢰 파일: ${OWN}`));
    expect(addForm().getByRole<HTMLTextAreaElement>('textbox', { name: '공개 키 (PEM) *' }).value).toBe('');
    expect(await lastAudit(db)).toMatchObject({
      entity: 'settings',
      entityId: 'trust',
      action: 'add-key',
      actor: 's1',
      detail: { keyid: key.keyid, name: '결제 담당 검증 키', roles: ['chair', 'member'], trustFile: OWN },
    });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('says what is missing in the form, and never sends a private key', async () => {
    const { bridge, user, addForm } = await openTrust();
    await user.click(addForm().getByRole('button', { name: '키 신뢰하기…' }));
    expect(addForm().getByText('이름을 입력하세요.')).toBeTruthy();
    expect(addForm().getByText('역할을 하나 이상 고르세요.')).toBeTruthy();
    expect(addForm().getByText('공개 키를 붙여 넣으세요.')).toBeTruthy();
    expect(document.activeElement).toBe(addForm().getByRole('textbox', { name: '이름 *' }));

    await user.type(addForm().getByRole('textbox', { name: '이름 *' }), '위원장');
    await user.click(addForm().getByRole('checkbox', { name: '위원장' }));
    await user.click(addForm().getByRole('textbox', { name: '공개 키 (PEM) *' }));
    await user.paste(ed25519().privateKeyPem);
    await user.click(addForm().getByRole('button', { name: '키 신뢰하기…' }));
    const pem = addForm().getByRole('textbox', { name: '공개 키 (PEM) *' });
    expect(pem.getAttribute('aria-invalid')).toBe('true');
    expect(addForm().getByText(/^개인 키입니다\./)).toBeTruthy();
    expect(bridge.addTrustedKey).not.toHaveBeenCalled();
  });

  it('shows a key the main process refuses with its code, and a declined confirmation, auditing neither', async () => {
    const { bridge, user, db, addForm } = await openTrust();
    const entries = await db.audit.count();
    bridge.addTrustedKey.mockResolvedValueOnce(fail('TRUST_KEY_INVALID', 'The key is a rsa key, but Council Desk uses Ed25519 keys only.'));
    await user.type(addForm().getByRole('textbox', { name: '이름 *' }), '사무국');
    await user.click(addForm().getByRole('checkbox', { name: '사건 묶음 발행' }));
    await user.click(addForm().getByRole('textbox', { name: '공개 키 (PEM) *' }));
    await user.paste('-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----\n');
    await user.click(addForm().getByRole('button', { name: '키 신뢰하기…' }));
    const alert = await addForm().findByRole('alert');
    expect(alert.textContent).toContain('키를 신뢰하지 못했습니다.');
    expect(alert.textContent).toContain('오류 코드 TRUST_KEY_INVALID: The key is a rsa key');

    bridge.addTrustedKey.mockResolvedValueOnce(fail('CONFIRMATION_DECLINED', 'Trusting the key was not confirmed.'));
    await user.click(addForm().getByRole('button', { name: '키 신뢰하기…' }));
    expect((await addForm().findByRole('status')).textContent).toBe('확인하지 않아 신뢰 파일을 그대로 두었습니다.');
    expect(addForm().queryByRole('alert')).toBeNull();
    expect(await db.audit.count()).toBe(entries);
  });

  it('removes a key only once asked again, and audits it', async () => {
    const { view, bridge, user, db } = await openTrust();
    await user.click(view.getByRole('button', { name: '제거: 카카오 1015 소상공인 지원센터' }));
    const dialog = screen.getByRole('dialog', { name: '신뢰 키 제거' });
    expect(dialog.textContent).toContain(DEMO_TRUST.keys[0]!.keyid);
    await user.click(within(dialog).getByRole('button', { name: '취소' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.removeTrustedKey).not.toHaveBeenCalled();

    await user.click(view.getByRole('button', { name: '제거: 카카오 1015 소상공인 지원센터' }));
    await user.click(within(screen.getByRole('dialog', { name: '신뢰 키 제거' })).getByRole('button', { name: '제거' }));
    const said = await view.findByText('카카오 1015 소상공인 지원센터 키를 신뢰하는 키에서 제거했습니다.');
    expect(said.getAttribute('role')).toBe('status');
    // The row and its button are gone: the focus is on what was said, not lost.
    await waitFor(() => expect(document.activeElement).toBe(said));
    expect(bridge.removeTrustedKey).toHaveBeenCalledWith({ keyid: DEMO_TRUST.keys[0]!.keyid });
    expect(view.queryByRole('table', { name: '신뢰하는 키' })).toBeNull();
    expect(view.getByText('신뢰하는 키가 없습니다.')).toBeTruthy();
    expect(await lastAudit(db)).toMatchObject({
      entityId: 'trust',
      action: 'remove-key',
      detail: { keyid: DEMO_TRUST.keys[0]!.keyid, name: '카카오 1015 소상공인 지원센터', roles: ['bundle-issuer'], trustFile: OWN },
    });
  });

  it("trusts this device's keys named after the council's chair and secretary, and audits both", async () => {
    const { root, view, bridge, user, db } = await openTrust();
    const form = within(view.getByRole('form', { name: '이 기기의 키 신뢰하기' }));
    expect(form.getByRole<HTMLInputElement>('textbox', { name: '위원장 키 이름 *' }).value).toBe('정한결');
    expect(form.getByRole<HTMLInputElement>('textbox', { name: '간사 키 이름 *' }).value).toBe('윤하늘');
    await user.click(form.getByRole('button', { name: '이 기기의 키 신뢰하기…' }));

    expect((await form.findByRole('status')).textContent).toBe('이 기기의 위원장 키와 간사 키를 신뢰합니다.');
    expect(bridge.trustDeviceKeys).toHaveBeenCalledWith({ chairName: '정한결', secretaryName: '윤하늘', language: 'ko' });
    expect(keyRows(root).map((r) => r.slice(0, 3))).toEqual([
      ['정한결', DEVICE.chair.keyid.slice(0, 12), '위원장'],
      ['윤하늘', DEVICE.secretary.keyid.slice(0, 12), '간사'],
    ]);
    expect(await lastAudit(db)).toMatchObject({
      action: 'trust-device-keys',
      detail: {
        keys: [
          { keyid: DEVICE.chair.keyid, name: '정한결', roles: ['chair'] },
          { keyid: DEVICE.secretary.keyid, name: '윤하늘', roles: ['secretary'] },
        ],
        trustFile: OWN,
      },
    });
  });

  it('shows why the device keys cannot be trusted yet', async () => {
    const { view, bridge, user, db } = await openTrust();
    const entries = await db.audit.count();
    bridge.trustDeviceKeys.mockResolvedValueOnce(fail('KEY_MISSING', 'This device has no secretary key yet.'));
    const form = within(view.getByRole('form', { name: '이 기기의 키 신뢰하기' }));
    await user.click(form.getByRole('button', { name: '이 기기의 키 신뢰하기…' }));
    expect((await form.findByRole('alert')).textContent).toContain('오류 코드 KEY_MISSING: This device has no secretary key yet.');
    expect(await db.audit.count()).toBe(entries);
  });

  it('exports the trust file where the user says and audits it; a cancelled save says nothing', async () => {
    const { view, bridge, user, db } = await openTrust();
    await user.click(view.getByRole('button', { name: '신뢰 파일 내보내기…' }));
    expect((await view.findByText('신뢰 파일을 내보냈습니다: /home/secretary/for-payment/trust.json')).getAttribute('role')).toBe('status');
    expect(await lastAudit(db)).toMatchObject({
      action: 'export',
      detail: { path: '/home/secretary/for-payment/trust.json', trustFile: DEMO_TRUST.path, keyids: [DEMO_TRUST.keys[0]!.keyid] },
    });

    const entries = await db.audit.count();
    bridge.exportTrustFile.mockResolvedValueOnce(ok(null));
    await user.click(view.getByRole('button', { name: '신뢰 파일 내보내기…' }));
    await waitFor(() => expect(bridge.exportTrustFile).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(view.queryByText(/신뢰 파일을 내보냈습니다/)).toBeNull());
    expect(await db.audit.count()).toBe(entries);
  });
});
