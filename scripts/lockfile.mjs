// package-lock.json must be complete and in sync with package.json, so that `npm ci` works and
// the README's `npm install` leaves a fresh clone clean (issue 10.1). Two checks:
//  1. `npm install --package-lock-only` on a copy of package.json + package-lock.json must not
//     change the lockfile (what `npm install` would rewrite);
//  2. in a git checkout, the lockfile must equal the committed one unless package.json changed
//     too (then a dependency change is in progress, and check 1 is what counts).
// checkLockfile() returns null when both hold, else one sentence saying what is wrong.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function npmCommand() {
  const cli = process.env.npm_execpath;
  return cli && cli.endsWith('.js') ? [process.execPath, [cli]] : ['npm', []];
}

function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const inA = new Set(a);
  const inB = new Set(b);
  return `+${b.filter((line) => !inA.has(line)).length} −${a.filter((line) => !inB.has(line)).length} lines`;
}

function gitShow(root, path) {
  const result = spawnSync('git', ['show', `HEAD:${path}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return result.status === 0 ? result.stdout : null;
}

export function checkLockfile(root) {
  const lock = readFileSync(join(root, 'package-lock.json'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-lock-'));
  try {
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    copyFileSync(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
    const [command, prefix] = npmCommand();
    try {
      execFileSync(command, [...prefix, 'install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error) {
      const stderr = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr).trim().split('\n')[0] : String(error);
      return `npm install --package-lock-only failed: ${stderr}`;
    }
    const after = readFileSync(join(dir, 'package-lock.json'), 'utf8');
    if (after !== lock) {
      return `npm install would rewrite it (${changedLines(lock, after)}); run npm install and commit package-lock.json`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const committedLock = gitShow(root, 'package-lock.json');
  if (committedLock !== null && committedLock !== lock) {
    const committedPackage = gitShow(root, 'package.json');
    const pkg = readFileSync(join(root, 'package.json'), 'utf8');
    if (committedPackage === pkg) {
      return `it differs from the committed one (${changedLines(committedLock, lock)}) although package.json did not change: npm install rewrote it`;
    }
  }
  return null;
}
