/**
 * npm run bench:policyd — `spfkit policyd` (the built CLI, a daemon on loopback) beside Debian's
 * postfix-policyd-spf-python (pyspf's `policyd-spf`, run the way Postfix runs it: one process
 * per connection under a spawn(8)-like launcher, bench/policy-peers.ts) on the same Postfix
 * policy requests, answered from the same loopback authoritative DNS server (NSD) in the same
 * run. Each connection sends one request at a time, as a Postfix smtpd does; every request is a
 * new message (its own `instance`) from smtp1.blueinkt.com (5.255.64.53, seed 004) for one of
 * DOMAINS customer domains in turn: a third without SPF (prepend `none`), a third whose record
 * excludes it (reject), a third that authorises it (prepend `pass`). Both services are first
 * asked the three kinds; every answer in the runs must carry the verdict expected for its kind.
 *
 * Ceilings beside them, in the same run: a no-op policy service (answers DUNNO unread, same
 * load generator: what the sockets and framing allow) and NSD's own rate (UDP queries from one
 * socket, 64 in flight).
 *
 * pyspf reads its DNS server from /etc/resolv.conf (port 53 only), so NSD listens on a random
 * 127.53.x.y:53 and pyspf's launcher runs in a private mount namespace (`unshare -m`) with a
 * private resolv.conf bind-mounted over /etc/resolv.conf; the machine's file is never touched.
 *
 * Settings (env): BENCH_LEVELS (connections, default 1,64,1000), BENCH_SECONDS (per run,
 * default 10), BENCH_DOMAINS (3000), BENCH_PYSPF_MAX_CONNECTIONS (100: spawn(8) needs one
 * Python process per connection, ~10 MB each; Postfix's default_process_limit is 100).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Socket, connect } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Zone, ZoneItem } from '../src/dns/zone.ts';
import { startNsd, udpQueryRate } from './nsd.ts';
import { BENCH_BUILD, type ServerProcess, fmt, freePort, table } from './support.ts';

const LEVELS = (process.env.BENCH_LEVELS ?? '1,64,1000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Math.min(2, SECONDS);
const DOMAINS = Number(process.env.BENCH_DOMAINS ?? 3000);
const PYSPF_MAX = Number(process.env.BENCH_PYSPF_MAX_CONNECTIONS ?? 100);
const NSD = process.env.SPFKIT_BENCH_NSD;
const PYSPF = process.env.SPFKIT_BENCH_POLICYD_SPF;

const CLIENT_IP = '5.255.64.53';
const HELO = 'smtp1.blueinkt.com';
type Kind = 'none' | 'excluded' | 'authorised';
const KINDS: Kind[] = ['none', 'excluded', 'authorised'];

function zone(): Zone {
  const z: Zone = new Map();
  const txt = (text: string): ZoneItem => ({ type: 'TXT', value: [text] });
  z.set(HELO, [txt('v=spf1 a -all'), { type: 'A', value: CLIENT_IP }]);
  z.set('spf.protection.outlook.com', [txt('v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 include:spfd.protection.outlook.com -all')]);
  z.set('spfd.protection.outlook.com', [txt('v=spf1 ip4:51.4.72.0/24 ip4:51.5.72.0/24 -all')]);
  for (let i = 0; i < DOMAINS; i++) {
    const kind = KINDS[i % 3] as Kind;
    const items: ZoneItem[] = [{ type: 'A', value: '192.0.2.80' }];
    if (kind === 'excluded') items.push(txt('v=spf1 include:spf.protection.outlook.com -all'));
    if (kind === 'authorised') items.push(txt(`v=spf1 include:spf.protection.outlook.com a:${HELO} -all`));
    z.set(domain(i), items);
  }
  return z;
}

const domain = (i: number): string => `klant${i}.nl`;

let serial = 0;
/** One RCPT-stage request as Postfix's smtpd sends it (SMTPD_POLICY_README), a new message each time. */
function request(i: number): string {
  serial++;
  return [
    'request=smtpd_access_policy',
    'protocol_state=RCPT',
    'protocol_name=ESMTP',
    `client_address=${CLIENT_IP}`,
    `client_name=${HELO}`,
    `reverse_client_name=${HELO}`,
    `helo_name=${HELO}`,
    `sender=info@${domain(i % DOMAINS)}`,
    'recipient=postmaster@ontvanger.example',
    'recipient_count=0',
    `queue_id=${serial.toString(16).toUpperCase()}`,
    `instance=${process.pid}.${serial}`,
    'size=1024',
    '',
    '',
  ].join('\n');
}

