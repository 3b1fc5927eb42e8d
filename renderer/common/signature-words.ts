/** A bundle's signature status in words: "서명됨: <name> (<first 12 of the keyid>)". */
import type { TFunction } from 'i18next';
import type { SignatureStatus } from '../../shared/bundle-types';

export const KEYID_SHOWN = 12;

export function signatureWords(t: TFunction, signature: SignatureStatus): string {
  switch (signature.state) {
    case 'trusted':
      return t('signature.trusted', { name: signature.name, keyid: signature.keyid.slice(0, KEYID_SHOWN) });
    case 'untrusted':
      return t('signature.untrusted', { keyid: signature.keyid.slice(0, KEYID_SHOWN) });
    case 'unsigned':
      return t('signature.unsigned');
  }
}
