#!/usr/bin/env node
// Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (test/web/).
// Playwright's own browser download cannot work here (only the npm registry and Debian's apt
// are reachable), so the tests drive the distribution's build through playwright-core.
//
// Missing → `apt-get update && apt-get install -y chromium` (CI runs as root). If that is
// impossible or fails, this exits non-zero with the reason: the browser tests are never
// skipped silently.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.SPFKIT_CHROMIUM ?? '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  console.error(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) return `${command}: ${result.error.message}`;
  if (result.status !== 0) return `${command} ${args.join(' ')} exited with ${String(result.status ?? result.signal)}`;
  return undefined;
}

function fail(reason) {
  console.error(`ensure-chromium: ${reason}`);
  console.error(`ensure-chromium: the browser tests need Chromium at ${CHROMIUM}; install it with \`apt-get install -y chromium\` (as root) or point SPFKIT_CHROMIUM at one.`);
  process.exit(1);
}

if (!executable(CHROMIUM)) {
  if (CHROMIUM !== '/usr/bin/chromium') fail(`SPFKIT_CHROMIUM=${CHROMIUM} is not an executable file`);
  if (process.platform !== 'linux') fail(`no ${CHROMIUM}, and installing it with apt-get is only done on Linux`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) fail(`no ${CHROMIUM}, and installing it needs root (running as uid ${process.getuid()})`);
  const problem = run('apt-get', ['update']) ?? run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (problem) fail(`installing chromium failed: ${problem}`);
  if (!executable(CHROMIUM)) fail(`apt-get install chromium finished, but ${CHROMIUM} is still missing`);
}

const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) fail(`${CHROMIUM} --version failed: ${(version.stderr || version.error?.message || '').trim()}`);
console.error(`ensure-chromium: ${version.stdout.trim()} at ${CHROMIUM}`);