/** The verdict an answer carries, the same words for both services: `prepend pass`, `reject`, `defer`, `dunno`. */
function verdict(answer: string): string {
  const action = /^action=(.*)$/m.exec(answer)?.[1] ?? answer;
  const header = /^PREPEND Received-SPF: (\w+)/i.exec(action);
  if (header) return `prepend ${(header[1] as string).toLowerCase()}`;
  if (/^(5\d\d|REJECT)\b/i.test(action)) return 'reject';
  if (/^(4\d\d|DEFER)/i.test(action)) return 'defer';
  if (/^DUNNO/i.test(action)) return 'dunno';
  return `other: ${action.slice(0, 60)}`;
}

interface Service {
  name: string;
  port: number;
  process: ChildProcess;
  stop(): void;
}

/**
 * Spawns a service and resolves once it prints `listening on`. With `logFile`, its stderr goes
 * to that file (the kernel writes it; this process, the load generator, never reads it) and
 * the file is watched for the line.
 */
function startService(name: string, command: string, args: string[], port: number, onLine: (line: string) => void = () => {}, logFile?: string): Promise<Service> {
  const log = logFile === undefined ? undefined : openSync(logFile, 'a');
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', log ?? 'pipe'] });
  if (log !== undefined) closeSync(log);
  let out = '';
  return new Promise((resolve, reject) => {
    let ready = false;
    const finish = (): void => {
      ready = true;
      clearTimeout(timer);
      clearInterval(watch);
      resolve({ name, port, process: child, stop: () => child.kill('SIGTERM') });
    };
    const timer = setTimeout(() => {
      clearInterval(watch);
      reject(new Error(`${name} did not listen within 30 s:\n${out}`));
    }, 30_000);
    const watch = setInterval(() => {
      if (logFile !== undefined && !ready && /listening on/.test(readFileSync(logFile, 'utf8'))) finish();
    }, 50);
    const read = (chunk: Buffer): void => {
      const text = chunk.toString();
      if (!ready) out += text;
      for (const line of text.split('\n')) if (line) onLine(line);
      if (!ready && /listening on/.test(out)) finish();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (!ready) reject(new Error(`${name} exited with ${code}:\n${out}${logFile === undefined ? '' : readFileSync(logFile, 'utf8')}`));
    });
  });
}

/** One connection sending one request at a time; `next` gives each request, `done` gets each answer and its latency. */
function openConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

function ask(socket: Socket, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer): void => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\n\n');
      if (end !== -1) {
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve(data.slice(0, end));
      }
    };
    const onClose = (): void => {
      socket.off('data', onData);
      reject(new Error('connection closed before the answer'));
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(text);
  });
}

interface LoadResult {
  connections: number;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  /** Answers whose verdict is not the one expected for the request's kind of sender. */
  mismatched: number;
  rejects: number;
}

/** What a service answers for each kind of sender (undefined: not checked, e.g. the no-op). */
type Expected = Record<Kind, string> | undefined;

let cursor = 0;
/**
 * `connections` connections, each asking in a loop; the figures count SECONDS after a warm-up
 * of WARMUP_SECONDS that lasts at least until every connection has had an answer (a spawned
 * Python process starts slowly).
 */
async function load(port: number, connections: number, expected: Expected, beforeStop: () => void = () => {}): Promise<LoadResult> {
  const sockets: Socket[] = [];
  for (let i = 0; i < connections; i += 100) sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, connections - i) }, () => openConnection(port)))));
  const latencies: number[] = [];
  let errors = 0;
  let mismatched = 0;
  let rejects = 0;
  let measuring = false;
  let stopping = false;
  let answeredOnce = 0;
  const loop = async (socket: Socket): Promise<void> => {
    let first = true;
    while (!stopping) {
      const index = cursor++;
      const started = performance.now();
      try {
        const answer = await ask(socket, request(index));
        if (first) {
          first = false;
          answeredOnce++;
        }
        if (measuring && !stopping) {
          latencies.push(performance.now() - started);
          const v = verdict(answer);
          if (v === 'reject') rejects++;
          if (expected && v !== expected[KINDS[(index % DOMAINS) % 3] as Kind]) mismatched++;
        }
      } catch {
        if (measuring) errors++;
        return;
      }
    }
  };
  const loops = sockets.map(loop);
  const warmupStarted = performance.now();
  while (performance.now() - warmupStarted < WARMUP_SECONDS * 1000 || (answeredOnce < connections && performance.now() - warmupStarted < 120_000)) {
    await new Promise((done) => setTimeout(done, 100));
  }
  measuring = true;
  const measuredFrom = performance.now();
  await new Promise((done) => setTimeout(done, SECONDS * 1000));
  beforeStop();
  stopping = true;
  const measuredTo = performance.now();
  await Promise.all(loops);
  for (const s of sockets) s.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { connections, requests: latencies.length, seconds: (measuredTo - measuredFrom) / 1000, p50: at(0.5), p99: at(0.99), errors, mismatched, rejects };
}

