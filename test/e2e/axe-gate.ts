/**
 * The accessibility gate: axe-core run on the page as it is, its full report written to
 * test-results/a11y/<screen>.json, and a verdict. Serious and critical violations always fail;
 * moderate and minor ones fail unless test/e2e/a11y-allowlist.json names them with a reason.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (KWCAG 2.2 follows WCAG 2.1/2.2 AA), and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export const A11Y_DIR = path.resolve(__dirname, '../../test-results/a11y');
const ALLOWLIST_FILE = path.resolve(__dirname, 'a11y-allowlist.json');

/** One tolerated moderate or minor violation: its rule, on which screen ('*': any), on which nodes. */
export interface AllowEntry {
  rule: string;
  screen: string;
  /** A substring of the node's CSS selector (axe's `target`); absent: every node of the rule. */
  selector?: string;
  reason: string;
}

export function readAllowlist(): AllowEntry[] {
  const entries = (JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8')) as { allowed: AllowEntry[] }).allowed;
  for (const entry of entries) {
    if (!entry.rule || !entry.screen || !entry.reason || entry.reason.trim().length < 10) {
      throw new Error(`${ALLOWLIST_FILE}: every entry needs a rule, a screen and a reason: ${JSON.stringify(entry)}`);
    }
  }
  return entries;
}

/** What one screen's check found, for the verdict and the summary. */
export interface ScreenVerdict {
  screen: string;
  /** Violations that fail the gate, one line each: "impact rule: selector — help". */
  failures: string[];
  /** Violations let through by the allowlist. */
  allowed: string[];
  /** Counts of the report, for the summary. */
  violations: number;
  incomplete: number;
  passes: number;
}

const BLOCKING: ImpactValue[] = ['serious', 'critical'];

function nodeLine(violation: Result, target: string): string {
  return `${violation.impact ?? 'unknown'} ${violation.id}: ${target} — ${violation.help}`;
}

/** Which violations fail, which the allowlist lets through (and which entries were used). */
export function judge(screen: string, results: Pick<AxeResults, 'violations' | 'incomplete' | 'passes'>, allowlist: AllowEntry[], used: Set<AllowEntry>): ScreenVerdict {
  const failures: string[] = [];
  const allowed: string[] = [];
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      const target = node.target.map(String).join(' >>> ');
      const line = nodeLine(violation, target);
      const blocking = BLOCKING.includes(node.impact ?? violation.impact ?? 'critical');
      const entry = blocking
        ? undefined
        : allowlist.find((e) => e.rule === violation.id && (e.screen === '*' || e.screen === screen) && (e.selector === undefined || target.includes(e.selector)));
      if (entry) {
        used.add(entry);
        allowed.push(`${line} (allowed: ${entry.reason})`);
      } else failures.push(line);
    }
  }
  return { screen, failures, allowed, violations: results.violations.length, incomplete: results.incomplete.length, passes: results.passes.length };
}

/** Runs axe on the page as it stands and writes the whole report to test-results/a11y/<screen>.json. */
export async function checkScreen(page: Page, screen: string, allowlist: AllowEntry[], used: Set<AllowEntry>): Promise<ScreenVerdict> {
  // the page settled: fonts in (text size feeds the contrast check), no transition half way
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  mkdirSync(A11Y_DIR, { recursive: true });
  const { violations, incomplete, passes, inapplicable, url, timestamp, testEngine, toolOptions } = results;
  writeFileSync(path.join(A11Y_DIR, `${screen}.json`), JSON.stringify({ screen, url: new URL(url).pathname, timestamp, testEngine, toolOptions, violations, incomplete, passes, inapplicable }, null, 2));
  return judge(screen, results, allowlist, used);
}

/** test-results/a11y/summary.md: one line per screen, then every violation, allowed or not. */
export function writeSummary(verdicts: ScreenVerdict[], unused: AllowEntry[]): void {
  mkdirSync(A11Y_DIR, { recursive: true });
  const lines = [
    '# Accessibility gate (axe-core)',
    '',
    `Tags: ${AXE_TAGS.join(', ')}. Serious and critical violations fail; moderate and minor ones fail unless allowlisted (test/e2e/a11y-allowlist.json).`,
    '',
    '| screen | failing | allowed | incomplete (to check by hand) | passed rules |',
    '| --- | --- | --- | --- | --- |',
    ...verdicts.map((v) => `| ${v.screen} | ${v.failures.length} | ${v.allowed.length} | ${v.incomplete} | ${v.passes} |`),
    '',
  ];
  for (const v of verdicts) {
    if (v.failures.length + v.allowed.length === 0) continue;
    lines.push(`## ${v.screen}`, '', ...v.failures.map((f) => `- FAIL ${f}`), ...v.allowed.map((a) => `- ${a}`), '');
  }
  if (unused.length > 0) lines.push('## Allowlist entries no screen needed', '', ...unused.map((e) => `- ${e.rule} on ${e.screen}: ${e.reason}`), '');
  writeFileSync(path.join(A11Y_DIR, 'summary.md'), lines.join('\n'));
}
