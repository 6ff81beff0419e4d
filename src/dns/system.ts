/**
 * The resolver over real DNS: node's `dns.promises.Resolver` (c-ares), with its error codes
 * mapped onto the answer kinds of resolver.ts. A DNS outcome never throws, and every query
 * settles within `timeout × tries × servers` milliseconds (plus a 100 ms margin).
 *
 * The retries are spfkit's, not c-ares's: c-ares 1.34 adapts its per-try timeout to the
 * latencies it has seen and doubles it at every retry, and whether it takes a late answer to
 * an earlier try depends on its socket handling — a server answering after 2.5 s with
 * `timeout: 2000` gave an answer or a timeout at random, and a query after a timed-out one
 * could time out early. Here every try is one c-ares query that listens for the whole budget,
 * a new try is sent every `timeout` ms while none has answered, the first answer wins, and
 * the budget is the deadline: the same slow answer gives the same result every time.
 */
import { promises as dns } from 'node:dns';
import { isIPv4, isIPv6 } from 'node:net';
import { type DnsAnswer, MAX_CNAME_CHAIN, type RecordData, type Resolver, type RrType, normalizeName } from './resolver.ts';
import { encodableName, queryOverWire } from './wire.ts';

/** Milliseconds c-ares waits for the first try at each server. */
export const DEFAULT_TIMEOUT = 2000;
/** Tries per server. */
export const DEFAULT_TRIES = 2;
/** How long after `timeout × tries × servers` the guard timer settles a query c-ares has not. */
const GUARD_MARGIN_MS = 100;

export interface SystemResolverOptions {
  /**
   * Servers to ask, as IP addresses with an optional port: `192.0.2.1`, `127.0.0.1:5353`,
   * `2001:db8::53`, `[::1]:5353`. Default: the system's (resolv.conf).
   */
  servers?: string[];
  /** Milliseconds per try (default `DEFAULT_TIMEOUT`). */
  timeout?: number;
  /** Tries per server (default `DEFAULT_TRIES`). */
  tries?: number;
}

/** The resolver over real DNS, with a way to drop what is still out when its user is done. */
export interface SystemResolver extends Resolver {
  /**
   * Cancel every query still out: each settles at once as a timeout (ECANCELLED), and no
   * socket is left to keep the process alive (a CLI command whose `--deadline` passed).
   */
  cancel(): void;
}

/** A parsed server address. */
export interface DnsServerAddress {
  address: string;
  port: number;
}

/**
 * Parse a server string: an IPv4 or IPv6 address, with an optional port (`:5353` after an
 * IPv4 address, `[…]:5353` around an IPv6 one). Throws an Error naming the bad string.
 *
 * @example
 * parseDnsServer('[::1]:5353'); // { address: '::1', port: 5353 }
 */
export function parseDnsServer(server: string): DnsServerAddress {
  const fail = (why: string): never => {
    throw new Error(`invalid DNS server ${JSON.stringify(server)}: ${why}; expected an IP address with an optional port, e.g. 192.0.2.1, 127.0.0.1:5353 or [::1]:5353`);
  };
  let address: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::([^:]*))?$/.exec(server);
  if (bracketed !== null) {
    address = bracketed[1] ?? '';
    portText = bracketed[2];
    if (!isIPv6(address)) fail(`${JSON.stringify(address)} is not an IPv6 address`);
  } else if (isIPv6(server)) {
    address = server;
  } else {
    const colon = server.lastIndexOf(':');
    address = colon === -1 ? server : server.slice(0, colon);
    portText = colon === -1 ? undefined : server.slice(colon + 1);
    if (!isIPv4(address)) fail(`${JSON.stringify(address)} is not an IP address (host names are not accepted)`);
  }
  if (portText === undefined) return { address, port: 53 };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) fail(`the port ${JSON.stringify(portText)} is not a number 1–65535`);
  return { address, port };
}

function formatServer({ address, port }: DnsServerAddress): string {
  return isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}

