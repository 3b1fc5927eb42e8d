/**
 * The chair key of this device, which signs decision files (FORMATS.md): its keyid goes into the
 * payload's signer. Made on first use where the system keychain keeps it (safe-storage: no
 * passphrase); under passphrase protection it is made or unlocked in Settings → Keys.
 */
import type { DeviceKeys } from '../../../shared/api';
import type { CouncilApi } from '../../common/council-api';

/** Why no chair key can sign now: none, and one needs a passphrase (Settings → Keys); or locked. */
export type ChairKeyBlock = 'passphrase' | 'locked';

export type ChairKeyState = { kind: 'ready'; keyid: string } | { kind: 'can-make' } | { kind: 'blocked'; block: ChairKeyBlock };

export function chairKeyState(keys: DeviceKeys): ChairKeyState {
  if (keys.chair) return keys.unlocked ? { kind: 'ready', keyid: keys.chair.keyid } : { kind: 'blocked', block: 'locked' };
  return keys.protection === 'safe-storage' ? { kind: 'can-make' } : { kind: 'blocked', block: 'passphrase' };
}

/** The chair key's keyid, made now if it can be; or why there is none. */
export async function chairKeyid(api: Pick<CouncilApi, 'getDeviceKeys' | 'createDeviceKey'>): Promise<{ keyid: string } | { block: ChairKeyBlock }> {
  const state = chairKeyState(await api.getDeviceKeys());
  if (state.kind === 'ready') return { keyid: state.keyid };
  if (state.kind === 'blocked') return { block: state.block };
  const made = await api.createDeviceKey({ role: 'chair' });
  if (!made.chair) return { block: 'passphrase' };
  return { keyid: made.chair.keyid };
}
