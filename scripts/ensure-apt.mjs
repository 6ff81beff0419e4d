#!/usr/bin/env node
// Makes sure the Debian programs the tests drive are installed: Chromium (browser tests),
// PostgreSQL and Redis (monitor store, queue workers), Postfix and swaks (policy-service
// end-to-end), NSD (benchmarks), pyspf's policy server (the policyd benchmark's peer).
//
//   node scripts/ensure-apt.mjs chromium postgresql redis …   (no names: every tool below)
//
// A tool that is missing is installed with one `apt-get update` and `apt-get install -y` (CI
// runs as root; only Debian's apt repositories and the npm registry are reachable here). When
// that is impossible or fails, this exits non-zero with the reason: tests that need a tool are
// never skipped silently. Installing does not configure or start a system service for us: the
// tests start their own instances on loopback with their own data directories.
import { accessSync, constants, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Finds PostgreSQL's server binaries: Debian keeps them per major version, off the PATH. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  let versions = [];
  try {
    versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  } catch {
    return undefined;
  }
  for (const v of versions) {
    const dir = `${root}/${v}/bin`;
    if (executable(`${dir}/postgres`) && executable(`${dir}/initdb`) && executable(`${dir}/pg_ctl`)) return dir;
  }
  return undefined;
}

/** name → where it is found, the Debian packages that provide it, and how to print its version. */
export const TOOLS = {
  chromium: { find: () => found(process.env.SPFKIT_CHROMIUM ?? '/usr/bin/chromium'), packages: ['chromium'], version: ['--version'] },
  postgresql: { find: () => { const d = postgresBin(); return d && `${d}/postgres`; }, packages: ['postgresql'], version: ['--version'] },
  redis: { find: () => found('/usr/bin/redis-server'), packages: ['redis-server'], version: ['--version'] },
  postfix: { find: () => found('/usr/sbin/postfix'), packages: ['postfix'], version: null, preseed: 'postfix postfix/main_mailer_type select No configuration' },
  swaks: { find: () => found('/usr/bin/swaks'), packages: ['swaks'], version: ['--version'] },
  nsd: { find: () => found('/usr/sbin/nsd'), packages: ['nsd'], version: ['-v'] },
  'policyd-spf': { find: () => found('/usr/bin/policyd-spf'), packages: ['postfix-policyd-spf-python'], version: null },
};

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function found(path) {
  return executable(path) ? path : undefined;
}

function run(command, args, input) {
  console.error(`ensure-apt: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: [input === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'],
    input,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) return `${command}: ${result.error.message}`;
  if (result.status !== 0) return `${command} ${args.join(' ')} exited with ${String(result.status ?? result.signal)}`;
  return undefined;
}

/**
 * Installs what of `names` is missing; returns `name → path`. Throws an Error whose message says
 * which tool, why it could not be installed and how to install it by hand.
 */
export function ensureTools(names) {
  const unknown = names.filter((n) => !(n in TOOLS));
  if (unknown.length > 0) throw new Error(`unknown tool(s): ${unknown.join(', ')} (known: ${Object.keys(TOOLS).join(', ')})`);
  const missing = names.filter((n) => TOOLS[n].find() === undefined);
  if (missing.length > 0) {
    const packages = missing.flatMap((n) => TOOLS[n].packages);
    const how = `install with \`apt-get install -y ${packages.join(' ')}\` (as root)`;
    if (process.platform !== 'linux') throw new Error(`${missing.join(', ')} missing; installing with apt-get is only done on Linux — ${how}`);
    if (typeof process.getuid === 'function' && process.getuid() !== 0) {
      throw new Error(`${missing.join(', ')} missing, and installing needs root (running as uid ${process.getuid()}) — ${how}`);
    }
    const preseed = missing.map((n) => TOOLS[n].preseed).filter(Boolean).join('\n');
    const problem =
      (preseed ? run('debconf-set-selections', [], `${preseed}\n`) : undefined) ??
      run('apt-get', ['update']) ??
      run('apt-get', ['install', '-y', '--no-install-recommends', ...packages]);
    if (problem) throw new Error(`installing ${packages.join(' ')} failed: ${problem} — ${how}`);
    const still = missing.filter((n) => TOOLS[n].find() === undefined);
    if (still.length > 0) throw new Error(`apt-get install finished, but ${still.join(', ')} is still missing`);
  }
  const paths = {};
  for (const n of names) {
    paths[n] = TOOLS[n].find();
    const args = TOOLS[n].version;
    const v = args ? spawnSync(paths[n], args, { encoding: 'utf8' }) : undefined;
    if (v && v.status !== 0) throw new Error(`${paths[n]} ${args.join(' ')} failed: ${(v.stderr || v.error?.message || '').trim()}`);
    const line = v ? (v.stdout || v.stderr).trim().split('\n')[0] : 'installed';
    console.error(`ensure-apt: ${n}: ${line} at ${paths[n]}`);
  }
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  try {
    ensureTools(names.length > 0 ? names : Object.keys(TOOLS));
  } catch (error) {
    console.error(`ensure-apt: ${error.message}`);
    process.exit(1);
  }
}
