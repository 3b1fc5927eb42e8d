/** The command line's help text: every command of FORMATS.md. */
import { MAX_DEMO_CASES } from './make-demo-bundle';

export const COMMAND_USAGE = {
  keygen: {
    synopsis: 'keygen --out DIR --name NAME',
    about: 'Writes NAME.key.pem (private, mode 0600) and NAME.pub.pem into DIR; prints the keyid.',
  },
  'make-demo-bundle': {
    synopsis: 'make-demo-bundle --out FILE [--cases N] [--seed S] [--sign-key PEM]',
    about:
      `Writes a realistic demo bundle with evidence files (default: 60 cases, seed 1015; at most\n` +
      `${MAX_DEMO_CASES.toLocaleString('en-US')} cases, as each holds about 13 KB of evidence in memory); signs its manifest\n` +
      'with the private key PEM when given.',
  },
  validate: {
    synopsis: 'validate BUNDLE [--trust FILE] [--require-signature] [--json]',
    about:
      'Checks a bundle without importing it: ZIP limits and names, manifest, tier table, files and\n' +
      'SHA-256, signature against the trust file (--require-signature refuses unsigned or untrusted\n' +
      'bundles), every case line and evidence file. Exit 1 when it is not valid.',
  },
  suggest: {
    synopsis: 'suggest BUNDLE... [--trust FILE] [--json] [--lang en|ko]',
    about:
      'Per case: claimed and assessed loss, suggested tier and award, flags and reasons (one JSON line\n' +
      'per case with --json; reasons in English unless --lang ko). Duplicates are looked for across all\n' +
      'the bundles named. Unsigned or untrusted bundles are allowed (nothing is imported); a bundle\n' +
      'that does not validate prints its errors and exits 1.',
  },
  verify: {
    synopsis: 'verify FILE... (--trust FILE or --key PEM) [--folder DIR] [--json]',
    about:
      'Verifies decision files (*.dsse.json), minutes attestations (minutes-<meetingId>.dsse.json) and\n' +
      'signed bundles (.cdbundle) against a trust file or one public key, and prints the summary of\n' +
      'each (one JSON line per file with --json). A decision file must be signed by a key trusted as\n' +
      'chair; its schema, every tally (recounted by the counting rules), its totals and awards are\n' +
      'checked, and each meeting\'s chain across the files named (sequence without gaps, previous). A\n' +
      'minutes attestation must be signed by a key trusted as secretary; each file it lists is checked\n' +
      'against its SHA-256 in the attestation\'s folder (or --folder DIR), and each decision file it\n' +
      'lists, found in --folder, beside it or in ../outbox/, against its payload SHA-256 (one not found\n' +
      'is a warning; with all found, the totals are recounted). --key trusts that key for every role.\n' +
      'Exit 1 when a file does not verify.',
  },
  serve: {
    synopsis: 'serve [--port N] [--no-open]',
    about:
      'Browser mode, for a machine where Electron cannot be installed: serves the app on 127.0.0.1\n' +
      '(port 41015 unless --port; every run the same port, as the data is kept per address) behind a\n' +
      'fresh token, and opens it in Chromium or Chrome ($CHROMIUM_PATH, else the usual names) with a\n' +
      'profile of its own in the user-data folder; with --no-open, or with no browser found, prints\n' +
      'the address. Runs until Ctrl+C or until the window is closed. Exit 1 when the port is taken.',
  },
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

const EXIT_STATUS = 'Exit status: 0 success, 1 the input is invalid or does not verify, 2 wrong usage.';

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

export function commandUsage(name: CommandName): string {
  const c = COMMAND_USAGE[name];
  return `Usage: council-desk ${c.synopsis}\n${indent(c.about)}\n`;
}

export function fullUsage(): string {
  const commands = (Object.keys(COMMAND_USAGE) as CommandName[]).map((name) => `  ${COMMAND_USAGE[name].synopsis}\n${indent(COMMAND_USAGE[name].about)}`);
  return [
    'Usage: council-desk <command> [options]',
    '',
    'Commands:',
    ...commands,
    '',
    EXIT_STATUS,
    'Run "council-desk <command> --help" for one command.',
    '',
  ].join('\n');
}
