/**
 * Warming a fresh server before it listens: the first request through a route pays for
 * compiling its code (validation, JSON parsing, parsing and explaining a record, the
 * message catalogue), and a burst of connections arriving at a cold server waits behind it
 * (issue 17.9). These requests need no DNS, so a dead resolver cannot delay the start.
 */
import type { FastifyInstance } from 'fastify';

/** A documentation address (RFC 5737), so that the warm-up uses no real client's rate limit. */
const WARM_UP_CLIENT = '192.0.2.255';

/**
 * Sends `/healthz` and an `/api/explain` of a literal record (English and Dutch) through the
 * server in-process (`inject`); throws when one does not answer 200.
 *
 * @example
 * const app = createServer(options);
 * await warmUp(app);
 * await app.listen({ port: 8080, backlog: LISTEN_BACKLOG });
 */
export async function warmUp(app: FastifyInstance): Promise<void> {
  const requests = [
    { method: 'GET' as const, url: '/healthz' },
    { method: 'POST' as const, url: '/api/explain', payload: { record: 'v=spf1 ip4:192.0.2.0/24 include:_spf.example.com mx ~all' } },
    { method: 'POST' as const, url: '/api/explain', payload: { record: 'v=spf1 a:mail.example.com -all', lang: 'nl' } },
  ];
  for (const request of requests) {
    const res = await app.inject({ ...request, remoteAddress: WARM_UP_CLIENT });
    if (res.statusCode !== 200) throw new Error(`warm-up ${request.method} ${request.url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  }
}

/**
 * The listen backlog: connections the kernel completes while the server is busy. Node's
 * default of 511 dropped part of a 1 000-connection burst at a fresh server (their SYNs are
 * retried after 1 s, 3 s …); the kernel caps it at net.core.somaxconn.
 */
export const LISTEN_BACKLOG = 4096;
