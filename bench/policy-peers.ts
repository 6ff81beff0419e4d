/**
 * The other policy services of `npm run bench:policyd`, each a process of its own:
 *
 *   node bench/.build/bench/policy-peers.mjs spawn PORT LIMIT COMMAND [ARGS…]
 *     What Postfix's spawn(8) does for a policy service such as Debian's policyd-spf: one child
 *     process per client connection, the connection on its stdin/stdout, at most LIMIT at once
 *     (master.cf's process limit; a connection over it waits until a child ends, as it waits in
 *     master(8)'s listen queue). Prints each child's pid as `child PID` for the memory figure.
 *
 *   node bench/.build/bench/policy-peers.mjs noop PORT
 *     The ceiling: answers `action=DUNNO` to every request without looking at it, so the
 *     load generator, the sockets and the protocol framing are all that is measured.
 *
 * Both print `listening on 127.0.0.1:PORT` once they accept connections.
 */
import { spawn } from 'node:child_process';
import { type Socket, createServer } from 'node:net';

const [mode, portText, ...rest] = process.argv.slice(2);
const port = Number(portText);

function listen(onSocket: (socket: Socket) => void): void {
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('error', () => {});
    onSocket(socket);
  });
  server.maxConnections = 10_000;
  server.listen({ host: '127.0.0.1', port, backlog: 2048 }, () => console.log(`listening on 127.0.0.1:${port}`));
  process.once('SIGTERM', () => process.exit(0));
}

if (mode === 'noop') {
  listen((socket) => {
    let tail = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      // A request ends with an empty line; count the ends in this chunk (with the last byte of the one before).
      const text = tail + chunk;
      let answers = '';
      for (let at = text.indexOf('\n\n'); at !== -1; at = text.indexOf('\n\n', at + 2)) answers += 'action=DUNNO\n\n';
      tail = text.endsWith('\n') ? '\n' : '';
      if (answers !== '') socket.write(answers);
    });
  });
} else if (mode === 'spawn' && rest.length >= 2) {
  const limit = Number(rest[0]);
  const [command, ...args] = rest.slice(1) as [string, ...string[]];
  let running = 0;
  const waiting: Socket[] = [];
  const start = (socket: Socket): void => {
    running++;
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    console.log(`child ${child.pid}`);
    child.stdin.on('error', () => {});
    socket.pipe(child.stdin);
    child.stdout.pipe(socket);
    socket.once('close', () => child.stdin.end());
    child.once('exit', () => {
      running--;
      socket.destroy();
      const next = waiting.shift();
      if (next) start(next);
    });
    socket.resume();
  };
  listen((socket) => {
    if (running < limit) start(socket);
    else {
      socket.pause();
      waiting.push(socket);
      socket.once('close', () => {
        const at = waiting.indexOf(socket);
        if (at !== -1) waiting.splice(at, 1);
      });
    }
  });
} else {
  console.error('usage: policy-peers.mjs spawn PORT LIMIT COMMAND [ARGS…] | noop PORT');
  process.exit(2);
}
