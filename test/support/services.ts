/**
 * Real PostgreSQL and Redis servers for tests: each call starts a private instance on a free
 * loopback port with its own data directory under the system temp folder, and `stop()` removes
 * it. Debian's binaries are installed by `scripts/ensure-apt.mjs` when missing (the test command
 * runs it first; `startPostgres`/`startRedis` run it again when a single file is run by hand).
 *
 * PostgreSQL refuses to run as root, so as root the cluster belongs to Debian's `postgres` user.
 * `restart()` stops and starts the same instance on the same port and data (the scale-out tests
 * restart servers under running workers).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function ensure(tool: 'postgresql' | 'redis'): void {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-apt.mjs'), tool], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${tool} is missing and could not be installed:\n${run.stderr}${run.stdout}`);
}

/** A port nothing listens on right now (bound, read and released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A loopback UDP port (`127.0.0.1:PORT`) bound a moment ago and closed again: nothing listens
 * there, so a DNS query to it is refused (spfkit's own resolver down).
 */
export async function closedPort(): Promise<string> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${socket.address().port}`;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return address;
}

function postgresBin(): string {
  const found = spawnSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1'], { encoding: 'utf8' });
  const dir = found.stdout.trim();
  if (dir === '') throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin');
  return dir;
}

interface Owner {
  uid?: number;
  gid?: number;
}

function postgresOwner(): Owner {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, and there is no "postgres" user to own the test cluster');
  return { uid, gid };
}

function runAs(owner: Owner, command: string, args: string[]): void {
  const result = spawnSync(command, args, { ...owner, encoding: 'utf8', cwd: tmpdir() });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${String(result.status)}:\n${result.stderr}${result.stdout}`);
}

export interface Postgres {
  /** `postgres://spfkit@127.0.0.1:PORT/postgres` */
  url: string;
  port: number;
  /** A URL for a fresh, empty database of that name (created on the call). */
  database(name: string): string;
  /** Stops the server, keeping its data and port; `restart()` starts it again. */
  halt(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<Postgres> {
  ensure('postgresql');
  const bin = postgresBin();
  const owner = postgresOwner();
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-pg-'));
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid ?? owner.uid);
  const data = join(dir, 'data');
  const port = await freePort();
  runAs(owner, join(bin, 'initdb'), ['-D', data, '-U', 'spfkit', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = (): void => runAs(owner, join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const stopServer = (): void => runAs(owner, join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let running = true;
  const url = `postgres://spfkit@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    database(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
      runAs(owner, 'psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'spfkit', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE ${name}`]);
      return `postgres://spfkit@127.0.0.1:${port}/${name}`;
    },
    async halt() {
      if (running) stopServer();
      running = false;
    },
    async restart() {
      if (running) stopServer();
      running = false;
      start();
      running = true;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (running) stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface Redis {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
}

export async function startRedis(): Promise<Redis> {
  ensure('redis');
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const c = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--protected-mode', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    await waitForLine(c, /Ready to accept connections/, `redis-server on port ${port}`);
    c.stdout?.resume();
    c.stderr?.resume();
  };
  const stopServer = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();
  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart() {
      await stopServer();
      await start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
