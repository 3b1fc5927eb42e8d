/**
 * Settings → this device's signing keys: how their private halves are protected, the passphrase
 * (set before the first key, or given to unlock them in this run), and for the chair and the
 * secretary their key (DeviceKeyCard). The main process holds the keys: every change asks it and
 * shows what it answers; a refusal is shown in an alert with its code and message.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_KEY_ROLES, type DeviceKey, type DeviceKeyRole, type DeviceKeys } from '../../../shared/api';
import { describeError, type ErrorInfo } from '../../common/council-api';
import { ErrorNotice } from '../../common/ErrorNotice';
import { useServices } from '../../common/services';
import { DeviceKeyCard } from './DeviceKeyCard';
import { importDeviceKey } from './import-key';
import { PassphraseForm } from './PassphraseForm';
import './device-keys.css';

type Action = 'load' | 'make' | 'import' | 'unlock' | 'export';
type Problem = { action: Action; error: ErrorInfo };

const KNOWN_ERRORS = ['KEY_PASSPHRASE_WRONG', 'KEY_LOCKED_OUT', 'KEY_PASSPHRASE_NEEDED', 'KEY_EXISTS', 'KEY_INVALID', 'KEY_NOT_FOUND', 'KEYSTORE_LOCKED', 'KEYSTORE_UNREADABLE'] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];
const isKnown = (code: string): code is KnownError => (KNOWN_ERRORS as readonly string[]).includes(code);

export function DeviceKeysPanel() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [keys, setKeys] = useState<DeviceKeys | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    api.getDeviceKeys().then(
      (value) => current && setKeys(value),
      (err: unknown) => current && setProblem({ action: 'load', error: describeError(err) }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  /** Runs one call to main, which shows what it answered and says in words what it did (null: cancelled). */
  async function run(action: Action, call: () => Promise<string | null>): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const words = await call();
      setDone(words);
      return words !== null;
    } catch (err) {
      setProblem({ action, error: describeError(err) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const roleName = (role: DeviceKeyRole) => t(`deviceKeys.roles.${role}`);
  const make = (role: DeviceKeyRole) =>
    run('make', async () => {
      setKeys(await api.createDeviceKey({ role }));
      return t('deviceKeys.made', { role: roleName(role) });
    });
  const importKey = (role: DeviceKeyRole) =>
    run('import', async () => {
      const answer = await importDeviceKey(api, role);
      if (answer === null) return null;
      setKeys(answer);
      return t('deviceKeys.importedNow', { role: roleName(role) });
    });
  const exportKey = (key: DeviceKey) =>
    run('export', async () => {
      const path = await api.saveTextFile({ suggestedName: `${key.keyid}.pub.pem`, text: key.publicKeyPem });
      return path === null ? null : t('deviceKeys.exported', { path });
    });
  const givePassphrase = async (passphrase: string) => {
    const given = await run('unlock', async () => {
      const answer = await api.unlockDeviceKeys({ passphrase });
      setKeys(answer);
      return answer.passphraseSet ? t('deviceKeys.unlocked') : t('deviceKeys.held');
    });
    // The form is gone: the focus goes back to the panel's heading.
    if (given) headingRef.current?.focus();
  };

  const needsPassphrase = keys !== null && keys.protection === 'passphrase' && !keys.unlocked;
  return (
    <section className="card settings-group device-keys" aria-labelledby="device-keys-title" data-testid="device-keys">
      <h2 id="device-keys-title" ref={headingRef} tabIndex={-1} className="card__title">
        {t('deviceKeys.title')}
      </h2>
      <p className="choice__hint choice__hint--flush">{t('deviceKeys.intro')}</p>
      {keys === null && problem === null && <p role="status">{t('deviceKeys.loading')}</p>}
      {keys !== null && (
        <>
          <p data-testid="device-keys-protection">{t(`deviceKeys.protection.${keys.protection}`)}</p>
          {keys.protection === 'passphrase' && keys.unlocked && keys.passphraseSet && done !== t('deviceKeys.unlocked') && <p>{t('deviceKeys.unlocked')}</p>}
          {needsPassphrase && <PassphraseForm mode={keys.passphraseSet ? 'unlock' : 'set'} busy={busy} onSubmit={(p) => void givePassphrase(p)} />}
        </>
      )}
      {problem && <ErrorNotice title={isKnown(problem.error.code) ? t(`deviceKeys.errors.${problem.error.code}`) : t(`deviceKeys.failed.${problem.action}`)} error={problem.error} />}
      <p role="status" className="device-keys__done">
        {done}
      </p>
      {keys !== null &&
        DEVICE_KEY_ROLES.map((role) => (
          <DeviceKeyCard
            key={role}
            role={role}
            deviceKey={keys[role]}
            canAdd={!needsPassphrase}
            busy={busy}
            onMake={() => void make(role)}
            onImport={() => void importKey(role)}
            onExport={(key) => void exportKey(key)}
          />
        ))}
    </section>
  );
}
