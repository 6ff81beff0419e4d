/**
 * Issue 17.3: a CLI command had no overall deadline — `add … --timeout 300` ran 365 s with no
 * output. `--deadline <seconds>` (default 60 s; bulk: none) bounds check, explain, audit, add
 * and bulk: when it passes, the command prints what it knows — the SPF result temperror with
 * the deadline as its cause, never "no record" — says "deadline reached" and exits non-zero.
 * Run as a child process against a loopback DNS server that reads every query and never
 * answers, with a per-try timeout of 60 s (two tries: two minutes per lookup without it).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliRun, spawnSpfkit } from '../support/cli.ts';

/** Far below the two minutes a lookup would take without the deadline; no tighter (shared CPUs). */
const WELL_BEFORE_MS = 30_000;

let hole: Socket;
let dns = '';
let dir = '';
const queries: string[] = [];
before(async () => {
  hole = createSocket('udp4');
  hole.on('message', (message) => queries.push(message.toString('latin1')));
  await new Promise<void>((resolve) => hole.bind(0, '127.0.0.1', resolve));
  dns = `127.0.0.1:${hole.address().port}`;
  dir = await mkdtemp(join(tmpdir(), 'spfkit-deadline-'));
  await writeFile(join(dir, 'customers.csv'), 'email\ninfo@klant-a.example\ninfo@klant-b.example\n');
});
after(async () => {
  hole.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs spfkit against the silent server with a 60 s per-try timeout; the time it took. */
async function timed(...argv: string[]): Promise<CliRun & { ms: number }> {
  const started = Date.now();
  const run = await spawnSpfkit([...argv, '--dns', dns, '--timeout', '60000']);
  return { ...run, ms: Date.now() - started };
}

function reached(run: CliRun & { ms: number }, lang: 'en' | 'nl' = 'en'): void {
  assert.ok(run.ms < WELL_BEFORE_MS, `took ${run.ms} ms`);
  assert.notEqual(run.code, 0, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, lang === 'en' ? /deadline reached: after 1\.5 s \(--deadline\)/ : /deadline bereikt: na 1\.5 s \(--deadline\)/, run.stderr);
}

describe('--deadline (issue 17.3): what is known, "deadline reached", a non-zero exit', () => {
  it('check: temperror with the deadline as its cause, not none', async () => {
    const [text, json, nl] = await Promise.all([
      timed('check', '--ip', '192.0.2.1', '--sender', 'me@example.com', '--deadline', '1.5'),
      timed('check', '--ip', '192.0.2.1', '--sender', 'me@example.com', '--deadline', '1.5', '--json'),
      timed('check', '--ip', '192.0.2.1', '--sender', 'me@example.com', '--deadline', '1.5', '--lang', 'nl'),
    ]);
    for (const run of [text, json]) reached(run);
    reached(nl, 'nl');
    assert.match(text.stdout, /temperror/);
    assert.match(text.stdout, /deadline of 1500 ms exceeded/);
    assert.doesNotMatch(text.stdout, /no SPF record|has not published|\bnone\b/i);
    const check = JSON.parse(json.stdout) as { result: string; cause: { code: string; answer: string; detail?: string } };
    assert.equal(check.result, 'temperror');
    assert.deepEqual([check.cause.code, check.cause.answer], ['dns-error', 'timeout']);
    assert.match(check.cause.detail ?? '', /deadline of 1500 ms exceeded/);
    assert.ok(queries.length > 0, 'the silent server was asked');
  });

  it('explain --domain: no answer in time, not "no record"', async () => {
    const run = await timed('explain', '--domain', 'example.com', '--deadline', '1.5');
    reached(run);
    assert.match(run.stdout, /got no answer in time \(timeout: deadline of 1500 ms exceeded\)/);
    assert.doesNotMatch(run.stdout, /no SPF record|has not published/i);
  });

  it('audit, add and bulk stop at the deadline too (bulk only when given one)', async () => {
    const [audit, add, bulk] = await Promise.all([
      timed('audit', 'example.com', '--deadline', '1.5'),
      timed('add', 'example.com', '--include', 'spf.provider.example', '--deadline', '1.5'),
      timed('bulk', join(dir, 'customers.csv'), '--ip4', '198.51.100.7', '--deadline', '1.5'),
    ]);
    for (const run of [audit, add, bulk]) reached(run);
    const rows = bulk.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(rows.length, 2, bulk.stdout);
    for (const row of rows) assert.deepEqual([row.situation, row.result], ['broken', 'temperror'], JSON.stringify(row));
  });

  it('refuses a --deadline that is not a number of seconds > 0 (exit 2, in words)', async () => {
    const texts = ['0', 'abc', '-5'];
    const runs = await Promise.all(texts.map((text) => spawnSpfkit(['check', '--ip', '192.0.2.1', '--sender', 'me@example.com', '--deadline', text, '--dns', dns])));
    for (const [i, text] of texts.entries()) {
      const run = runs[i] as CliRun;
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, text === '-5' ? /--deadline/ : /--deadline must be a number of seconds greater than 0 \(at most 86400\)/);
    }
  });
});
