/**
 * Issue 10.7: `spfkit add prezentklant.nl --provider blueinkt --zone examples/seeds.yaml`
 * fails verification for an IPv6 client on the void-lookup limit (RFC 7208 §4.6.4: `mx`,
 * `a` and `a:smtp1.blueinkt.com` find no AAAA). add names that cause, proposes the fixed
 * address in place of the `a:` and verifies it; bulk gives the same reason and publishes it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';

const SEEDS = join(import.meta.dirname, '../../examples/seeds.yaml');
// The seed's +mx +a keep their written "+" (issue 10.13).
const FIXED = 'v=spf1 +mx +a include:spf.dmrmail.nl ip4:5.255.64.53 -all';

async function spfkit(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false, env: {} };
  const code = await run([...args, '--zone', SEEDS], io);
  return { code, out, err };
}

describe('add/bulk: the void-lookup limit named, and a fix that stays under it (issue 10.7)', () => {
  it('add names the void-lookup limit, not "authorises more than it should"', async () => {
    const { code, out } = await spfkit('add', 'prezentklant.nl', '--provider', 'blueinkt');
    assert.equal(code, 1, 'the plan asked for still does not verify');
    assert.doesNotMatch(out, /authorises more than it should/);
    assert.match(out, /2001:db8::1 would get permerror instead of fail: more than 2 DNS lookups find nothing for this address \(mx\.prezentklant\.nl \(AAAA\), prezentklant\.nl \(AAAA\), smtp1\.blueinkt\.com \(AAAA\)\), the last for a:smtp1\.blueinkt\.com — the void-lookup limit of RFC 7208 §4\.6\.4/);
    // The fix: the fixed address, verified for every address, ready to publish.
    const alternative = out.slice(out.indexOf('Alternative: ip4:5.255.64.53 in place of a:smtp1.blueinkt.com'));
    assert.ok(alternative.length < out.length, out);
    assert.match(alternative, new RegExp(`^  ${FIXED.replace(/[.+]/g, '\\$&')}$`, 'm'));
    assert.match(alternative, /^ {2}Verification: passed$/m);
    assert.match(alternative, /^ {4}ok +2001:db8::1 +fail → fail \(expected fail\) +by -all$/m);
    assert.match(alternative, /^ {4}ok +5\.255\.64\.53 +fail → pass +by ip4:5\.255\.64\.53$/m);
    assert.match(alternative, new RegExp(`prezentklant\\.nl\\. 3600 IN TXT "${FIXED.replace(/[.+]/g, '\\$&')}"`));
  });

  it('add --json: the issue as data, and the alternative with its verification', async () => {
    const { out } = await spfkit('add', 'prezentklant.nl', '--provider', 'blueinkt', '--json');
    const { plan } = JSON.parse(out);
    const issue = plan.verification.issues.find((i: { code: string }) => i.code === 'void-limit');
    assert.deepEqual(issue, { code: 'void-limit', ip: '2001:db8::1', expected: 'fail', names: ['mx.prezentklant.nl (AAAA)', 'prezentklant.nl (AAAA)', 'smtp1.blueinkt.com (AAAA)'], limit: 2, term: 'a:smtp1.blueinkt.com' });
    assert.equal(plan.alternative.after.record, FIXED);
    assert.deepEqual(plan.alternative.mechanisms, ['ip4:5.255.64.53']);
    assert.equal(plan.alternative.verification.ok, true);
    assert.equal(plan.alternative.after.lookups, 3);
  });

  it('add --lang nl says it in Dutch', async () => {
    const { out } = await spfkit('add', 'prezentklant.nl', '--provider', 'blueinkt', '--lang', 'nl');
    assert.match(out, /2001:db8::1 zou permerror krijgen in plaats van fail: meer dan 2 DNS-lookups vinden niets voor dit adres/);
    assert.match(out, /Alternatief: ip4:5\.255\.64\.53 in plaats van a:smtp1\.blueinkt\.com/);
  });

  it('a sender whose plan verifies gets no alternative', async () => {
    const { code, out } = await spfkit('add', 'prezentklant.nl', '--mechanism', 'ip4:5.255.64.53', '--json');
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).plan.alternative, undefined);
  });

  it('bulk gives the same reason and publishes the record that verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spfkit-void-'));
    try {
      const customers = join(dir, 'customers.csv');
      writeFileSync(customers, 'email\ninfo@prezentklant.nl\n');
      for (const [lang, words] of [
        ['en', /It lists ip4:5\.255\.64\.53 in place of a:smtp1\.blueinkt\.com; with a:smtp1\.blueinkt\.com: 2001:db8::1 would get permerror instead of fail: more than 2 DNS lookups find nothing/],
        ['nl', /Het noemt ip4:5\.255\.64\.53 in plaats van a:smtp1\.blueinkt\.com; met a:smtp1\.blueinkt\.com: 2001:db8::1 zou permerror krijgen/],
      ] as const) {
        const { out } = await spfkit('bulk', customers, '--provider', 'blueinkt', '--lang', lang);
        const row = JSON.parse(out.trim());
        assert.equal(row.situation, 'not-authorised');
        assert.equal(row.recordToPublish, FIXED);
        assert.match(row.reason, words);
        assert.doesNotMatch(row.reason, /spfkit add/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
