/**
 * The native confirmation asked before any new key is trusted (trust-store.ts): each key's name,
 * roles and whole keyid, the trust file it goes into, and, when the built-in demo trust file was in
 * use, that its demo key is not carried over. In the app's language, or Korean and English both.
 */
import type { DialogLanguage } from '../../../shared/api';
import { TRUST_ROLE_NAMES } from '../../../shared/i18n';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import type { ConfirmRequest } from '../dialog-port';
import { inLanguages } from '../security-confirm';

export interface TrustConfirmation {
  keys: readonly Pick<TrustedKey, 'keyid' | 'name' | 'roles'>[];
  /** The app's own trust file, where the keys are written. */
  file: string;
  /** The built-in demo trust file was in use: its demo key (whose private half is public) is left out. */
  demoLeftOut: boolean;
}

const WORDS = {
  ko: {
    title: '키 신뢰하기',
    message: (n: number) => (n === 1 ? '이 키를 신뢰할까요? 이 키로 서명된 파일을 아래 역할로 믿게 됩니다.' : `이 키 ${n}개를 신뢰할까요? 이 키들로 서명된 파일을 아래 역할로 믿게 됩니다.`),
    key: (k: TrustConfirmation['keys'][number]) => `이름: ${k.name}\n역할: ${k.roles.map((r) => TRUST_ROLE_NAMES.ko[r]).join(', ')}\n키 ID: ${k.keyid}`,
    file: (file: string) => `이 앱의 신뢰 파일에 씁니다: ${file}`,
    demoLeftOut: '기본 제공 데모 신뢰 파일의 데모 키는 옮기지 않습니다.',
    confirm: '신뢰하기',
  },
  en: {
    title: 'Trust a key',
    message: (n: number) => (n === 1 ? 'Trust this key? Files signed by it will be trusted in the roles below.' : `Trust these ${n} keys? Files signed by them will be trusted in the roles below.`),
    key: (k: TrustConfirmation['keys'][number]) => `Name: ${k.name}\nRoles: ${k.roles.map((r) => TRUST_ROLE_NAMES.en[r]).join(', ')}\nKey ID: ${k.keyid}`,
    file: (file: string) => `Written into the app's own trust file: ${file}`,
    demoLeftOut: 'The demo key of the built-in demo trust file is not carried over.',
    confirm: 'Trust',
  },
} satisfies Record<DialogLanguage, unknown>;

/** The confirmation for trusting these keys: in `language`, or Korean first and English after it. */
export function trustConfirmationFor(what: TrustConfirmation, language?: DialogLanguage): ConfirmRequest {
  return inLanguages(language, (lang) => {
    const w = WORDS[lang];
    const lines = [...what.keys.map((k) => w.key(k)), w.file(what.file), ...(what.demoLeftOut ? [w.demoLeftOut] : [])];
    return { title: w.title, message: w.message(what.keys.length), detail: lines.join('\n\n'), confirmLabel: w.confirm };
  });
}
