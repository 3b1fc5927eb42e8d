/**
 * The soak's restore check: the last backup, restored into a fresh database, held to the live
 * database it was made of (both read by page/soak-profile-page.ts). They must hold the same rows
 * per table, the same rows (each table's digest), the same decisions, and the same audit log up
 * to the backup's head, which is the manifest's; after it the live log has exactly the backup's
 * own entry and the restored log exactly the restore's, chained to the head, and both chains
 * check. The rows per table are also the manifest's. Every difference is listed; none may be left.
 */
import type { AuditLine, SoakProfile } from './page/soak-profile-page';

export interface RestoredBackup {
  /** The backup's file name, as main named it. */
  name: string;
  /** The manifest's rows per table and audit head (what the backup says it holds). */
  tables: Record<string, number>;
  auditHead: { sequence: number; hash: string } | null;
}

const show = (a: AuditLine | undefined | null) => (a ? `#${a.sequence} ${a.entity}/${a.action} ${a.entityId} (${a.hash.slice(0, 12)}…)` : 'none');

/** The one entry after the head each log must have: the backup's own (live) or the restore's (restored). */
function checkTail(problems: string[], which: string, tail: AuditLine[], action: string, backup: RestoredBackup): void {
  const head = backup.auditHead;
  const [entry, ...more] = tail;
  if (!entry) {
    problems.push(`the ${which} audit log has no entry after the backup's head; it should end with the ${action} of ${backup.name}`);
    return;
  }
  if (entry.entity !== 'backup' || entry.action !== action || entry.entityId !== backup.name) problems.push(`the ${which} audit log's entry after the head is ${show(entry)}, not the ${action} of ${backup.name}`);
  if (entry.sequence !== (head?.sequence ?? 0) + 1 || entry.prevHash !== (head?.hash ?? null)) problems.push(`the ${which} audit log's ${show(entry)} does not follow the head (prevHash ${entry.prevHash})`);
  if (more.length > 0) problems.push(`the ${which} audit log has ${more.length} more entries after the ${action}: ${more.slice(0, 5).map(show).join(', ')}`);
}

export function checkRestored(backup: RestoredBackup, live: SoakProfile, restored: SoakProfile): string[] {
  const problems: string[] = [];
  for (const [which, p] of [['live', live], ['restored', restored]] as const) {
    if (!p.audit.intact) problems.push(`the ${which} database's audit chain breaks at entry ${p.audit.brokenAt}`);
  }

  // the audit head: the manifest's, and the entry of that sequence in both logs
  const head = backup.auditHead;
  for (const [which, at] of [['live', live.auditAt], ['restored', restored.auditAt]] as const) {
    if (head === null ? at !== null : at?.hash !== head.hash) problems.push(`the backup's audit head is ${head ? `#${head.sequence} (${head.hash.slice(0, 12)}…)` : 'none'}; the ${which} log holds ${show(at)} there`);
  }
  if (live.auditAt && restored.auditAt && JSON.stringify(live.auditAt) !== JSON.stringify(restored.auditAt)) problems.push(`the audit head differs: live ${show(live.auditAt)}, restored ${show(restored.auditAt)}`);
  checkTail(problems, 'live', live.auditTail, 'export', backup);
  checkTail(problems, 'restored', restored.auditTail, 'restore', backup);

  // rows per table (the audit log's up to the head), against each other and the manifest
  const held = (p: SoakProfile, table: string) => (p.counts[table] ?? 0) - (table === 'audit' ? p.auditTail.length : 0);
  for (const table of new Set([...Object.keys(live.counts), ...Object.keys(restored.counts), ...Object.keys(backup.tables)])) {
    const [l, r, m] = [held(live, table), held(restored, table), backup.tables[table] ?? 0];
    if (l !== r) problems.push(`table ${table}: the live database holds ${l} rows, the restored one ${r}`);
    if (r !== m) problems.push(`table ${table}: the restored database holds ${r} rows, the backup's manifest ${m}`);
    if (table !== 'decisions' && live.digests[table] !== restored.digests[table]) problems.push(`table ${table}: the rows differ (SHA-256 ${live.digests[table]?.slice(0, 12)}… live, ${restored.digests[table]?.slice(0, 12)}… restored)`);
  }

  // the decisions, row by row
  const differing: string[] = [];
  for (const key of new Set([...Object.keys(live.decisions), ...Object.keys(restored.decisions)])) {
    const [l, r] = [live.decisions[key], restored.decisions[key]];
    if (l !== r) differing.push(l === undefined ? `${key} only in the restored database` : r === undefined ? `${key} missing from the restored database` : `${key} differs`);
  }
  if (differing.length > 0) problems.push(`${differing.length} decision row(s) differ: ${differing.slice(0, 20).join('; ')}${differing.length > 20 ? '; …' : ''}`);
  return problems;
}
