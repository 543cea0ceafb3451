import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Integration secrets (webhook signing keys) must be usable, so they cannot be hashed: they are
 * encrypted with AES-256-GCM under a key derived from the instance secret. A database dump alone
 * does not reveal them.
 * @example const box = encryptSecret('whsec_…', instanceSecret); decryptSecret(box, instanceSecret)
 */
export function encryptSecret(plain: string, instanceSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(instanceSecret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptSecret(box: string, instanceSecret: string): string {
  const [version, iv, tag, data] = box.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown secret box format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(instanceSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

const keyOf = (secret: string) => createHash('sha256').update(`advocate/secret-box/v1/${secret}`).digest();
