/**
 * The words of the confirmation a change of the security settings needs when it lowers a
 * protection: what exactly changes (signature checks off; the trust file's path and the keys it
 * trusts), in the app's language, or in Korean and English both when the caller did not say
 * (inLanguages, which trust-store/trust-confirm.ts uses too).
 */
import type { DialogLanguage } from '../../shared/api';
import type { TrustedKey } from '../../shared/schemas/trust-file';
import type { ConfirmRequest } from './dialog-port';

/** A protection a change lowers. */
export type Lowering =
  | { kind: 'signature-off' }
  /** Another trust file: bundles signed by the keys it lists will be trusted. */
  | { kind: 'trust-file'; path: string; keys: readonly Pick<TrustedKey, 'name'>[] }
  /** Back to the built-in demo trust file, whose key's private half is public. */
  | { kind: 'built-in-trust' };

/** Key names spelled out in the dialog; the rest are counted. */
const NAMES_SHOWN = 5;

function names(keys: readonly Pick<TrustedKey, 'name'>[]): string {
  const shown = keys.slice(0, NAMES_SHOWN).map((k) => k.name);
  return keys.length > NAMES_SHOWN ? `${shown.join(', ')}, …` : shown.join(', ');
}

const WORDS = {
  ko: {
    title: '보안 설정 바꾸기',
    message: '보호 기능을 낮추는 변경입니다. 바꿀까요?',
    turnOff: '끄기',
    change: '바꾸기',
    line(l: Lowering): string {
      switch (l.kind) {
        case 'signature-off':
          return '서명된 사건 묶음만 허용을 끕니다: 신뢰하는 키로 서명되지 않은 사건 묶음도 불러오게 됩니다.';
        case 'trust-file':
          return l.keys.length === 0
            ? `사건 묶음의 서명을 이 신뢰 파일로 확인합니다: ${l.path}\n이 파일은 키를 하나도 신뢰하지 않습니다.`
            : `사건 묶음의 서명을 이 신뢰 파일로 확인합니다: ${l.path}\n이 파일이 신뢰하는 키 ${l.keys.length}개: ${names(l.keys)}`;
        case 'built-in-trust':
          return '기본 제공 데모 신뢰 파일로 돌아갑니다. 이 파일이 신뢰하는 데모 키는 개인 키가 Council Desk와 함께 공개되어 있어 누구나 그 키로 서명할 수 있습니다. 시험용으로만 쓰십시오.';
      }
    },
  },
  en: {
    title: 'Change a security setting',
    message: 'This change lowers a protection. Change it?',
    turnOff: 'Turn off',
    change: 'Change',
    line(l: Lowering): string {
      switch (l.kind) {
        case 'signature-off':
          return 'Require signed bundles is turned off: bundles not signed by a trusted key will be imported.';
        case 'trust-file':
          return l.keys.length === 0
            ? `Bundles will be checked against this trust file: ${l.path}\nIt trusts no key at all.`
            : `Bundles will be checked against this trust file: ${l.path}\nIt trusts ${l.keys.length} key${l.keys.length === 1 ? '' : 's'}: ${names(l.keys)}`;
        case 'built-in-trust':
          return 'The built-in demo trust file will be used again. The private half of the demo key it trusts is published with Council Desk, so anyone can sign with it: for trying the app only.';
      }
    },
  },
} satisfies Record<DialogLanguage, unknown>;

function inLanguage(language: DialogLanguage, lowerings: readonly Lowering[]): ConfirmRequest {
  const w = WORDS[language];
  const onlySignature = lowerings.every((l) => l.kind === 'signature-off');
  return {
    title: w.title,
    message: w.message,
    detail: lowerings.map((l) => w.line(l)).join('\n\n'),
    confirmLabel: onlySignature ? w.turnOff : w.change,
  };
}

/** The confirmation for these lowerings: in `language`, or Korean first and English after it. */
export function confirmationFor(lowerings: readonly Lowering[], language?: DialogLanguage): ConfirmRequest {
  return inLanguages(language, (lang) => inLanguage(lang, lowerings));
}

/** A confirmation in `language`, or when the caller did not say, Korean first and English after it. */
export function inLanguages(language: DialogLanguage | undefined, make: (language: DialogLanguage) => ConfirmRequest): ConfirmRequest {
  if (language) return make(language);
  const ko = make('ko');
  const en = make('en');
  return {
    title: `${ko.title} / ${en.title}`,
    message: `${ko.message}\n${en.message}`,
    detail: `${ko.detail}\n\n${en.detail}`,
    confirmLabel: `${ko.confirmLabel} / ${en.confirmLabel}`,
  };
}
