/**
 * The server's settings from environment variables, checked: what `src/server/main.ts` reads.
 *
 *   PORT          port to listen on (default 8080; 0 = any free port)
 *   HOST          address to listen on (default 127.0.0.1; 0.0.0.0 or :: for all)
 *   DNS_SERVERS   comma-separated DNS servers, e.g. 127.0.0.1:5353,[::1]:53 (default: the system's)
 *   DNS_TIMEOUT   per-try DNS timeout in milliseconds (default 2000)
 *   TRUST_PROXY   1/true: take the client address from X-Forwarded-For (behind your own proxy only)
 *   RATE_MAX      requests per client per minute to the DNS-querying routes (default 60)
 *   DNS_ALLOWANCE DNS queries one client may cause per minute over all its requests (default
 *                 1200; at least one check's budget, 134: a request's budget is cut to what
 *                 the client has left, and below that an RFC-valid check could be cut short)
 *   LOG_LEVEL     pino level: fatal, error, warn, info (default), debug, trace, silent
 *   ZONE_FILE     answer DNS from this zone file instead of the network (docs/zone-format.md):
 *                 for trying the page offline ("what if" data), never the default
 */
import { parseDnsServer } from '../dns/system.ts';
import type { ServerOptions } from './server.ts';
import { CHECK_MAX_QUERIES, DEFAULT_LIMITS } from './context.ts';

/** Where to listen and how to build the server. */
export interface ServerEnv {
  port: number;
  host: string;
  options: ServerOptions;
  /** A zone file to answer DNS from (ZONE_FILE); main.ts reads it. */
  zoneFile?: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new Error(`${name} must be a whole number ${min}–${max}, got "${text}"`);
  return value;
}

/**
 * Reads the settings; throws an Error naming the variable when one is unusable.
 *
 * @example
 * serverEnv({ PORT: '0', DNS_SERVERS: '127.0.0.1:5353' }).options.dns // { servers: ['127.0.0.1:5353'] }
 */
export function serverEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const dns: NonNullable<ServerOptions['dns']> = {};
  if (env.DNS_SERVERS) {
    dns.servers = env.DNS_SERVERS.split(',').map((s) => s.trim()).filter((s) => s !== '');
    for (const server of dns.servers) {
      try {
        parseDnsServer(server);
      } catch (error) {
        throw new Error(`DNS_SERVERS: ${(error as Error).message}`);
      }
    }
  }
  if (env.DNS_TIMEOUT) dns.timeout = integer(env, 'DNS_TIMEOUT', 2000, 1, 60_000);
  const level = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  const trust = (env.TRUST_PROXY ?? '').toLowerCase();
  if (!['', '0', '1', 'false', 'true'].includes(trust)) throw new Error(`TRUST_PROXY must be 1/true or 0/false, got "${env.TRUST_PROXY}"`);
  const options: ServerOptions = {
    dns,
    logger: { level },
    trustProxy: trust === '1' || trust === 'true',
    limits: { rateMax: integer(env, 'RATE_MAX', 60, 1, 1_000_000), clientQueries: integer(env, 'DNS_ALLOWANCE', DEFAULT_LIMITS.clientQueries, CHECK_MAX_QUERIES, 100_000_000) },
  };
  if (env.ZONE_FILE) {
    if (env.DNS_SERVERS) throw new Error('ZONE_FILE and DNS_SERVERS exclude each other');
    const { dns: _network, ...offline } = options;
    return { port, host, options: offline, zoneFile: env.ZONE_FILE };
  }
  return { port, host, options };
}
