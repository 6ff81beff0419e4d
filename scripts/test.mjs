#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's test runner (TypeScript through tsx),
// on this Node and on Node 24 (scripts/node24.mjs), and prints one summary line per version.
// Node 20's --test does not expand globs, so the file list is built here.
//
//   node scripts/test.mjs                 everything, both Node versions
//   node scripts/test.mjs FILE…           only these files, this Node only
//   SPFKIT_NODE24=0 node scripts/test.mjs this Node only (the summary says the Node 24 pass was skipped)
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { checkLockfile } from './lockfile.mjs';
import { ensureNode24 } from './node24.mjs';

const root = resolve(import.meta.dirname, '..');
// Servers the tests start run the monitor scheduler: its database goes here, never in the user's home.
process.env.SPFKIT_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'spfkit-test-data-'));

function collect(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** Runs the files under `node` in `cwd`, echoing the output, and returns the runner's counts. */
function runSuite(node, files, cwd, env) {
  return new Promise((done) => {
    const child = spawn(node, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const counts = {};
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const text = tail + chunk.toString('utf8');
      const lines = text.split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) {
        const count = /^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(line.trim());
        if (count) counts[count[1]] = Number(count[2]);
      }
    });
    child.on('close', (code, signal) => done({ code: code ?? 1, signal, counts }));
  });
}

function summary(version, outcome, note) {
  const c = outcome.counts;
  const counted = c.tests !== undefined
    ? `${c.tests} tests, ${c.pass ?? 0} passed, ${c.fail ?? 0} failed, ${c.cancelled ?? 0} cancelled, ${c.skipped ?? 0} skipped, ${c.todo ?? 0} todo`
    : `no test counts (runner ${outcome.signal ? `killed by ${outcome.signal}` : `exited ${outcome.code}`})`;
  return `node ${version}: ${counted}${note ? ` — ${note}` : ''}`;
}

const only = process.argv.slice(2);
if (only.length > 0) {
  const outcome = await runSuite(process.execPath, only, root, process.env);
  process.exit(outcome.code);
}

const lockProblem = checkLockfile(root);
const files = [...collect('src', []), ...collect('test', [])].sort();
const lines = [];
let failed = false;

const first = await runSuite(process.execPath, files, root, process.env);
lines.push(summary(process.version, first, 'every file, browser tests included'));
failed ||= first.code !== 0;

const majorHere = Number(process.versions.node.split('.')[0]);
if (process.env.SPFKIT_NODE24 === '0') {
  lines.push('node 24: pass SKIPPED because SPFKIT_NODE24=0');
} else if (majorHere !== 24) {
  try {
    const { node, tree, env } = ensureNode24(root);
    // The browser tests drive one Chromium; they run on the first Node only.
    const serverSide = files.filter((file) => !file.startsWith(join('test', 'web')));
    const second = await runSuite(node, serverSide, tree, env);
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    lines.push(summary(version, second, `every file except the ${files.length - serverSide.length} browser test files (test/web)`));
    failed ||= second.code !== 0;
  } catch (error) {
    lines.push(`node 24: could not run: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
  }
}

if (lockProblem) {
  lines.push(`package-lock.json: ${lockProblem}`);
  failed = true;
} else {
  lines.push('package-lock.json: in sync with package.json (npm install would not change it)');
}
console.log('\n# ' + lines.join('\n# '));
process.exit(failed ? 1 : 0);
