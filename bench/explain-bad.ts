/**
 * Issue 17.1: explaining a long broken record. 8 000 bad characters through the library
 * (`explainRecord` + `renderRecordExplanation`) and through `POST /api/explain` on a real
 * socket (record published on the loopback DNS server), with `/healthz` timed while explains
 * are in flight. Before the fix: 4 000 characters took 2.6 s and 24 MB, 8 000 took 15 s and 97 MB.
 *
 * Run: npm run bench:explain   (targets: under 100 ms, under 100 KB, /healthz under 50 ms)
 * 17.1 follow-up: the API answer carries the record once (not 3×) and at most 50 terms are
 * explained, so 8 000 control characters (six JSON bytes each) or 4 000 terms stay under 100 KB.
 */
import { zoneFromObject } from '../src/dns/zone.ts';
import { createServer } from '../src/server/server.ts';
import { explainRecord, renderRecordExplanation } from '../src/spf/describe.ts';
import { startDnsServer } from '../test/support/dns-server.ts';

const strings = (text: string): string[] => Array.from({ length: Math.ceil(text.length / 255) }, (_, i) => text.slice(i * 255, (i + 1) * 255));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const RECORDS = {
  run: 'v=spf1 a:' + '\x7f'.repeat(8000),
  mixed: 'v=spf1 a:' + 'a\x7f'.repeat(4000),
  control: 'v=spf1 a:' + '\x01'.repeat(8000),
  macros: 'v=spf1 a:' + '%q'.repeat(4000),
  terms: 'v=spf1 ' + 'x '.repeat(4000),
  afterall: 'v=spf1 -all ' + 'a '.repeat(4000),
  badmods: 'v=spf1 ' + ('-x=' + '\x01'.repeat(60) + ' ').repeat(125),
};

console.log('library: explainRecord + renderRecordExplanation, 8 000 characters (median of 21; bytes of UTF-8: JSON / text)');
for (const [name, record] of Object.entries(RECORDS)) {
  const times: number[] = [];
  let json = 0;
  let text = 0;
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    const x = explainRecord(record);
    const rendered = renderRecordExplanation(x);
    json = Buffer.byteLength(JSON.stringify(x));
    times.push(performance.now() - start);
    text = Buffer.byteLength(rendered);
  }
  console.log(`  ${name.padEnd(8)} ${median(times).toFixed(2).padStart(7)} ms  ${(json / 1024).toFixed(1).padStart(6)} KB JSON  ${(text / 1024).toFixed(1).padStart(6)} KB text`);
}

const zone = zoneFromObject(Object.fromEntries(Object.entries(RECORDS).map(([name, record]) => [`${name}.example`, [{ TXT: strings(record) }]])));
const dns = await startDnsServer(zone);
const app = createServer({ dns: { servers: [dns.address], timeout: 2000, tries: 1 }, logger: false, webRoot: false, limits: { rateMax: 100_000 } });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const explain = async (body: object): Promise<{ ms: number; bytes: number }> => {
  const start = performance.now();
  const res = await fetch(`${base}/api/explain`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${res.status} ${answer.toString('utf8', 0, 200)}`);
  return { ms: performance.now() - start, bytes: answer.length };
};

console.log('POST /api/explain on a real socket (median of 21)');
for (const name of Object.keys(RECORDS)) {
  const runs: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < 21; i++) runs.push(await explain({ domain: `${name}.example` }));
  console.log(`  {domain: ${name}.example}  ${median(runs.map((r) => r.ms)).toFixed(1).padStart(6)} ms  ${((runs[0]?.bytes ?? 0) / 1024).toFixed(1).padStart(6)} KB`);
}
const capped = { record: RECORDS.mixed.slice(0, 4096) };
const cappedRuns: number[] = [];
let cappedBytes = 0;
for (let i = 0; i < 21; i++) {
  const r = await explain(capped);
  cappedRuns.push(r.ms);
  cappedBytes = r.bytes;
}
console.log(`  {record: 4 096 characters}  ${median(cappedRuns).toFixed(1).padStart(6)} ms  ${(cappedBytes / 1024).toFixed(1).padStart(6)} KB`);

const healthz = async (): Promise<number> => {
  const start = performance.now();
  await (await fetch(`${base}/healthz`)).text();
  return performance.now() - start;
};
console.log('/healthz while one explain of each record is in flight (max of 21 rounds; target under 50 ms)');
const during: number[] = [];
for (let i = 0; i < 21; i++) {
  for (const name of Object.keys(RECORDS)) {
    const pending = explain({ domain: `${name}.example` });
    during.push(await healthz());
    await pending;
  }
}
console.log(`  /healthz median ${median(during).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms over ${during.length}`);

console.log('/healthz while 40 explains of mixed.example are in flight (a queue: 40 answers come first)');
const inFlight = Array.from({ length: 40 }, () => explain({ domain: 'mixed.example' }));
const health: number[] = [];
for (let i = 0; i < 10; i++) health.push(await healthz());
await Promise.all(inFlight);
console.log(`  /healthz median ${median(health).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms`);
await app.close();
await dns.stop();
