/**
 * `spfkit policyd` as a child process for tests: started with `--listen`, ready once it logs
 * "listening on …" ("luistert op …" with --lang nl; it names the real port for `inet:…:0`),
 * stopped with SIGTERM; and a client that sends policy requests on one connection and
 * collects the answers.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The command line that runs the CLI from source (`node --import tsx src/cli/main.ts`). */
export const CLI = [process.execPath, '--import', 'tsx', resolve(ROOT, 'src/cli/main.ts')] as const;

/** Starts `spfkit ARGS` with stdin/stdout/stderr piped. */
export function spawnCli(args: readonly string[]): ChildProcessWithoutNullStreams {
  const [node, ...pre] = CLI;
  return spawn(node, [...pre, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
}

export interface RunningPolicyd {
  /** Where it listens, in Postfix's notation (`inet:127.0.0.1:40123`, `unix:/tmp/…`). */
  address: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything it wrote on stderr so far (its log with `--log stderr`). */
  stderr(): string;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts a daemon (`args` must contain `--listen …` and `--log stderr`) and waits until it listens. */
export async function startPolicyd(args: readonly string[], waitMs = 30_000): Promise<RunningPolicyd> {
  const child = spawnCli(['policyd', ...args]);
  let err = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const address = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`spfkit policyd did not listen within ${waitMs} ms:\n${err}`)), waitMs);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /(?:listening on|luistert op) (\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        done(m[1] as string);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`spfkit policyd exited with ${code} before listening:\n${err}`));
    });
  });
  return {
    address,
    child,
    stderr: () => err,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Sends `text` on one new connection to a policy service and resolves with `count` answers (or those before the close). */
export async function askPolicy(address: string, text: string, count: number): Promise<string[]> {
  return (await exchangePolicy(address, text, count)).answers;
}

/**
 * Sends `text` (the parts one write each) on one new connection to a policy service at
 * `address` (Postfix's notation) and collects `count` answers, or those before the service
 * closed the connection (`closed`).
 */
export function exchangePolicy(address: string, text: string | readonly string[], count: number): Promise<{ answers: string[]; closed: boolean }> {
  return new Promise((done, fail) => {
    const inet = /^inet:(?:\[(.+)\]|([^:]+)):(\d+)$/.exec(address);
    const socket = inet ? connect({ host: inet[1] ?? inet[2] ?? '', port: Number(inet[3]) }) : connect({ path: address.replace(/^unix:/, '') });
    let data = '';
    const answers = (): string[] => data.split('\n\n').filter((a) => a !== '');
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      if (answers().length >= count) {
        socket.end();
        done({ answers: answers(), closed: false });
      }
    });
    socket.on('close', () => done({ answers: answers(), closed: true }));
    socket.on('error', fail);
    socket.on('connect', () => {
      for (const part of typeof text === 'string' ? [text] : text) socket.write(part);
    });
  });
}
