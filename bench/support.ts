/** Shared benchmark plumbing: a loopback DNS server in its own process, pools, timing, tables. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { zoneToText, type Zone } from '../src/dns/zone.ts';

/** Where scripts/bench.mjs puts the bundled bench files (plain JavaScript, run without tsx). */
export const BENCH_BUILD = 'bench/.build';

export interface ServerProcess {
  address: string;
  stop(): void;
}

/**
 * Starts test/support/dns-server.ts (bundled) in a child process (so serving DNS does not share the
 * measured process's event loop) and resolves with its address.
 */
export function startDnsServerProcess(zone: Zone, delayMs = 0): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-bench-'));
  const file = join(dir, 'zone.yaml');
  writeFileSync(file, zoneToText(zone));
  const child: ChildProcess = spawn(process.execPath, [`${BENCH_BUILD}/test/support/dns-server.mjs`, '--zone', file, '--port', '0', '--delay', String(delayMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('dns server did not start within 20 s')), 20000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /on (127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ address: m[1], stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`dns server exited with ${code}`)));
  });
}

/** A free TCP port on loopback (released again at once; the server takes it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
export async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Items per second of one timed run. */
export async function rate(count: number, run: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await run();
  return count / ((performance.now() - start) / 1000);
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}
