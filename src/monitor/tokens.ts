/**
 * API tokens for the monitor's HTTP routes. A token is `spfkit_<id>_<secret>`: the id finds
 * the stored row, the secret (32 random bytes, base64url) is checked against the SHA-256
 * kept for it with a constant-time compare. The token itself is never stored: it is shown
 * once, when it is made. SHA-256 (not a slow password hash) is enough for 256 random bits.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiToken, MonitorStore } from './store.ts';

const TOKEN_PATTERN = /^spfkit_([1-9][0-9]{0,15})_([A-Za-z0-9_-]{43})$/;

function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Makes a token, keeps its hash and returns the token text (the only time it exists).
 *
 * @example
 * const { token } = await createToken(store, { label: 'dashboard', now: () => new Date() });
 * token; // 'spfkit_1_Vq3…' (send as `Authorization: Bearer <token>`)
 */
export async function createToken(store: MonitorStore, options: { label?: string; now: () => Date }): Promise<{ token: string; stored: ApiToken }> {
  const secret = randomBytes(32).toString('base64url');
  const stored = await store.addToken({ secretHash: secretHash(secret), createdAt: options.now().toISOString(), ...(options.label !== undefined ? { label: options.label } : {}) });
  return { token: `spfkit_${stored.id}_${secret}`, stored };
}

/** Why a token was not accepted. */
export type TokenRefusal = 'missing' | 'malformed' | 'unknown';

/**
 * The stored token a presented one stands for, or why it is refused.
 *
 * @example
 * await verifyToken(store, 'spfkit_1_Vq3…'); // { ok: true, token: { id: 1, label: 'dashboard', … } }
 * await verifyToken(store, 'nonsense');      // { ok: false, refusal: 'malformed' }
 */
export async function verifyToken(store: MonitorStore, presented: string | undefined): Promise<{ ok: true; token: ApiToken } | { ok: false; refusal: TokenRefusal }> {
  if (presented === undefined || presented === '') return { ok: false, refusal: 'missing' };
  const match = TOKEN_PATTERN.exec(presented);
  if (!match) return { ok: false, refusal: 'malformed' };
  const found = await store.getToken(Number(match[1]));
  const given = Buffer.from(secretHash(match[2] as string), 'hex');
  // Compare even when the id is unknown, so a wrong id and a wrong secret take the same time.
  const kept = Buffer.from(found?.secretHash ?? '00'.repeat(32), 'hex');
  const equal = kept.length === given.length && timingSafeEqual(kept, given);
  return found && equal ? { ok: true, token: found.token } : { ok: false, refusal: 'unknown' };
}
