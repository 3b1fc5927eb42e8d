import { z } from 'zod';

export const TRUST_ROLES = ['bundle-issuer', 'chair', 'secretary', 'member'] as const;
export type TrustRole = (typeof TRUST_ROLES)[number];

export const trustedKeySchema = z.strictObject({
  keyid: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a lowercase hex SHA-256 (64 characters)' }),
  name: z.string().min(1).max(200),
  roles: z.array(z.enum(TRUST_ROLES)).min(1),
  publicKeyPem: z.string().includes('-----BEGIN PUBLIC KEY-----', { error: 'must be a PEM public key (SPKI)' }),
});
export type TrustedKey = z.infer<typeof trustedKeySchema>;

export const trustFileSchema = z.strictObject({ keys: z.array(trustedKeySchema) });
export type TrustFile = z.infer<typeof trustFileSchema>;
