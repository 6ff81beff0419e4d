/** Runs the spfkit command line in-process (or as a child process), capturing what it prints and its exit code; zone-file fixtures for it. */
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * @example
 * const r = await spfkit('check', '--ip', '1.2.3', '--sender', 'me@example.com'); // r.code === 2
 */
export async function spfkit(...argv: string[]): Promise<CliRun> {
  return spfkitIn({}, ...argv);
}

/**
 * `spfkit` in-process with these environment variables (the locale: `{ LANG: 'nl_NL.UTF-8' }`).
 *
 * @example
 * const r = await spfkitIn({ LANG: 'nl_NL.UTF-8' }, 'explain', 'v=spf1 -all'); // r.stdout in Dutch
 */
export async function spfkitIn(env: Readonly<Record<string, string>>, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false, env };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/**
 * A zone file for the DNS options (`--zone`) in a fresh temporary folder, written before the
 * suite's tests and removed after them. Call it inside `describe`; read `path` in the tests.
 *
 * @example
 * const zone = zoneFileFixture('zone:\n  example.com: [{TXT: "v=spf1 -all"}]\n');
 * it('…', async () => spfkit('check', '--zone', zone.path, …));
 */
export function zoneFileFixture(text: string): { readonly path: string } {
  let dir = '';
  const fixture = { path: '' };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spfkit-cli-'));
    fixture.path = join(dir, 'zone.yaml');
    await writeFile(fixture.path, text);
  });
  after(() => rm(dir, { recursive: true, force: true }));
  return fixture;
}

/** The command line that runs the CLI from source, as a user's shell would start it. */
const CLI_MAIN = resolve(import.meta.dirname, '../../src/cli/main.ts');

/**
 * Runs the real `spfkit` as a child process (`node --import tsx src/cli/main.ts`) with the
 * locale variables of the test's own environment removed and `env` added, so a test sees
 * exactly the locale it sets (`{ LANG: 'nl_NL.UTF-8' }`); `input` goes to its stdin.
 *
 * @example
 * const r = await spawnSpfkit(['explain', 'v=spf1 -all'], { env: { LANG: 'nl_NL.UTF-8' } }); // r.stdout in Dutch
 */
export async function spawnSpfkit(argv: readonly string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, LANGUAGE: undefined, ...options.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, ...argv], { cwd: resolve(import.meta.dirname, '../..'), env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const code = new Promise<number>((done, fail) => {
    child.once('error', fail);
    child.once('close', (exit, signal) => done(exit ?? (signal ? 128 : -1)));
  });
  child.stdin.end(options.input ?? '');
  return { code: await code, stdout, stderr };
}
