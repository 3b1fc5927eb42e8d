/** English UI text: the same keys as strings-ko.ts (the type makes a missing or extra key an error). */
import { DOCUMENT_KIND_NAMES, FLAG_NAMES, FLAG_TITLES, ROLE_NAMES } from '../../shared/i18n';
import { enBundles } from '../bundles';
import { enCases } from '../cases';
import { enReview, enEvidence } from '../review';
import { enWelcome } from '../welcome';
import { enMeeting } from '../meeting';
import { enProjector } from '../meeting/projector';
import { enRoom } from '../meeting/room';
import { enBulk } from '../meeting/bulk';
import { enDecisions } from '../decisions';
import { enInboxDecisions } from '../decisions/inbox';
import { enMinutes } from '../minutes';
import { enSettings } from '../settings';
import { enTrust } from '../settings/trust';
import { enFilePicker } from '../common/file-picker';
import { enStorageFull } from '../common/storage';
import type { Messages } from './strings-ko';

export const en: Messages = {
  app: {
    name: 'Council Desk',
    loading: 'Loading…',
    loadFailed: 'The stored data could not be read.',
    errorDetail: 'Error code {{code}}: {{message}}',
    comingLater: 'Coming in a later version',
    nowAvailable: 'Available now',
  },
  shell: {
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main menu',
    bundles: 'Bundles',
    cases: 'Cases',
    meeting: 'Meeting',
    decisions: 'Decisions',
    minutes: 'Minutes',
    settings: 'Settings',
  },
  meetingState: {
    agenda: 'On the agenda of meeting {{meetingId}}',
    proposalOpen: 'Vote open: meeting {{meetingId}}, proposal {{no}}',
    awarded: 'Decided: award {{award}}',
    rejected: 'Decided: rejected',
    deferred: 'Deferred: documents awaited ({{count}})',
  },
  signature: {
    trusted: 'Signed: {{name}} ({{keyid}})',
    untrusted: 'Signed by an untrusted key ({{keyid}})',
    unsigned: 'Unsigned',
  },
  header: {
    languageGroup: 'Language',
    noCouncil: 'No council yet',
    operator: 'Operator',
    noOperator: 'No operator (no roster)',
    chooseOperator: 'Choose the operator',
    operatorOption: '{{name}} ({{role}})',
    operatorFailed: 'The operator could not be changed ({{code}})',
  },
  // The domain's words, from shared/i18n: the reasons, the command line and the minutes say the same.
  flags: FLAG_NAMES.en,
  flagTitles: FLAG_TITLES.en,
  documentKinds: DOCUMENT_KIND_NAMES.en,
  roles: ROLE_NAMES.en,
  ...enBundles,
  ...enCases,
  ...enReview,
  ...enEvidence,
  ...enWelcome,
  ...enMeeting,
  ...enProjector,
  ...enRoom,
  ...enBulk,
  ...enDecisions,
  ...enInboxDecisions,
  ...enMinutes,
  ...enSettings,
  ...enTrust,
  ...enFilePicker,
  ...enStorageFull,
};
