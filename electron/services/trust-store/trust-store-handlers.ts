/**
 * The trust-store feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts):
 * edits of the trust file in use through one TrustStore (trust-store.ts), each answering the trust
 * file in use afterwards as describeTrust does, and its export where the user says.
 */
import type { ApiHandlers, DeviceKey, DeviceKeyRole } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import type { DeviceKeyAccess, FeatureContext } from '../feature-context';
import { OWN_TRUST_FILE, TrustStore } from './trust-store';

export type TrustHandlers = Pick<ApiHandlers, 'addTrustedKey' | 'removeTrustedKey' | 'trustDeviceKeys' | 'exportTrustFile'>;

async function deviceKey(keys: DeviceKeyAccess, role: DeviceKeyRole): Promise<DeviceKey> {
  const key = await keys.publicKey(role);
  if (!key) throw new CouncilError('KEY_MISSING', `This device has no ${role} key yet; make or import one in Settings before trusting it.`);
  return key;
}

export function createTrustHandlers(ctx: FeatureContext): TrustHandlers {
  const store = new TrustStore({ userDataDir: ctx.paths.userDataDir, builtInTrust: ctx.paths.demoTrust, security: ctx.security, dialogs: ctx.dialogs });
  return {
    addTrustedKey: (request) => store.add(request),
    removeTrustedKey: ({ keyid }) => store.remove(keyid),
    async trustDeviceKeys({ chairName, secretaryName, language }) {
      const chair = await deviceKey(ctx.keys, 'chair');
      const secretary = await deviceKey(ctx.keys, 'secretary');
      return store.trustDeviceKeys(chair, secretary, { chairName, secretaryName, language });
    },
    async exportTrustFile() {
      const target = await ctx.dialogs.saveFile(OWN_TRUST_FILE);
      if (target === null) return null;
      await store.exportTo(target);
      return target;
    },
  };
}
