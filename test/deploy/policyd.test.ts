/**
 * deploy/spfkit-policyd.service and deploy/policyd.conf (issue 14, docs): the sample config
 * is valid with no warning, the unit passes systemd's checker, and the command the unit runs
 * (its ExecStart flags, with the port made 0) listens, answers a request and exits 0 on SIGTERM.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRequest } from '../../src/policyd/protocol.ts';
import { spfkit } from '../support/cli.ts';
import { askPolicy, startPolicyd } from '../support/policyd.ts';

const ROOT = join(import.meta.dirname, '../..');
const CONF = join(ROOT, 'deploy/policyd.conf');
const UNIT = readFileSync(join(ROOT, 'deploy/spfkit-policyd.service'), 'utf8');
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';
const MAIN = '/opt/spfkit/node_modules/spfkit/dist/cli/main.js';

/** The spfkit arguments of a unit line (`ExecStart=/usr/bin/node …/main.js policyd …`). */
function unitArgs(key: 'ExecStart' | 'ExecStartPre'): string[] {
  const line = new RegExp(`^${key}=(.*)$`, 'm').exec(UNIT)?.[1];
  assert.ok(line, `${key} in the unit`);
  const words = line.split(/\s+/);
  assert.deepEqual(words.slice(0, 2), ['/usr/bin/node', MAIN]);
  return words.slice(2).map((w) => w.replace('/etc/spfkit/policyd.conf', CONF));
}

describe('deploy: spfkit-policyd.service and policyd.conf', () => {
  it('the sample config is valid, with no warning (what ExecStartPre checks)', async () => {
    const args = unitArgs('ExecStartPre');
    assert.deepEqual(args, ['policyd', '--check-config', '--config', CONF]);
    const r = await spfkit(...args);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /configuration OK \(11 settings set\)/);
  });

  it(
    'systemd-analyze verify finds nothing to complain about (the unit pointed at this checkout)',
    { skip: existsSync(SYSTEMD_ANALYZE) ? false : `${SYSTEMD_ANALYZE} is not installed (Debian package systemd)` },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'spfkit-unit-'));
      try {
        const local = UNIT.replaceAll('/usr/bin/node', process.execPath).replaceAll(MAIN, join(ROOT, 'src/cli/main.ts'));
        const file = join(dir, 'spfkit-policyd.service');
        writeFileSync(file, local);
        const run = spawnSync(SYSTEMD_ANALYZE, ['verify', file], { encoding: 'utf8', timeout: 60_000 });
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stderr.trim(), '');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("the unit's command listens, answers, and exits 0 on SIGTERM", { timeout: 60_000 }, async () => {
    const args = unitArgs('ExecStart').map((a) => a.replace('inet:127.0.0.1:10023', 'inet:127.0.0.1:0'));
    assert.equal(args[0], 'policyd');
    // A zone file instead of the system's DNS: no network needed.
    const dir = mkdtempSync(join(tmpdir(), 'spfkit-unit-'));
    const zone = join(dir, 'zone.yaml');
    writeFileSync(zone, 'zone:\n  klant.nl: [{TXT: "v=spf1 -all"}]\n');
    const daemon = await startPolicyd([...args.slice(1), '--zone', zone]);
    try {
      const request = formatRequest({ request: 'smtpd_access_policy', protocol_state: 'RCPT', client_address: '5.255.64.53', helo_name: '', sender: 'info@klant.nl' });
      const [answer] = await askPolicy(daemon.address, request, 1);
      assert.match(answer ?? '', /^action=550 5\.7\.23 SPF fail: /);
    } finally {
      assert.equal(await daemon.stop(), 0, daemon.stderr());
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
