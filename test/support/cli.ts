/** Runs the spfkit command line in-process, capturing what it prints and its exit code. */
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
