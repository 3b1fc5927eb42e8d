/** council-desk keygen --out DIR --name NAME: a new Ed25519 key pair; prints the keyid. */
import { writeKeyPair } from '../services/keys';
import { parseCommandArgs, requiredString, type CliIo } from './args';

export async function runKeygen(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { out: { type: 'string' }, name: { type: 'string' } });
  const written = writeKeyPair(requiredString(args, 'out'), requiredString(args, 'name'));
  io.stdout(`${written.keyid}\n`);
  io.stderr(`wrote ${written.privateKeyPath} (private: keep it secret, mode 0600) and ${written.publicKeyPath}\n`);
  return 0;
}
