#!/usr/bin/env node
// Runs one benchmark (`spf`, `bulk`, `http`, `policyd`, `monitor`) as plain JavaScript on Node.
//
// The benchmarks are TypeScript; running them through tsx's loader hooks also routes the
// measured library through those hooks and costs it a third of its speed (parse: 478 000
// records/s under tsx, 727 000 plain, same code and data). So the bench files are bundled
// with esbuild into bench/.build/ — the library stays an external import of the built
// package (`spfkit` → dist/), exactly what a user's program loads — and run with plain node.
//
// For `spf`, two Debian packages are made ready too (`apt-get install`, as root): libspf2-dev
// + gcc, the peer whose record compiler is timed on the same records in the same run
// (bench/libspf2/compile-rate.c); and nsd, the authoritative DNS server in C that serves the
// loopback zone, so the uncached check figures measure the resolvers rather than a
// JavaScript test server. When either is impossible, the benchmark says why and carries on
// without it (spfkit's parse figure alone; the JavaScript test DNS server).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { build } from 'esbuild';
import { ensureTools } from './ensure-apt.mjs';

const BUILD = 'bench/.build';
export const LIBSPF2_BINARY = `${BUILD}/libspf2-compile-rate`;
const LIBSPF2_SOURCE = 'bench/libspf2/compile-rate.c';
const LIBSPF2_CHECK_BINARY = `${BUILD}/libspf2-check-rate`;
const LIBSPF2_CHECK_SOURCE = 'bench/libspf2/check-rate.c';
const NSD = '/usr/sbin/nsd';

const name = process.argv[2];
const entries = { spf: 'bench/spf.bench.ts', bulk: 'bench/bulk.bench.ts', http: 'bench/http.bench.ts', policyd: 'bench/policyd.bench.ts', monitor: 'bench/monitor.bench.ts', dkim: 'bench/dkim.bench.ts' };
if (!name || !(name in entries)) {
  console.error(`usage: node scripts/bench.mjs <${Object.keys(entries).join('|')}>`);
  process.exit(2);
}

function run(command, args, quiet = false) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) return `${command}: ${result.error.message}`;
  if (result.status !== 0) return `${command} ${args.join(' ')} exited with ${String(result.status ?? result.signal)}`;
  return undefined;
}

/**
 * Makes sure `ready()` holds, installing the Debian `packages` when it does not; returns why
 * that is impossible, or undefined.
 */
function ensurePackages(packages, ready) {
  if (ready()) return undefined;
  if (process.platform !== 'linux') return `${packages.join(' ')} missing (installed with apt-get on Linux only)`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return `${packages.join(' ')} missing, and installing needs root (uid ${process.getuid()})`;
  console.error(`bench: apt-get install ${packages.join(' ')}`);
  const install = ['install', '-y', '-q', '--no-install-recommends', ...packages];
  if (run('apt-get', install, true) !== undefined) {
    const retry = run('apt-get', ['update', '-q'], true) ?? run('apt-get', install, true);
    if (retry) return `installing ${packages.join(' ')} failed: ${retry}`;
  }
  return ready() ? undefined : `apt-get finished, but ${packages.join(' ')} is still not usable`;
}

/** Builds one libspf2 peer program; returns why it is unavailable, or undefined when it is ready. */
function ensureLibspf2(binary, source, libs = []) {
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs) return undefined;
  const missing = ensurePackages(['libspf2-dev', 'gcc'], () => existsSync('/usr/include/spf2/spf.h') && run('gcc', ['--version'], true) === undefined);
  return missing ?? run('gcc', ['-O2', '-Wall', '-o', binary, source, '-lspf2', ...libs]);
}

mkdirSync(BUILD, { recursive: true });
await build({
  entryPoints: ['bench/spf.bench.ts', 'bench/bulk.bench.ts', 'bench/bulk-run.ts', 'bench/http.bench.ts', 'bench/policyd.bench.ts', 'bench/policy-peers.ts', 'bench/monitor.bench.ts', 'bench/monitor-run.ts', 'bench/dkim.bench.ts', 'test/support/dns-server.ts'],
  outbase: '.',
  outdir: BUILD,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const env = { ...process.env };
if (name === 'spf') {
  const unavailable = ensureLibspf2(LIBSPF2_BINARY, LIBSPF2_SOURCE);
  if (unavailable) env.SPFKIT_BENCH_LIBSPF2_UNAVAILABLE = unavailable;
  else env.SPFKIT_BENCH_LIBSPF2 = LIBSPF2_BINARY;
  // The cold-cache peer (bench/cold.ts): libdl for its resolver hooks.
  const checkUnavailable = unavailable ?? ensureLibspf2(LIBSPF2_CHECK_BINARY, LIBSPF2_CHECK_SOURCE, ['-ldl']);
  if (!checkUnavailable) env.SPFKIT_BENCH_LIBSPF2_CHECK = LIBSPF2_CHECK_BINARY;
  const hadNsd = existsSync(NSD);
  const noNsd = ensurePackages(['nsd'], () => existsSync(NSD));
  // Installed here only to serve the benchmark: do not leave a DNS service on port 53 behind.
  if (!hadNsd && !noNsd) run('systemctl', ['disable', '--now', 'nsd'], true);
  if (noNsd) env.SPFKIT_BENCH_NSD_UNAVAILABLE = noNsd;
  else env.SPFKIT_BENCH_NSD = NSD;
}
if (name === 'policyd') {
  // NSD serves the zone on port 53 (pyspf reads /etc/resolv.conf); Debian's policyd-spf is the peer.
  try {
    const paths = ensureTools(['nsd', 'policyd-spf']);
    env.SPFKIT_BENCH_NSD = paths.nsd;
    env.SPFKIT_BENCH_POLICYD_SPF = paths['policyd-spf'];
  } catch (error) {
    env.SPFKIT_BENCH_NSD_UNAVAILABLE = error.message;
    env.SPFKIT_BENCH_POLICYD_SPF_UNAVAILABLE = error.message;
  }
}
if (name === 'monitor') {
  try {
    env.SPFKIT_BENCH_NSD = ensureTools(['nsd']).nsd;
  } catch (error) {
    env.SPFKIT_BENCH_NSD_UNAVAILABLE = error.message;
  }
}
const result = spawnSync(process.execPath, [`${BUILD}/${entries[name].replace(/\.ts$/, '.mjs')}`, ...process.argv.slice(3)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
