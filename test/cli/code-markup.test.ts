/**
 * Issue 10.13: the catalogue marks record text with backticks (`code()`), which the web page
 * shows as <code>. The command line shows it as text — cyan on a terminal, plain in a pipe —
 * and never prints the backticks; JSON output keeps the markup as data, as the API does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';
import { spawnSpfkit } from '../support/cli.ts';

const ZONE = 'examples/seeds.yaml';
const CYAN = (text: string): string => `\u001b[36m${text}\u001b[0m`;

async function spfkit(argv: string[], isTty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty, env: {} };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const CHECK = ['check', '--ip', '192.0.2.1', '--sender', 'a@byteklant.nl', '--zone', ZONE];
const EXPLAIN = ['explain', 'v=spf1 ip4:1.2.3 ~al'];
const AUDIT = ['audit', 'byteklant.nl', '--zone', ZONE];
const ADD = ['add', '--policy', 'v=spf1 ip4:1.2.3 -all', '--ip4', '192.0.2.9'];

describe('code markup on the command line', () => {
  it('check, explain, audit and add print no backticks in a pipe (the real command, spawned)', async () => {
    for (const argv of [CHECK, EXPLAIN, AUDIT, ADD]) {
      const r = await spawnSpfkit(argv);
      assert.equal(r.stderr, '', argv.join(' '));
      assert.doesNotMatch(r.stdout, /`/, `${argv.join(' ')}:\n${r.stdout}`);
    }
  });

  it('the words stay where the code was', async () => {
    const check = await spfkit(CHECK);
    assert.match(check.stdout, /^Reason: No term of the SPF record of byteklant\.nl matches 192\.0\.2\.1, and the record has no all: /m);
    assert.match(check.stdout, /^Advice: .* add your mail provider's include:… or ip4:192\.0\.2\.1 to the SPF record of byteklant\.nl\./m);
    const explain = await spfkit(EXPLAIN);
    assert.match(explain.stdout, /^ {2}Column 18: ~al is not a mechanism or modifier .*; probably ~all was meant\.$/m);
    const audit = await spfkit(AUDIT);
    assert.match(audit.stdout, /^SPF +\S+ +v=spf1 include:spf\.byte\.nl \(1 of 10 DNS lookups\)$/m);
    const add = await spfkit(ADD);
    assert.match(add.stdout, /^ {2}- the given record does not parse \(a permerror for every receiver\): 1\.2\.3 is not a valid IP address\. Fix it first\.$/m);
  });

  it('on a terminal the code is cyan; the record lines and carets are unchanged', async () => {
    const check = await spfkit(CHECK, true);
    assert.ok(check.stdout.includes(`the record has no ${CYAN('all')}: `), check.stdout);
    const explain = await spfkit(EXPLAIN, true);
    assert.ok(explain.stdout.includes(`probably ${CYAN('~all')} was meant.`), explain.stdout);
    assert.match(explain.stdout, /\n {4}v=spf1 ip4:1\.2\.3 ~al\n {15}\^{5}\n/);
    const audit = await spfkit(AUDIT, true);
    assert.ok(audit.stdout.includes(CYAN('v=spf1 include:spf.byte.nl')), audit.stdout);
    const add = await spfkit(ADD, true);
    assert.ok(add.stdout.includes(`${CYAN('1.2.3')} is not a valid IP address`), add.stdout);
  });

  it('--json keeps the markup as data (as the API)', async () => {
    const explain = await spfkit([...EXPLAIN, '--json']);
    assert.match(explain.stdout, /"message": "`1\.2\.3` is not a valid IP address"/);
    const audit = await spfkit([...AUDIT, '--json']);
    assert.match(audit.stdout, /"summary": "`v=spf1 include:spf\.byte\.nl` \(1 of 10 DNS lookups\)"/);
  });

  it('an error line on stderr has no backticks either', async () => {
    const r = await spfkit(['add', 'klant.nl', '--mechanism', 'ip4:1.2.3', '--zone', ZONE]);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /`/);
    assert.match(r.stderr, /^spfkit add: .*1\.2\.3/);
  });
});
