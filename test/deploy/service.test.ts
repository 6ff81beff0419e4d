/**
 * deploy/spfkit.service and deploy/spfkit.env (issue 10.4): the unit passes systemd's own
 * checker, its environment file is what src/server/env.ts accepts, and the server started
 * the way the unit starts it — that environment, SIGTERM to stop — serves and exits cleanly.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverEnv } from '../../src/server/env.ts';

const ROOT = join(import.meta.dirname, '../..');
const UNIT = readFileSync(join(ROOT, 'deploy/spfkit.service'), 'utf8');
const ENV_FILE = readFileSync(join(ROOT, 'deploy/spfkit.env'), 'utf8');
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';

/** `KEY=value` lines of a systemd unit section or an EnvironmentFile (comments skipped). */
function assignments(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('['))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at), line.slice(at + 1)] as [string, string];
    });
}

const unit = new Map(assignments(UNIT));
const environment = Object.fromEntries(assignments(ENV_FILE));
/** Every variable env.ts reads, from its source: the file may only set (or show, commented) these. */
const KNOWN = new Set([...readFileSync(join(ROOT, 'src/server/env.ts'), 'utf8').matchAll(/env(?:\.|, ')([A-Z_]+)/g)].map((m) => m[1]));

describe('deploy/: spfkit as a systemd service', () => {
  it('the environment file holds only settings env.ts reads, and env.ts accepts them', () => {
    assert.ok(KNOWN.has('PORT') && KNOWN.has('DNS_SERVERS'), [...KNOWN].join(' '));
    const shown = [...ENV_FILE.matchAll(/^#?([A-Z_]+)=/gm)].map((m) => m[1]);
    for (const name of shown) assert.ok(KNOWN.has(name), `${name} is not read by src/server/env.ts`);
    // Every setting is in the file, set or commented out with its default.
    assert.deepEqual([...new Set(shown)].sort(), [...KNOWN].sort());
    const settings = serverEnv(environment);
    assert.equal(settings.host, '127.0.0.1');
    assert.equal(settings.port, 8080);
    // The commented examples are valid too, one at a time (ZONE_FILE and DNS_SERVERS exclude each other).
    for (const [, name, value] of ENV_FILE.matchAll(/^#([A-Z_]+)=(.*)$/gm)) assert.doesNotThrow(() => serverEnv({ ...environment, [name as string]: value }), name);
  });

  it('the unit starts dist/server/main.js with that file, stops it with SIGTERM, and drops privileges', () => {
    assert.equal(unit.get('EnvironmentFile'), '/etc/spfkit/spfkit.env');
    assert.match(unit.get('ExecStart') ?? '', /^\/usr\/bin\/node \/opt\/spfkit\/node_modules\/spfkit\/dist\/server\/main\.js$/);
    // The packed package holds dist/ (package.json "files") and dist/server/main.js is built from src/server/main.ts.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; scripts: Record<string, string> };
    assert.ok(pkg.files.includes('dist'));
    assert.ok(existsSync(join(ROOT, 'src/server/main.ts')));
    assert.equal(unit.get('KillSignal'), 'SIGTERM');
    assert.match(readFileSync(join(ROOT, 'src/server/main.ts'), 'utf8'), /'SIGTERM'/);
    assert.equal(unit.get('DynamicUser'), 'yes');
    assert.equal(unit.get('NoNewPrivileges'), 'yes');
    assert.equal(unit.get('ProtectSystem'), 'strict');
    assert.equal(unit.get('RestartPreventExitStatus'), '2', 'a bad setting (exit 2) is not retried');
  });

  it(
    'systemd-analyze verify finds nothing to complain about (the unit pointed at this checkout)',
    { skip: existsSync(SYSTEMD_ANALYZE) ? false : `${SYSTEMD_ANALYZE} is not installed (Debian package systemd)` },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'spfkit-unit-'));
      try {
        const local = UNIT.replace(/^ExecStart=.*$/m, `ExecStart=${process.execPath} ${join(ROOT, 'src/server/main.ts')}`)
          .replace(/^WorkingDirectory=.*$/m, `WorkingDirectory=${ROOT}`)
          .replace(/^EnvironmentFile=.*$/m, `EnvironmentFile=${join(ROOT, 'deploy/spfkit.env')}`);
        const file = join(dir, 'spfkit.service');
        writeFileSync(file, local);
        const run = spawnSync(SYSTEMD_ANALYZE, ['verify', file], { encoding: 'utf8', timeout: 60_000 });
        assert.equal(run.status, 0, run.stderr);
        // Unknown keys and bad values are only warnings to systemd: none may be printed.
        assert.equal(run.stderr.trim(), '');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('the server, started with that environment, answers /healthz and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
    // Port 0 (any free one) and the seed zone, so the test needs neither port 8080 nor the internet.
    const env = { ...process.env, ...environment, PORT: '0', ZONE_FILE: join(ROOT, 'examples/seeds.yaml') };
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const found = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
          if (found?.[1]) done(found[1]);
        });
        child.on('exit', (code) => fail(new Error(`the server exited (${code}) before listening: ${err}${out}`)));
      });
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });
      child.kill('SIGTERM');
      assert.equal(await exited, 0, err);
      assert.match(out, /"msg":"shutting down"/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('a bad setting stops the start with exit 2 and names the variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env: { ...process.env, ...environment, PORT: 'eighty' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /PORT must be a whole number/);
  });
});
