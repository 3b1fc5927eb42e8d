/**
 * FORMATS.md's promise that anyone can verify a signed file with openssl 3 and jq, without this
 * app: its recipe as it stands there, run in a shell on an envelope.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Copied as it stands in FORMATS.md ("Anyone can verify a decision file with openssl 3 and jq"). */
export const FORMATS_RECIPE = `
jq -j .payloadType f.json > type.bin
jq -r .payload f.json | openssl base64 -d -A > body.bin
jq -r '.signatures[0].sig' f.json | openssl base64 -d -A > sig.bin
{ printf 'DSSEv1 %d ' "$(wc -c <type.bin)"; cat type.bin; printf ' %d ' "$(wc -c <body.bin)"; cat body.bin; } > pae.bin
openssl pkeyutl -verify -pubin -inkey chair.pub.pem -rawin -in pae.bin -sigfile sig.bin
`;

/** The tools the recipe needs that this machine lacks (empty: all there). */
export function missingRecipeTools(): string[] {
  return ['openssl', 'jq'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

export interface RecipeRun {
  status: number | null;
  output: string;
  /** body.bin: the payload bytes as the recipe decoded them. */
  body: Uint8Array;
  /** `openssl dgst -sha256` of body.bin, lowercase hex. */
  bodySha256: string;
}

/** Runs the recipe on the envelope text (as f.json) with the public key (as chair.pub.pem), in a folder of its own. */
export function runRecipe(envelopeJson: string, publicKeyPem: string): RecipeRun {
  const dir = mkdtempSync(join(tmpdir(), 'council-desk-openssl-'));
  try {
    writeFileSync(join(dir, 'f.json'), envelopeJson);
    writeFileSync(join(dir, 'chair.pub.pem'), publicKeyPem);
    const r = spawnSync('sh', ['-c', FORMATS_RECIPE], { cwd: dir, encoding: 'utf8' });
    const digest = spawnSync('sh', ['-c', 'openssl dgst -sha256 -r body.bin'], { cwd: dir, encoding: 'utf8' }).stdout;
    let body: Uint8Array = new Uint8Array();
    try {
      body = new Uint8Array(readFileSync(join(dir, 'body.bin')));
    } catch {
      // the recipe stopped before writing it; the status says so
    }
    return { status: r.status, output: `${r.stdout}${r.stderr}`, body, bodySha256: digest.split(' ')[0]?.trim() ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
