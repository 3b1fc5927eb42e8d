/**
 * The decided cases of the minutes' DOCX (minutes-docx.ts has the rest): for each case its
 * suggestion and basis in one line, every proposal with each member's vote by name, recusals with
 * their reasons, the decision (outcome and award), the rationale, and the signed file that holds it.
 */
import type { Paragraph, Table } from 'docx';
import type { MinutesText } from '../../../shared/i18n/minutes-words';
import type { MinutesCase, MinutesProposal } from '../../../shared/minutes/minutes-model';
import { fields, heading, labelled, paragraph, table } from './docx-blocks';

type Block = Paragraph | Table;

function proposalBlocks(p: MinutesProposal, t: MinutesText): Block[] {
  return [
    labelled(t.proposal(p), t.tally(p.tally)),
    table({
      head: [t.columns.member, t.columns.role, t.columns.vote, t.columns.reason],
      widths: [3, 2, 2, 5],
      rows: p.votes.map((v) => [v.name, t.role(v.role), t.vote(v.vote), v.reason ?? '']),
    }),
    paragraph(''),
  ];
}

function caseBlocks(c: MinutesCase, t: MinutesText): Block[] {
  const k = t.case;
  const recusals = c.recusals.length === 0 ? k.noRecusals : c.recusals.map((r) => t.recusal(r.name, r.reason)).join('\n');
  return [
    heading(`${c.caseId} — ${c.businessName}`, 2),
    labelled(k.suggestion, `${t.suggestion(c.suggestion)} — ${k.basis}: ${t.basis(c.suggestion)}`),
    heading(k.proposals, 3),
    ...c.proposals.flatMap((p) => proposalBlocks(p, t)),
    labelled(k.recusals, recusals),
    labelled(k.outcome, t.decision(c)),
    labelled(k.rationale, c.rationale === '' ? t.none : c.rationale),
    ...fields([
      [k.decidedAt, `${t.dateTime(c.decidedAt)} · ${t.revision(c.revision)}`],
      [k.decisionFile, c.file.fileName],
    ]),
    ...(c.reopened ? [paragraph(t.reopened(c.reopened.reason))] : []),
    ...(c.history.length > 0 ? [labelled(k.history, c.history.map((h) => t.historyLine(h)).join('\n'))] : []),
  ];
}

/** The section of the decided cases, each under its own heading. */
export function casesSection(cases: readonly MinutesCase[], t: MinutesText): Block[] {
  return [heading(t.sections.cases, 1), ...(cases.length === 0 ? [paragraph(t.noCases)] : cases.flatMap((c) => caseBlocks(c, t)))];
}
