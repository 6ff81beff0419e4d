/**
 * The state of spfkit's own resolver as data (no I/O here, so that the page's types can use
 * it): what the probe of src/dns/health.ts finds.
 */

/** How spfkit's own resolver could not be reached. */
export type ResolverError =
  /** The connection was refused (ICMP port unreachable, TCP reset): nothing listens there. */
  | 'refused'
  /** No reply within the probe's timeout. */
  | 'no-reply';

/** The state of spfkit's own resolver, as data; i18n words it (`spf.resolver.*`). */
export type ResolverHealth =
  | { state: 'reachable'; servers: string[] }
  | { state: 'unreachable'; servers: string[]; error: ResolverError; detail?: string };

/** A probe of the resolver; see `resolverProbe` and `cachedProbe`. */
export type ResolverProbe = () => Promise<ResolverHealth>;
