/** Runs the spfkit command line in-process, capturing what it prints and its exit code; zone-file fixtures for it. */
import { after, before } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false, env: {} };
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
