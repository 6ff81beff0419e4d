/**
 * The policy service on a byte stream: a socket (inet or unix, `listenPolicy`) or
 * stdin/stdout under spawn(8) (`servePolicyStream`). Requests on one connection are answered
 * in order; a client that stalls in the middle of a request is disconnected after
 * `stallMs`; one idle between requests is kept (Postfix reuses its policy connections) up to
 * `idleMs`. Every well-formed request gets an answer; a too-large one gets the fail-safe
 * answer and the connection ends.
 */
import { type Server, createServer } from 'node:net';
import type { Duplex, Readable, Writable } from 'node:stream';
import { type ConnectionState, type PolicyContext, type PolicyDecision, decidePolicy, newConnectionState } from './decide.ts';
import { RequestReader, formatResponse } from './protocol.ts';
import type { PolicySettings } from './settings.ts';

export interface ServiceOptions {
  settings: PolicySettings;
  context: PolicyContext;
  /** Called once per decision (the log line). */
  onDecision?: (decision: PolicyDecision) => void;
  /** Milliseconds a half-read request may wait for its next bytes (default 30 000). */
  stallMs?: number;
  /** Milliseconds a connection may sit idle between requests (default 600 000, above Postfix's 300 s max idle). */
  idleMs?: number;
}

/**
 * Serves one connection: reads requests from `input`, writes answers to `output`. Resolves
 * when the connection ends.
 */
export function servePolicyStream(input: Readable, output: Writable, options: ServiceOptions, close: () => void = () => input.destroy()): Promise<void> {
  const reader = new RequestReader();
  const state: ConnectionState = newConnectionState();
  const stallMs = options.stallMs ?? 30_000;
  const idleMs = options.idleMs ?? 600_000;
  let queue: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const arm = (): void => {
    clearTimeout(timer);
    if (ended) return;
    timer = setTimeout(close, reader.inRequest ? stallMs : idleMs);
  };
  const answer = (work: () => Promise<string>): void => {
    queue = queue.then(async () => {
      const text = await work();
      if (!output.destroyed && output.writable) output.write(text);
    });
  };
  return new Promise((resolve) => {
    const finish = (): void => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      void queue.then(() => resolve());
    };
    input.on('data', (chunk: Buffer) => {
      for (const event of reader.push(chunk)) {
        if (event.kind === 'request') {
          const { request, problems } = event;
          answer(async () => {
            const decision = await decidePolicy(request, options.settings, options.context, state, problems);
            options.onDecision?.(decision);
            return formatResponse(decision.action);
          });
        } else {
          answer(async () => {
            const decision = await decidePolicy(new Map(), options.settings, options.context, state, [event.problem]);
            options.onDecision?.(decision);
            return formatResponse(decision.action);
          });
          queue = queue.then(() => {
            output.end();
            close();
          });
        }
      }
      arm();
    });
    input.on('end', finish);
    input.on('close', finish);
    input.on('error', finish);
    arm();
  });
}

/** Where to listen: `inet:HOST:PORT` or `unix:PATH` (Postfix's own notation). */
export type ListenAddress = { kind: 'inet'; host: string; port: number } | { kind: 'unix'; path: string };

/** Parses `inet:127.0.0.1:10023`, `inet:[::1]:10023` or `unix:/run/spfkit.sock`; undefined when neither. */
export function parseListenAddress(text: string): ListenAddress | undefined {
  if (text.startsWith('unix:')) {
    const path = text.slice(5);
    return path === '' ? undefined : { kind: 'unix', path };
  }
  const m = /^inet:(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65535) return undefined;
  return { kind: 'inet', host: m[1] ?? m[2] ?? '', port };
}

/** Starts a daemon; resolves once it listens. Close it with `server.close()`. */
export function listenPolicy(address: ListenAddress, options: ServiceOptions): Promise<Server> {
  const server = createServer((socket: Duplex & { destroy(): void; setNoDelay?(on: boolean): void }) => {
    socket.setNoDelay?.(true);
    socket.on('error', () => {});
    void servePolicyStream(socket, socket, options, () => socket.destroy());
  });
  server.maxConnections = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const ready = (): void => {
      server.off('error', reject);
      resolve(server);
    };
    if (address.kind === 'inet') server.listen({ host: address.host, port: address.port, backlog: 2048 }, ready);
    else server.listen({ path: address.path, backlog: 2048 }, ready);
  });
}
