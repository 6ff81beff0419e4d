/**
 * A small DKIM signer for tests (RFC 6376 §5), written apart from src/dkim on purpose: the
 * corpus it signs is verified by spfkit AND by mailauth, so a fault here shows up as mailauth
 * disagreeing, not as spfkit agreeing with itself. Unlike mailauth's signer it takes `h=` as
 * given, so over-signed lists (`from:from`) and absent names can be made.
 */
import { createHash, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';

export type TestAlgorithm = 'rsa-sha256' | 'rsa-sha1' | 'ed25519-sha256';

export interface TestKey {
  algorithm: 'rsa' | 'ed25519';
  privateKey: KeyObject;
  /** The `p=` value of the key record. */
  p: string;
}

/** A fresh key pair and the p= to publish (RSA as SubjectPublicKeyInfo, ed25519 raw, RFC 8463 §4). */
export function makeKey(kind: 'rsa' | 'ed25519', bits = 2048): TestKey {
  if (kind === 'ed25519') {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    return { algorithm: 'ed25519', privateKey, p: spki.subarray(spki.length - 32).toString('base64') };
  }
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return { algorithm: 'rsa', privateKey, p: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
}

/** The key record text for `key`, with extra tags (e.g. `t=y; `). */
export function keyRecord(key: TestKey, extra = ''): string {
  return `v=DKIM1; k=${key.algorithm}; ${extra}p=${key.p}`;
}

/** TXT strings of at most 255 octets (RFC 1035 §3.3). */
export function txtStrings(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 255) out.push(text.slice(i, i + 255));
  return out;
}

export interface SignOptions {
  domain: string;
  selector: string;
  key: TestKey;
  algorithm?: TestAlgorithm;
  /** `c=`, default relaxed/relaxed. */
  canonicalization?: string;
  /** `h=` exactly as listed (case kept). */
  headers: string[];
  /** Put `l=` with the whole canonical body length. */
  bodyLength?: boolean;
  /** `t=` and `x=` in seconds. */
  timestamp?: number;
  expiration?: number;
  identity?: string;
}

function relaxedHeader(field: string): string {
  const colon = field.indexOf(':');
  const name = field.slice(0, colon).trim().toLowerCase();
  const value = field
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}`;
}

function bodyOf(body: string, canon: string): string {
  let lines = body.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  if (canon === 'relaxed') lines = lines.map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  if (lines.length === 0) return canon === 'relaxed' ? '' : '\r\n';
  return lines.map((line) => `${line}\r\n`).join('');
}

/** Splits a CRLF message into its unfolded-kept header fields and body. */
function split(message: string): { fields: string[]; body: string } {
  const end = message.indexOf('\r\n\r\n');
  const head = end === -1 ? message : message.slice(0, end);
  const body = end === -1 ? '' : message.slice(end + 4);
  const fields: string[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  return { fields, body };
}

/** The message with a DKIM-Signature field put on top. `message` is latin1 text with CRLF. */
export function signMessage(message: string, options: SignOptions): string {
  const algorithm = options.algorithm ?? (options.key.algorithm === 'ed25519' ? 'ed25519-sha256' : 'rsa-sha256');
  const [headerCanon = 'relaxed', bodyCanon = 'simple'] = (options.canonicalization ?? 'relaxed/relaxed').split('/');
  const hash = algorithm === 'rsa-sha1' ? 'sha1' : 'sha256';
  const { fields, body } = split(message);
  const canonicalBody = bodyOf(body, bodyCanon);
  const bh = createHash(hash).update(Buffer.from(canonicalBody, 'latin1')).digest('base64');
  const tags = [
    'v=1',
    `a=${algorithm}`,
    `c=${headerCanon}/${bodyCanon}`,
    `d=${options.domain}`,
    `s=${options.selector}`,
    ...(options.identity === undefined ? [] : [`i=${options.identity}`]),
    ...(options.timestamp === undefined ? [] : [`t=${options.timestamp}`]),
    ...(options.expiration === undefined ? [] : [`x=${options.expiration}`]),
    ...(options.bodyLength === true ? [`l=${canonicalBody.length}`] : []),
    `h=${options.headers.join(':')}`,
    `bh=${bh}`,
  ];
  const unsigned = `DKIM-Signature: ${tags.join('; ')};\r\n b=`;
  // §5.4.2: each name takes the next instance from the bottom; none left → nothing.
  const remaining = fields.map((field) => ({ field, key: field.slice(0, field.indexOf(':')).trim().toLowerCase(), used: false }));
  let data = '';
  const canon = (field: string): string => (headerCanon === 'relaxed' ? relaxedHeader(field) : field);
  for (const name of options.headers) {
    const wanted = name.toLowerCase();
    for (let i = remaining.length - 1; i >= 0; i--) {
      const entry = remaining[i];
      if (entry !== undefined && !entry.used && entry.key === wanted) {
        entry.used = true;
        data += `${canon(entry.field)}\r\n`;
        break;
      }
    }
  }
  data += canon(unsigned);
  const bytes = Buffer.from(data, 'latin1');
  const b =
    algorithm === 'ed25519-sha256'
      ? cryptoSign(null, createHash('sha256').update(bytes).digest(), options.key.privateKey)
      : cryptoSign(hash, bytes, options.key.privateKey);
  return `${unsigned}${b.toString('base64')}\r\n${message}`;
}
