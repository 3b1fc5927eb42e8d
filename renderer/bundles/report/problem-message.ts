/**
 * A bundle problem's sentence in the UI language: its `code` translated (i18n key
 * `problems.<CODE>`) with its params, counts and sizes formatted for the language. A problem with
 * a code this UI does not know (a newer reader), or lacking a param the sentence needs, shows the
 * reader's English `message` instead.
 */
import type { TFunction, TOptions } from 'i18next';
import type { Problem } from '../../../shared/problems/problem';
import type { Language } from '../../../shared/i18n';
import { formatBytes } from '../../common/format/bytes';
import { formatCount } from '../../common/format/numbers';
import { koProblems } from './problem-strings-ko';

export type ProblemCode = keyof typeof koProblems;

export function isKnownProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(koProblems, code);
}

/** Params as the sentence shows them: names ending in "Bytes" as sizes, other numbers as counts. */
function shownParams(params: Record<string, string | number>, language: Language): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    shown[name] = typeof value !== 'number' ? value : name.endsWith('Bytes') ? formatBytes(value, language) : formatCount(value, language);
  }
  return shown;
}

export function problemMessage(t: TFunction, p: Problem, language: Language): string {
  if (!isKnownProblemCode(p.code)) return p.message;
  const params = shownParams(p.params, language);
  const needed = [...koProblems[p.code].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
  if (!needed.every((name) => Object.hasOwn(params, name))) return p.message;
  return t(`problems.${p.code}`, params as TOptions);
}
