/**
 * Settings → this device's signing keys, with a fake main process: the passphrase set (typed
 * twice) or given to unlock, each key's keyid, origin and public key export, make and import,
 * and every refusal of main shown in an alert with a Korean title. Keyboard only where it matters.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceKey, DeviceKeys } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import { createCouncilApi } from '../../renderer/common/council-api';
import { resetFilePicker } from '../../renderer/common/file-picker';
import { applyLanguage } from '../../renderer/common/i18n';
import { ServicesProvider } from '../../renderer/common/services';
import { openCouncilDb } from '../../renderer/db/schema';
import { DeviceKeysPanel } from '../../renderer/settings/keys/DeviceKeysPanel';
import { APP_INFO, fakeBridge } from './support/fake-bridge';
import { demoCouncil } from './support/demo-council';
import { freshDbName, renderApp } from './support/render-app';
import { seedDemoCouncil } from './support/demo-seed';
import { formatDateTime } from '../../shared/i18n';

const CHAIR: DeviceKey = {
  role: 'chair',
  keyid: '3f2a9c0d1e4b5a6978877665544332211ffeeddccbbaa99887766554433221100',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAchairchairchairchairchairchairchairchair=\n-----END PUBLIC KEY-----\n',
  createdAt: '2024-05-02T00:30:00.000Z',
  imported: false,
};
const SECRETARY: DeviceKey = { ...CHAIR, role: 'secretary', keyid: 'ab'.repeat(32), imported: true };
const NONE: DeviceKeys = { protection: 'passphrase', passphraseSet: false, unlocked: false, chair: null, secretary: null };

afterEach(() => resetFilePicker());

async function renderPanel(start: DeviceKeys = NONE, mode: 'electron' | 'browser' = 'electron') {
  const bridge = fakeBridge(demoCouncil(), { ...APP_INFO, mode });
  let held = start;
  const answer = (next: DeviceKeys) => ((held = next), ok(next));
  bridge.getDeviceKeys.mockImplementation(async () => ok(held));
  bridge.unlockDeviceKeys.mockImplementation(async ({ passphrase }) =>
    passphrase === 'right passphrase' ? answer({ ...held, unlocked: true }) : fail('KEY_PASSPHRASE_WRONG', 'The passphrase is wrong. 2 tries left before a 30-second pause.'),
  );
  bridge.createDeviceKey.mockImplementation(async ({ role }) =>
    held[role] ? fail('KEY_EXISTS', `This device already has a ${role} key.`) : answer({ ...held, passphraseSet: held.protection === 'passphrase', [role]: role === 'chair' ? CHAIR : SECRETARY }),
  );
  bridge.importDeviceKey.mockImplementation(async ({ role }) => answer({ ...held, [role]: role === 'chair' ? { ...CHAIR, imported: true } : SECRETARY }));
  const user = userEvent.setup();
  render(
    <ServicesProvider services={{ db: openCouncilDb(freshDbName()), api: createCouncilApi() }}>
      <DeviceKeysPanel />
    </ServicesProvider>,
  );
  const panel = screen.getByRole('region', { name: '이 기기의 서명 키' });
  await within(panel).findByTestId('device-keys-protection');
  return { bridge, user, panel, view: within(panel), key: (name: string) => within(within(panel).getByRole('region', { name })) };
}

describe("Settings: this device's keys", () => {
  it('is mounted in Settings and shows a device with no keys yet', async () => {
    fakeBridge(demoCouncil());
    const db = openCouncilDb(freshDbName());
    await seedDemoCouncil(db);
    const { user } = renderApp(db);
    await user.click(await screen.findByRole('link', { name: '설정' }));
    const panel = await screen.findByRole('region', { name: '이 기기의 서명 키' });
    expect(await within(panel).findByTestId('device-keys-protection')).toHaveProperty('textContent', '보호 방식: 암호문 (scrypt와 AES-256-GCM)');
    expect(within(panel).getByRole('heading', { level: 3, name: '위원장 키' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { level: 3, name: '간사 키' })).toBeTruthy();
  });

  it('sets the passphrase typed twice, refusing a short one or two that differ, then makes and imports keys', async () => {
    const { bridge, user, view, key } = await renderPanel();
    await view.findByRole('heading', { name: '암호문 정하기' });
    const make = key('위원장 키').getByRole('button', { name: '위원장 키 만들기' });
    expect(make).toHaveProperty('disabled', true);
    expect(make.getAttribute('aria-describedby')).toBeTruthy();

    const passphrase = view.getByLabelText('암호문');
    const confirm = view.getByLabelText('암호문 확인');
    await user.type(passphrase, 'short');
    await user.type(confirm, 'short{Enter}');
    expect(view.getByRole('alert').textContent).toBe('암호문은 8자 이상이어야 합니다.');
    expect(passphrase.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(passphrase);

    await user.clear(passphrase);
    await user.type(passphrase, 'right passphrase');
    await user.clear(confirm);
    await user.type(confirm, 'right passphrasf{Enter}');
    expect(view.getByRole('alert').textContent).toBe('두 암호문이 서로 다릅니다.');
    expect(document.activeElement).toBe(confirm);
    expect(bridge.unlockDeviceKeys).not.toHaveBeenCalled();

    await user.clear(confirm);
    await user.type(confirm, 'right passphrase{Enter}');
    await waitFor(() => expect(bridge.unlockDeviceKeys).toHaveBeenCalledWith({ passphrase: 'right passphrase' }));
    await waitFor(() => expect(view.queryByLabelText('암호문')).toBeNull());
    expect(view.getByText('암호문을 정했습니다. 첫 키를 만들 때 그 키와 함께 저장됩니다.')).toBeTruthy();
    expect(document.activeElement).toBe(view.getByRole('heading', { level: 2, name: '이 기기의 서명 키' }));

    await user.click(key('위원장 키').getByRole('button', { name: '위원장 키 만들기' }));
    await waitFor(() => expect(key('위원장 키').getByTestId('keyid-chair').textContent).toBe('3f2a9c0d1e4b'));
    expect(bridge.createDeviceKey).toHaveBeenCalledWith({ role: 'chair' });
    expect(key('위원장 키').getByText('이 기기에서 만듦')).toBeTruthy();
    const created = formatDateTime(CHAIR.createdAt, 'ko');
    expect(created).toMatch(/9:30/); // in Korean time
    expect(key('위원장 키').getByText(created)).toBeTruthy();
    expect(key('위원장 키').getByLabelText('위원장 키: 전체 키 ID')).toHaveProperty('value', CHAIR.keyid);

    await user.click(key('간사 키').getByRole('button', { name: /PEM 가져오기…$/ }));
    await waitFor(() => expect(key('간사 키').getByText('PEM 파일에서 가져옴')).toBeTruthy());
    expect(bridge.importDeviceKey).toHaveBeenCalledWith({ role: 'secretary' }); // main's own dialog chooses the file
    expect(view.getByText('간사 키를 가져왔습니다.')).toBeTruthy();
  });

  it("exports a public key as <keyid>.pub.pem with the existing save call, and says where it went", async () => {
    const { bridge, user, key, view } = await renderPanel({ protection: 'safe-storage', passphraseSet: false, unlocked: true, chair: CHAIR, secretary: null });
    await user.click(await key('위원장 키').findByRole('button', { name: '공개 키 내보내기…' }));
    expect(bridge.saveTextFile).toHaveBeenCalledWith({ suggestedName: `${CHAIR.keyid}.pub.pem`, text: CHAIR.publicKeyPem });
    expect(await view.findByText(`공개 키를 저장했습니다: /home/secretary/${CHAIR.keyid}.pub.pem`)).toBeTruthy();
    // The system's secure storage: no passphrase to set or give, and the other key can be made.
    expect(view.getByTestId('device-keys-protection').textContent).toBe('보호 방식: 운영체제의 보안 저장소 (암호문이 필요 없습니다)');
    expect(view.queryByLabelText('암호문')).toBeNull();
    expect(key('간사 키').getByRole('button', { name: '간사 키 만들기' })).toHaveProperty('disabled', false);
  });

  it("unlocks with the passphrase from the keyboard, and shows main's refusal in an alert with the tries left", async () => {
    const { bridge, user, view, key } = await renderPanel({ ...NONE, passphraseSet: true, chair: CHAIR });
    await view.findByRole('heading', { name: '키 잠금 풀기' });
    expect(view.queryByLabelText('암호문 확인')).toBeNull();
    await user.type(view.getByLabelText('암호문'), 'wrong passphrase{Enter}');
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('암호문이 틀렸습니다.');
    expect(alert.textContent).toContain('KEY_PASSPHRASE_WRONG');
    expect(alert.textContent).toContain('2 tries left');

    await user.clear(view.getByLabelText('암호문'));
    await user.type(view.getByLabelText('암호문'), 'right passphrase{Enter}');
    await waitFor(() => expect(view.queryByRole('alert')).toBeNull());
    expect(bridge.unlockDeviceKeys).toHaveBeenLastCalledWith({ passphrase: 'right passphrase' });
    expect(view.getByText('키의 잠금이 풀려 있습니다 (앱을 끝낼 때까지).')).toBeTruthy();
    expect(key('간사 키').getByRole('button', { name: '간사 키 만들기' })).toHaveProperty('disabled', false);
  });

  it('shows a refused key in an alert, and a cancelled import changes nothing', async () => {
    const { bridge, user, view, key } = await renderPanel({ protection: 'safe-storage', passphraseSet: false, unlocked: true, chair: null, secretary: null });
    bridge.importDeviceKey.mockResolvedValueOnce(ok(null));
    await user.click(await key('위원장 키').findByRole('button', { name: /PEM 가져오기…$/ }));
    await waitFor(() => expect(bridge.importDeviceKey).toHaveBeenCalledTimes(1));
    expect(view.queryByRole('alert')).toBeNull();
    expect(key('위원장 키').getByText(/아직 키가 없습니다/)).toBeTruthy();

    bridge.importDeviceKey.mockResolvedValueOnce(fail('KEY_INVALID', '/keys/chair.pub.pem is a public key; expected an Ed25519 private key'));
    await user.click(key('위원장 키').getByRole('button', { name: /PEM 가져오기…$/ }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('이 파일은 암호화되지 않은 Ed25519 PKCS#8 개인 키가 아닙니다.');
    expect(alert.textContent).toContain('/keys/chair.pub.pem is a public key');
  });

  it('imports with the in-app file picker in browser mode, passing the chosen path', async () => {
    const { bridge, user, key } = await renderPanel({ protection: 'passphrase', passphraseSet: true, unlocked: true, chair: null, secretary: null }, 'browser');
    bridge.browseFolder.mockResolvedValue(ok({ path: '/home/sec', parent: '/home', folders: [], files: [{ name: 'chair.key.pem', path: '/home/sec/chair.key.pem' }], truncated: false }));
    await user.click(await key('위원장 키').findByRole('button', { name: /PEM 가져오기…$/ }));
    const dialog = await screen.findByRole('dialog', { name: '개인 키 파일 고르기' });
    await user.click(await within(dialog).findByRole('option', { name: 'chair.key.pem' }));
    await user.click(within(dialog).getByRole('button', { name: '고르기' }));
    await waitFor(() => expect(bridge.importDeviceKey).toHaveBeenCalledWith({ role: 'chair', path: '/home/sec/chair.key.pem' }));
    expect(bridge.browseFolder).toHaveBeenCalledWith({ path: null, kind: 'key' });
  });

  it('is in English when the UI is', async () => {
    await applyLanguage('en');
    const bridge = fakeBridge(demoCouncil());
    bridge.getDeviceKeys.mockResolvedValue(ok({ ...NONE, passphraseSet: true, chair: CHAIR }));
    render(
      <ServicesProvider services={{ db: openCouncilDb(freshDbName()), api: createCouncilApi() }}>
        <DeviceKeysPanel />
      </ServicesProvider>,
    );
    const panel = screen.getByRole('region', { name: "This device's signing keys" });
    expect(await within(panel).findByRole('heading', { name: 'Unlock the keys' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Export public key…' })).toBeTruthy();
    expect(within(panel).getByText('Made on this device')).toBeTruthy();
  });
});