/** PSS (kB) of the given processes, from /proc/PID/smaps_rollup. */
function pss(pids: number[]): number[] {
  return pids.flatMap((pid) => {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      return m ? [Number(m[1])] : [];
    } catch {
      return [];
    }
  });
}

async function main(): Promise<void> {
  if (!NSD) throw new Error(`NSD is needed (pyspf reads /etc/resolv.conf, so the DNS server must answer on port 53): ${process.env.SPFKIT_BENCH_NSD_UNAVAILABLE ?? 'not found'}`);
  if (!PYSPF) throw new Error(`Debian's policyd-spf is needed: ${process.env.SPFKIT_BENCH_POLICYD_SPF_UNAVAILABLE ?? 'not found'}`);
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-bench-policyd-'));
  const services: Service[] = [];
  let nsd: ServerProcess | undefined;
  let failed = false;
  try {
    // A random loopback address, port 53: what a resolv.conf can name.
    for (let attempt = 0; nsd === undefined; attempt++) {
      const host = `127.53.${1 + Math.floor(Math.random() * 254)}.${1 + Math.floor(Math.random() * 254)}`;
      try {
        nsd = await startNsd(NSD, zone(), { host, port: 53 });
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
    const [dnsHost] = nsd.address.split(':') as [string];
    const resolv = join(dir, 'resolv.conf');
    writeFileSync(resolv, `nameserver ${dnsHost}\n`);
    const conf = join(dir, 'policyd-spf.conf');
    // Debian's shipped settings (TestOnly = 1 means: act on the result), written out in full.
    writeFileSync(conf, ['debugLevel = 1', 'TestOnly = 1', 'HELO_reject = Fail', 'Mail_From_reject = Fail', 'PermError_reject = False', 'TempError_Defer = False', 'skip_addresses = 127.0.0.0/8,::ffff:127.0.0.0/104,::1', ''].join('\n'));

    const queriesPerSecond = await udpQueryRate(dnsHost, 53, (i) => domain(i % DOMAINS));

    const spfkitLog = join(dir, 'spfkit-policyd.log');
    const spfkitPort = await freePort();
    services.push(
      await startService(
        'spfkit policyd',
        process.execPath,
        ['dist/cli/main.js', 'policyd', '--listen', `inet:127.0.0.1:${spfkitPort}`, '--log', 'stderr', '--dns', `${dnsHost}:53`, '--receiver', 'mx.ontvanger.example', '--helo-reject', 'Fail', '--mail-from-reject', 'Fail', '--set', 'PermError_reject=False', '--set', 'TempError_Defer=False'],
        spfkitPort,
        () => {},
        spfkitLog,
      ),
    );
    const pyspfPort = await freePort();
    const children: number[] = [];
    services.push(
      await startService(
        'policyd-spf (pyspf)',
        'unshare',
        ['-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" /etc/resolv.conf && exec "$@"', resolv, process.execPath, `${BENCH_BUILD}/bench/policy-peers.mjs`, 'spawn', String(pyspfPort), String(PYSPF_MAX), PYSPF, conf],
        pyspfPort,
        (line) => {
          const m = /^child (\d+)$/.exec(line);
          if (m) children.push(Number(m[1]));
        },
      ),
    );
    const noopPort = await freePort();
    services.push(await startService('no-op policy service', process.execPath, [`${BENCH_BUILD}/bench/policy-peers.mjs`, 'noop', String(noopPort)], noopPort));
    const [spfkit, pyspf, noop] = services as [Service, Service, Service];
    if (readFileSync('/etc/resolv.conf', 'utf8').includes(dnsHost)) throw new Error('/etc/resolv.conf changed outside the private mount namespace');

    // The verdicts for the three kinds of sender. They differ in one place: for a MAIL FROM
    // domain without SPF, policyd-spf keeps the HELO identity's header (`Pass … identity=helo`),
    // spfkit prepends the MAIL FROM result `none`; both made both checks.
    const expected: Record<'spfkit' | 'pyspf', Record<Kind, string>> = {
      spfkit: { none: 'prepend none', excluded: 'reject', authorised: 'prepend pass' },
      pyspf: { none: 'prepend pass', excluded: 'reject', authorised: 'prepend pass' },
    };
    for (const [key, service] of [['spfkit', spfkit], ['pyspf', pyspf]] as const) {
      const socket = await openConnection(service.port);
      for (const [i, kind] of KINDS.entries()) {
        const got = verdict(await ask(socket, request(i)));
        if (got !== expected[key][kind]) {
          console.error(`${service.name}: a sender ${kind} got "${got}", expected "${expected[key][kind]}"`);
          failed = true;
        }
      }
      socket.destroy();
    }

    console.log(`spfkit policyd vs policyd-spf (pyspf) — node ${process.version}, ${fmt(DOMAINS)} customer domains on NSD at ${nsd.address}, ${SECONDS} s per run after ≥ ${WARMUP_SECONDS} s warm-up, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs (shared)\n`);
    const rows = [['service', 'connections', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'rejects', 'wrong verdicts', 'spfkit ÷ pyspf', 'spfkit ÷ ceiling']];
    let pyspfPss: number[] = [];
    for (const connections of LEVELS) {
      const results: Partial<Record<'spfkit' | 'pyspf' | 'noop', LoadResult>> = {};
      results.spfkit = await load(spfkit.port, connections, expected.spfkit);
      if (connections <= PYSPF_MAX) {
        const largest = connections === Math.max(...LEVELS.filter((l) => l <= PYSPF_MAX));
        results.pyspf = await load(pyspf.port, connections, expected.pyspf, () => {
          if (largest) pyspfPss = pss(children.filter((pid) => existsProc(pid)));
        });
      }
      results.noop = await load(noop.port, connections, undefined);
      const rate = (r: LoadResult): number => r.requests / r.seconds;
      for (const [key, label] of [['spfkit', 'spfkit policyd'], ['pyspf', 'policyd-spf (pyspf)'], ['noop', 'ceiling: no-op policy service']] as const) {
        const r = results[key];
        if (!r) {
          rows.push([label, fmt(connections), `not run: spawn(8) would need ${fmt(connections)} Python processes (BENCH_PYSPF_MAX_CONNECTIONS=${PYSPF_MAX})`, '', '', '', '', '', '', '', '']);
          continue;
        }
        if (r.errors > 0 || r.mismatched > 0 || r.requests === 0) failed = true;
        const vsPeer = key === 'spfkit' && results.pyspf ? `${(rate(r) / rate(results.pyspf)).toFixed(1)}×` : '';
        const vsCeiling = key === 'spfkit' && results.noop ? `${((100 * rate(r)) / rate(results.noop)).toFixed(0)} %` : '';
        rows.push([label, fmt(connections), fmt(r.requests), fmt(rate(r)), r.p50.toFixed(2), r.p99.toFixed(2), fmt(r.errors), key === 'noop' ? '' : fmt(r.rejects), key === 'noop' ? '' : fmt(r.mismatched), vsPeer, vsCeiling]);
      }
    }
    console.log(table(rows));
    console.log(`\nceiling: NSD answers ${fmt(queriesPerSecond)} TXT queries/s (one UDP socket, 64 in flight); a policy request needs 3–6 queries when nothing is cached`);
    if (pyspfPss.length > 0) {
      const avg = pyspfPss.reduce((a, b) => a + b, 0) / pyspfPss.length;
      console.log(`policyd-spf: one Python process per connection, PSS ${(avg / 1024).toFixed(1)} MB each (${pyspfPss.length} measured) → ${((avg * 1000) / 1024 / 1024).toFixed(1)} GB for 1 000 connections`);
    }
    console.log(`spfkit policyd: one process, its DNS answers cached in-process by TTL (pyspf asks the DNS server for every request); it logged ${fmt(readFileSync(spfkitLog, 'utf8').split('\n').length - 2)} decision lines (stderr to a file) (policyd-spf's syslog lines go nowhere here: no /dev/log)`);
    console.log('for a MAIL FROM domain without SPF, policyd-spf prepends the HELO result (Pass, identity=helo), spfkit the MAIL FROM result (none)');
    console.log(failed ? '\nFAILED: a service gave an unexpected verdict or dropped a request' : '\nevery measured request got the expected verdict from both services');
  } finally {
    for (const s of services) s.stop();
    nsd?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

function existsProc(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`);
    return true;
  } catch {
    return false;
  }
}

await main();
