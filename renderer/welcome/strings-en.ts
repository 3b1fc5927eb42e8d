/** English text of the first-run welcome screen: the same keys as strings-ko.ts. */
import type { koWelcome } from './strings-ko';

export const enWelcome: typeof koWelcome = {
  welcome: {
    title: 'Welcome to Council Desk',
    intro1: "Council Desk is an offline desktop app for a damage-compensation council's review meetings.",
    intro2: "It imports the secretariat's signed case bundles, shows each case's evidence next to the tier suggestion from the policy, records votes and decisions, and exports them as signed files to the sync folder.",
    demoHint: 'The demo council holds the six members and an example case bundle of the Kakao 1015 damage support council, formed after the data-centre fire of 15 October 2022.',
    loadDemo: 'Load the demo council',
    startEmpty: 'Start empty',
    restoreHint: 'Have a Council Desk backup file from another computer or an earlier installation? Restore it here.',
    restore: 'Restore from a backup…',
    restored: 'Restored: {{name}}. Opening the restored council.',
    busy: 'Loading the demo council…',
    failed: 'The demo council could not be loaded.',
    demoUnavailable: 'This installation does not include the demo council.',
    invalid: 'Checking the demo bundle found {{count}} error(s): {{problems}}',
    cancelled: 'Importing the demo bundle was cancelled.',
    operatorTitle: 'Who is at this keyboard',
    operatorIntro: 'The demo council is loaded. Choose the member at this device now.',
    operatorLegend: 'Operator',
    operatorHint: 'Every audit entry names this person as the operator. Usually the secretary; you can change it in the header at any time.',
    operatorOption: '{{name}} · {{role}} ({{affiliation}})',
    continue: 'Continue',
    operatorFailed: 'The operator could not be chosen.',
  },
};