function positiveInteger(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`systemResolver: ${what} must be a positive integer, got ${String(value)}`);
  return value;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Map a c-ares error to an answer (node's `dns` error codes). Errors that are not DNS
 * outcomes (bad arguments, `ERR_*`) are rethrown: they are programmer errors.
 */
function answerFromError(error: unknown, servers: string): DnsAnswer<never> {
  const code = errorCode(error);
  if (code === undefined || code.startsWith('ERR_')) throw error;
  switch (code) {
    case 'ENOTFOUND': // RCODE 3, NXDOMAIN
      return { kind: 'nxdomain' };
    case 'ENODATA': // NOERROR with no records of the type (RFC 2308 §2.2)
      return { kind: 'nodata' };
    // Nothing listens at the server's port: no answer will come (temperror, but not slow).
    case 'ECONNREFUSED':
      return { kind: 'timeout', refused: true, detail: `${code} ${servers}` };
    // No usable answer in time: RFC 7208 §2.6.6 makes these temperror, like a timeout.
    case 'ETIMEOUT':
    case 'ECANCELLED':
    case 'EDESTRUCTION':
      return { kind: 'timeout', detail: `${code} ${servers}` };
    default:
      // ESERVFAIL, EREFUSED, EBADRESP, EFORMERR, ENOTIMP, EBADNAME (a name that cannot be
      // encoded at all, e.g. a label over 63 octets — encodable ones go over the wire), EOF …
      return { kind: 'servfail', detail: `${code} ${servers}` };
  }
}

function smallestTtl(records: ReadonlyArray<{ ttl: number }>): number | undefined {
  let ttl: number | undefined;
  for (const record of records) if (ttl === undefined || record.ttl < ttl) ttl = record.ttl;
  return ttl;
}

function answerOf<T>(records: T[], ttl?: number): DnsAnswer<T> {
  // An empty success is reported as ENODATA by c-ares; keep the two spellings one.
  if (records.length === 0) return { kind: 'nodata' };
  return ttl === undefined ? { kind: 'answer', records } : { kind: 'answer', records, ttl };
}

/**
 * A resolver over real DNS (node's c-ares). Node gives TTLs for A and AAAA only, so other
 * answers have no `ttl`. A try goes out every `timeout` ms (servers in turn) until one answers;
 * an answer to any try within `timeout × tries × servers` is taken, and the query settles as a
 * timeout at most 100 ms after that.
 *
 * @example
 * const resolver = systemResolver({ servers: ['127.0.0.1:5353'], timeout: 1000, tries: 2 });
 * const answer = await resolver.query('example.com', 'TXT');
 */
export function systemResolver(options: SystemResolverOptions = {}): SystemResolver {
  const timeout = positiveInteger(options.timeout, DEFAULT_TIMEOUT, 'timeout');
  const tries = positiveInteger(options.tries, DEFAULT_TRIES, 'tries');
  const probe = new dns.Resolver();
  if (options.servers !== undefined) {
    if (options.servers.length === 0) throw new Error('systemResolver: servers must not be empty (leave it out to use the system servers)');
    probe.setServers(options.servers.map((s) => formatServer(parseDnsServer(s))));
  }
  const serverList = probe.getServers();
  const servers = serverList.join(',');
  // The budget the caller set, and the deadline of every query (see the header).
  const budgetMs = timeout * tries * Math.max(1, serverList.length);
  const guardMs = budgetMs + GUARD_MARGIN_MS;
  // One c-ares channel per server, one c-ares try per spfkit try, listening past the deadline
  // (c-ares never gives up first); spfkit sends the next try every `timeout` ms, to the servers
  // in turn.
  const channels = (serverList.length > 0 ? serverList : ['']).map((server) => {
    const channel = new dns.Resolver({ timeout: guardMs + GUARD_MARGIN_MS, tries: 1 });
    if (server !== '') channel.setServers([server]);
    return channel;
  });
  const attempts = tries * channels.length;
  // Queries of this resolver not yet settled, and tries still out after their query settled.
  // When nothing is in progress, leftover tries are cancelled so no socket keeps the process alive.
  let inProgress = 0;
  let leftover = false;

  function ask(resolver: InstanceType<typeof dns.Resolver>, name: string, type: RrType): Promise<DnsAnswer<RecordData[RrType]>> {
    switch (type) {
      case 'TXT':
        return resolver.resolveTxt(name).then((records) => answerOf(records));
      case 'A':
        return resolver.resolve4(name, { ttl: true }).then((records) => answerOf(records.map((r) => r.address), smallestTtl(records)));
      case 'AAAA':
        return resolver.resolve6(name, { ttl: true }).then((records) => answerOf(records.map((r) => r.address), smallestTtl(records)));
      case 'MX':
        return resolver.resolveMx(name).then((records) => answerOf(records.map((r) => ({ preference: r.priority, exchange: r.exchange }))));
      case 'PTR':
        return resolver.resolvePtr(name).then((records) => answerOf(records));
      case 'CNAME':
        return resolver.resolveCname(name).then((records) => answerOf(records));
      default: {
        const _never: never = type;
        return Promise.reject(new TypeError(`unsupported record type ${String(_never)}`));
      }
    }
  }

  // The servers as addresses, for the names c-ares refuses to send (see wire.ts).
  const wireServers = serverList.map((s) => parseDnsServer(s));
  async function askOverWire(name: string, type: RrType, signal: AbortSignal): Promise<DnsAnswer<RecordData[RrType]>> {
    let last: DnsAnswer<RecordData[RrType]> = { kind: 'servfail', detail: `EBADNAME ${servers}` };
    for (const server of wireServers) {
      last = await queryOverWire(server, name, type, { timeout, tries, signal });
      if (last.kind !== 'timeout' && last.kind !== 'servfail') return last;
    }
    return last;
  }

  /** One try over c-ares; a name c-ares refuses (EBADNAME) goes over the wire, with the wire's own tries. */
  function attempt(channel: InstanceType<typeof dns.Resolver>, name: string, type: RrType, signal: () => AbortSignal, onWire: () => void): Promise<DnsAnswer<RecordData[RrType]>> {
    return ask(channel, name, type).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'EBADNAME' || !encodableName(name)) return answerFromError(error, servers);
      onWire();
      return askOverWire(name, type, signal());
    });
  }

  /**
   * c-ares takes the records of the type from an answer and says nothing of the CNAMEs it
   * passed: a server that answers only the alias (an authoritative server for a target out of
   * its zone) or a loop's CNAMEs with NOERROR reads as "no records" — for SPF `none`, as if
   * the domain had no policy (issue 17.4). So a NODATA answer is checked for a CNAME, and a
   * chain is followed here with the zone resolver's and the wire path's rule: at most
   * MAX_CNAME_CHAIN, a loop is a typed SERVFAIL (RFC 1034 §3.6.2; temperror, RFC 7208 §2.6.6).
   * One more query, for NODATA answers only. A chain the server answers in full (every CNAME
   * and the records in one answer) is the server's to bound: c-ares hands over the records.
   */
  async function followCnames(name: string, type: RrType, first: DnsAnswer<RecordData[RrType]>): Promise<DnsAnswer<RecordData[RrType]>> {
    const seen = new Set([normalizeName(name)]);
    let answer = first;
    let current = name;
    for (let steps = 1; answer.kind === 'nodata'; steps++) {
      const alias = await queryOnce(current, 'CNAME');
      const target = alias.kind === 'answer' ? alias.records[0] : undefined;
      if (target === undefined) return answer;
      const next = normalizeName(target);
      if (seen.has(next)) return { kind: 'servfail', cname: 'loop', detail: `CNAME loop at ${next} ${servers}` };
      if (steps > MAX_CNAME_CHAIN) return { kind: 'servfail', cname: 'too-long', detail: `CNAME chain longer than ${MAX_CNAME_CHAIN} at ${next} ${servers}` };
      seen.add(next);
      current = next;
      answer = await queryOnce(current, type);
    }
    // The CNAMEs' TTLs are not known (c-ares gives none): the target's may be longer than theirs.
    if (answer.kind === 'answer' && answer.ttl !== undefined && current !== name) {
      const { ttl: _unknown, ...rest } = answer;
      return rest;
    }
    return answer;
  }

  const cancels = new Set<() => void>();
  return {
    cancel() {
      for (const cancel of [...cancels]) cancel();
      for (const channel of channels) channel.cancel();
    },
    query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      const answer = queryOnce(name, type);
      if (type === 'CNAME') return answer as Promise<DnsAnswer<RecordData[T]>>;
      return answer.then((first) => (first.kind === 'nodata' ? followCnames(name, type, first) : first)) as Promise<DnsAnswer<RecordData[T]>>;
    },
  };

  function queryOnce<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      inProgress++;
      return new Promise<DnsAnswer<RecordData[RrType]>>((resolve) => {
        let settled = false;
        let overWire = false;
        let sent = 0;
        let out = 0;
        // One timer at a time (the next try, then the deadline): most queries are answered
        // before the first fires, so a query costs one timer, not one per try.
        let timer: NodeJS.Timeout | undefined;
        // Closes the wire path's sockets when the query settles (answer or deadline); made only
        // for a name that goes over the wire — an abort costs a DOMException.
        let done: AbortController | undefined;
        const signal = (): AbortSignal => (done ??= new AbortController()).signal;
        const settle = (answer: DnsAnswer<RecordData[RrType]>): void => {
          if (settled) return;
          settled = true;
          cancels.delete(cancel);
          clearTimeout(timer);
          done?.abort();
          if (out > 0) leftover = true;
          inProgress--;
          if (inProgress === 0 && leftover) {
            leftover = false;
            for (const channel of channels) channel.cancel();
          }
          resolve(answer);
        };
        const cancel = (): void => settle({ kind: 'timeout', detail: `cancelled ${servers}` });
        cancels.add(cancel);
        const send = (): void => {
          if (settled || overWire || sent >= attempts) return;
          const channel = channels[sent++ % channels.length] as InstanceType<typeof dns.Resolver>;
          out++;
          void attempt(channel, name, type, signal, () => (overWire = true)).then((answer) => {
            out--;
            if (answer.kind !== 'timeout' || overWire) return settle(answer);
            // A try that ended without an answer (a refused port, at once): the next try goes
            // out now; the last one's word stands when no other try is left to answer.
            if (sent < attempts) send();
            else if (out === 0) settle(answer);
          });
        };
        // Try k goes out at k × timeout (when it has not gone out early), then the deadline.
        const started = performance.now();
        let k = 1;
        const tick = (): void => {
          const at = k < attempts ? k * timeout : guardMs;
          const wait = at - (performance.now() - started);
          if (wait > 0) {
            timer = setTimeout(tick, wait);
            return;
          }
          if (k < attempts) {
            k++;
            send();
            tick();
          } else settle({ kind: 'timeout', detail: `no answer within ${budgetMs} ms ${servers}` });
        };
        send();
        if (!settled) tick();
      }) as Promise<DnsAnswer<RecordData[T]>>;
  }
}
