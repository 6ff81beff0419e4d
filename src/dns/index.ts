/**
 * spfkit's DNS layer: the Resolver interface and its implementations.
 *
 * @example
 * import { cachingResolver, systemResolver } from './dns/index.ts';
 * const resolver = cachingResolver(systemResolver({ timeout: 2000 }));
 */
export { isTemporaryFailure, isVoid, normalizeName } from './resolver.ts';
export type {
  DnsAnswer,
  DnsAnswerKind,
  DnsNodata,
  DnsNxdomain,
  DnsRecords,
  CnameProblem,
  DnsServfail,
  DnsTimeout,
  MxRecord,
  RecordData,
  Resolver,
  RrType,
} from './resolver.ts';
export {
  MAX_CNAME_CHAIN,
  RR_TYPES,
  ZoneFormatError,
  lookupZone,
  normalizeZone,
  zoneFromConformance,
  zoneFromObject,
  zoneFromText,
  zoneResolver,
  zoneToText,
} from './zone.ts';
export type {
  ReadonlyZone,
  Zone,
  ZoneCnameStep,
  ZoneItem,
  ZoneLookup,
  ZoneMarker,
  ZoneQuery,
  ZoneRecord,
  ZoneResolver,
  ZoneResolverOptions,
} from './zone.ts';
export { DEFAULT_TIMEOUT, DEFAULT_TRIES, parseDnsServer, systemResolver } from './system.ts';
export type { DnsServerAddress, SystemResolverOptions } from './system.ts';
export { cachingResolver } from './cache.ts';
export type { CacheOptions, CacheStats, CachingResolver } from './cache.ts';
export { recordingResolver } from './recorder.ts';
export type { RecordingResolver } from './recorder.ts';
export { BUDGET_EXHAUSTED, budgetResolver } from './budget.ts';
export type { BudgetOptions, BudgetResolver, BudgetStats } from './budget.ts';
