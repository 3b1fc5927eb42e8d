import { z } from 'zod';

/** Standard or URL-safe base64, padded or not (verifiers must accept both). */
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, { error: 'must be base64' });

export const dsseEnvelopeSchema = z.object({
  payloadType: z.string().min(1),
  payload: base64,
  signatures: z.array(z.object({ keyid: z.string().optional(), sig: base64 })).min(1, { error: 'has no signature' }),
});
export type DsseEnvelope = z.infer<typeof dsseEnvelopeSchema>;
