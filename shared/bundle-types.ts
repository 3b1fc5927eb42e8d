/** Who signed a bundle, in the words the Bundles screen shows. */
export type SignatureStatus =
  | { state: 'trusted'; keyid: string; name: string }
  | { state: 'untrusted'; keyid: string }
  | { state: 'unsigned' };
