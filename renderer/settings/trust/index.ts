/** Settings → Trust: the trust file in use, its keys, their edits (audited) and its export. */
export { TrustSettings } from './TrustSettings';
export { koTrust } from './strings-ko';
export { enTrust } from './strings-en';
