/**
 * Is spfkit's OWN resolver up? A failed lookup alone cannot say whose DNS is down: a timeout
 * may be the checked domain's name servers (through a working recursive resolver) or the
 * resolver spfkit is set to use. A probe asks the resolver one question that does not depend
 * on any checked domain (the root name, which every recursive resolver holds); any reply at
 * all — an answer, NXDOMAIN, no data, even an error rcode — shows that the resolver can be
 * reached. Only a refused connection or no reply at all makes it `unreachable`.
 */
import { getServers } from 'node:dns';
import type { Resolver } from './resolver.ts';
import type { ResolverHealth, ResolverProbe } from './resolver-health.ts';

export type { ResolverError, ResolverHealth, ResolverProbe } from './resolver-health.ts';
import { systemResolver } from './system.ts';

/** The question a probe asks: the root's TXT set, held by every recursive resolver. */
export const PROBE_QUESTION = { name: '.', type: 'TXT' } as const;

/** Milliseconds a probe waits for a reply (one try). */
export const PROBE_TIMEOUT_MS = 1000;

/**
 * Asks `resolver` the probe question and says whether it replied. `servers` names the
 * resolver in the result (it is not asked for them).
 *
 * @example
 * await probeResolver(systemResolver({ servers: ['127.0.0.1:1'] }), ['127.0.0.1:1']);
 * // { state: 'unreachable', servers: ['127.0.0.1:1'], error: 'refused', detail: 'ECONNREFUSED 127.0.0.1:1' }
 */
export async function probeResolver(resolver: Resolver, servers: string[]): Promise<ResolverHealth> {
  const answer = await resolver.query(PROBE_QUESTION.name, PROBE_QUESTION.type);
  if (answer.kind !== 'timeout') return { state: 'reachable', servers };
  const health: ResolverHealth = { state: 'unreachable', servers, error: answer.refused ? 'refused' : 'no-reply' };
  if (answer.detail !== undefined) health.detail = answer.detail;
  return health;
}

/**
 * A probe of the system resolver with these servers (default: the system's, resolv.conf):
 * one try with a short timeout, so that a health check answers quickly.
 *
 * @example
 * const probe = resolverProbe({ servers: ['127.0.0.1:5353'] });
 * (await probe()).state; // 'reachable' when something answers DNS there
 */
export function resolverProbe(options: { servers?: string[]; timeout?: number } = {}): ResolverProbe {
  const servers = options.servers ?? getServers();
  const timeout = Math.min(options.timeout ?? PROBE_TIMEOUT_MS, PROBE_TIMEOUT_MS);
  const resolver = systemResolver({ ...(options.servers ? { servers: options.servers } : {}), timeout, tries: 1 });
  return () => probeResolver(resolver, servers);
}

/**
 * Remembers a probe's result for `ttlMs`, and shares one probe among concurrent callers: a
 * load balancer polling `/readyz` every second costs one DNS query per `ttlMs`. `now` is the
 * caller's clock in milliseconds.
 *
 * @example
 * const probe = cachedProbe(resolverProbe(), { ttlMs: 5000, now: () => performance.now() });
 */
export function cachedProbe(probe: ResolverProbe, options: { ttlMs: number; now: () => number }): ResolverProbe {
  let last: { at: number; result: Promise<ResolverHealth> } | undefined;
  return () => {
    const at = options.now();
    if (last === undefined || at - last.at >= options.ttlMs) last = { at, result: probe() };
    return last.result;
  };
}
