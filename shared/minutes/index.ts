/** The minutes of a meeting (issue 13): the model, built from the decision files, and the payment list. */
export * from './minutes-model';
export * from './payment-list';
export { revisionsByCase, totalsAtHighestRevision, type CaseRevisions, type FiledDecision } from './highest-revision';
export { minutesFileName, minutesAttestationFileName } from './file-names';
