/** The bulk vote: one member's vote on many agenda cases at once, and the dialog that records it. */
export { BulkVoteDialog, type BulkVoteDialogProps } from './BulkVoteDialog';
export { bulkOpenSuggestionProposals, planBulkVote, recordBulkVote, suggestionRefusal, type BulkOpenResult, type BulkVotePlan, type BulkVoteResult, type BulkWhen, type OpenSkip, type SuggestionRefusal } from './bulk-vote-db';
export { bulkStandingOf, loadBulkStanding, type BulkStanding, type MemberProgress } from './bulk-standing';
export { caseVoteBar, memberVoteBar, voteBar, type CaseVoteBar, type MemberVoteBar, type VoteBar } from './vote-eligibility';
export { useRoomBulkVote, type RoomBulkVoteProps } from './RoomBulkVote';
export { closeAndDecideBulk, type CloseDecideResult } from './close-and-decide';
export { presetOf, loadBulkPreset, type BulkPreset } from './room-preset';
export { koBulk } from './strings-ko';
export { enBulk } from './strings-en';
