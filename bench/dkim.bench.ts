/**
 * DKIM verifications per second, spfkit vs mailauth 4.x (issue 13), same messages, same run:
 * 200 messages signed here (ed25519-sha256 and rsa-sha256 2048, relaxed/relaxed, 2 kB body),
 * keys served from memory to both (spfkit: zoneResolver; mailauth: a resolver function over the
 * same map), so the figure is the verifier, not DNS.
 *
 * Run: npm run bench:dkim
 */
import { createRequire } from 'node:module';
import { parseMessage, verifyDkim, zoneFromText, zoneResolver } from 'spfkit';
import { keyRecord, makeKey, signMessage } from '../test/support/dkim-sign.ts';

const require = createRequire(import.meta.url);
const { dkimVerify } = require('mailauth/lib/dkim/verify') as {
  dkimVerify: (input: Buffer, options: { resolver: (name: string, type: string) => Promise<string[][]> }) => Promise<{ results: Array<{ status: { result: string } }> }>;
};

const keys = { ed25519: makeKey('ed25519'), rsa: makeKey('rsa', 2048) };
const records: Record<string, string> = { 'ed._domainkey.bench.example': keyRecord(keys.ed25519), 'rsa._domainkey.bench.example': keyRecord(keys.rsa) };
const txt = (text: string): string[] => Array.from({ length: Math.ceil(text.length / 255) }, (_, i) => text.slice(i * 255, (i + 1) * 255));
const zone = Object.fromEntries(Object.entries(records).map(([name, text]) => [name, [{ TXT: txt(text) }]]));
const resolver = zoneResolver(zoneFromText(JSON.stringify({ zone })), { log: false });
const mailauthResolver = async (name: string): Promise<string[][]> => {
  const text = records[name];
  if (text === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return [[text]];
};

const body = Array.from({ length: 40 }, (_, i) => `Regel ${i} van de nieuwsbrief, met wat tekst erin.`).join('\r\n') + '\r\n';
function messages(kind: 'ed25519' | 'rsa'): Buffer[] {
  return Array.from({ length: 100 }, (_, i) => {
    const message = `From: Info <info@bench.example>\r\nTo: r${i}@ontvanger.example\r\nSubject: Nieuwsbrief ${i}\r\nDate: Thu, 03 Dec 2026 10:00:00 +0100\r\nMessage-ID: <${i}@bench.example>\r\n\r\n${body}`;
    return Buffer.from(signMessage(message, { domain: 'bench.example', selector: kind === 'ed25519' ? 'ed' : 'rsa', key: keys[kind], headers: ['From', 'To', 'Subject', 'Date', 'Message-ID'] }), 'latin1');
  });
}

async function rate(run: (raw: Buffer) => Promise<string>, set: Buffer[], seconds = 2): Promise<number> {
  for (const raw of set.slice(0, 20)) if ((await run(raw)) !== 'pass') throw new Error('a benchmark message did not pass');
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const start = performance.now();
  while (performance.now() < end) {
    for (const raw of set) await run(raw);
    count += set.length;
  }
  return count / ((performance.now() - start) / 1000);
}

const spfkit = async (raw: Buffer): Promise<string> => (await verifyDkim(parseMessage(raw), { resolver, now: Date.now() }))[0]?.result ?? 'none';
const mailauth = async (raw: Buffer): Promise<string> => (await dkimVerify(raw, { resolver: mailauthResolver })).results[0]?.status.result ?? 'none';

console.log('DKIM verifications/s (one signature per message, keys from memory; higher is better)');
console.log('algorithm         spfkit    mailauth   ratio');
for (const kind of ['ed25519', 'rsa'] as const) {
  const set = messages(kind);
  const ours = await rate(spfkit, set);
  const theirs = await rate(mailauth, set);
  console.log(`${(kind === 'rsa' ? 'rsa-sha256 2048' : 'ed25519-sha256').padEnd(16)} ${Math.round(ours).toString().padStart(7)} ${Math.round(theirs).toString().padStart(10)}   ${(ours / theirs).toFixed(2)}×`);
}
