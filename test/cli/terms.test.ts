/**
 * Issue 10.9: one word per concept, in both languages — "DNS lookup(s)" / "DNS-lookup(s)"
 * (not also "opzoeking", "opvraging"), "Server:" for the sending server in check (not
 * "Client:" in English and "Server:" in Dutch), the provider notes of `add --lang nl` in
 * Dutch, and a missing zone file said in words, not as ENOENT.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';
import { PROVIDER_TEXTS_NL } from '../../src/i18n/providers.nl.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'examples/seeds.yaml');

async function spfkit(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false, env: {} };
  const code = await run(args, io);
  return { code, out, err };
}

const OTHER_DUTCH_WORDS = /opzoek|opvraging/i;

describe('one term per concept (issue 10.9)', () => {
  it('the Dutch catalogue says DNS-lookup, never opzoeking or opvraging', () => {
    const dir = join(ROOT, 'src/i18n');
    const files = readdirSync(dir).filter((f) => f.endsWith('.nl.ts'));
    assert.ok(files.length >= 8);
    for (const file of files) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      const found = lines.filter((line) => OTHER_DUTCH_WORDS.test(line));
      assert.deepEqual(found, [], file);
    }
  });

  it('check, add, explain and audit in Dutch: DNS-lookups, one word', async () => {
    const outputs = [
      await spfkit('check', '--ip', '2001:db8::1', '--sender', 'x@prezentklant.nl', '--policy', 'v=spf1 mx a include:spf.dmrmail.nl a:smtp1.blueinkt.com -all', '--zone', SEEDS, '--lang', 'nl'),
      await spfkit('add', 'prezentklant.nl', '--provider', 'blueinkt', '--zone', SEEDS, '--lang', 'nl'),
      await spfkit('explain', 'v=spf1 mx a include:spf.dmrmail.nl -all', '--lang', 'nl'),
      await spfkit('audit', 'prezentklant.nl', '--zone', SEEDS, '--lang', 'nl'),
    ];
    for (const { out } of outputs) {
      assert.doesNotMatch(out, OTHER_DUTCH_WORDS, out);
    }
    assert.match(outputs[0]?.out ?? '', /Lookups: 4 van 10 termen met een DNS-lookup, 3 van 2 lege lookups/);
    assert.match(outputs[1]?.out ?? '', /4 DNS-lookups, 62 bytes/);
  });

  it('check names the sending server "Server:" in both languages', async () => {
    for (const lang of ['en', 'nl']) {
      const { out } = await spfkit('check', '--ip', '5.255.64.53', '--sender', 'info@klant.nl', '--zone', SEEDS, '--lang', lang);
      assert.match(out, /^Server: +5\.255\.64\.53$/m, lang);
      assert.doesNotMatch(out, /Client/, lang);
    }
  });

  it('add --lang nl gives the provider notes in Dutch', async () => {
    const { out } = await spfkit('add', 'prezentklant.nl', '--provider', 'blueinkt', '--zone', SEEDS, '--lang', 'nl');
    assert.match(out, /^ {2}- De e-mail wordt verstuurd vanaf smtp1\.blueinkt\.com \(5\.255\.64\.53 in seed 004\)\.$/m);
    assert.doesNotMatch(out, /Mail is sent from/);
    const en = await spfkit('add', 'prezentklant.nl', '--provider', 'blueinkt', '--zone', SEEDS);
    assert.match(en.out, /Mail is sent from smtp1\.blueinkt\.com/);
  });

  it('every text of the provider catalogue has its Dutch, and every Dutch text a catalogue text', () => {
    const catalogue = JSON.parse(readFileSync(join(ROOT, 'data/providers.json'), 'utf8')) as {
      providers: Array<{ id: string; note?: string; additional?: Array<{ mechanism: string; note?: string }>; dkim?: { selectors: Array<{ selector: string; note?: string }> } }>;
    };
    const wanted: string[] = [];
    for (const p of catalogue.providers) {
      if (p.note) wanted.push(`${p.id} note`);
      for (const a of p.additional ?? []) if (a.note) wanted.push(`${p.id} additional ${a.mechanism}`);
      for (const s of p.dkim?.selectors ?? []) if (s.note) wanted.push(`${p.id} dkim ${s.selector}`);
    }
    const have: string[] = [];
    for (const [id, texts] of Object.entries(PROVIDER_TEXTS_NL)) {
      if (texts.note) have.push(`${id} note`);
      for (const m of Object.keys(texts.additional ?? {})) have.push(`${id} additional ${m}`);
      for (const s of Object.keys(texts.dkim ?? {})) have.push(`${id} dkim ${s}`);
    }
    assert.deepEqual(have.sort(), wanted.sort());
  });

  it('an unreadable zone file is said in words, not as ENOENT', async () => {
    for (const [lang, words] of [
      ['en', /cannot read zone file \/nonexistent\/zone\.yaml: there is no such file$/m],
      ['nl', /kan zonebestand \/nonexistent\/zone\.yaml niet lezen: dat bestand bestaat niet$/m],
    ] as const) {
      const { code, err } = await spfkit('check', '--ip', '1.2.3.4', '--sender', 'a@b.nl', '--zone', '/nonexistent/zone.yaml', '--lang', lang);
      assert.equal(code, 2);
      assert.match(err, words);
      assert.doesNotMatch(err, /ENOENT/);
    }
  });
});
