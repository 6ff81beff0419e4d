/**
 * Public suffixes and domain names: what RFC 7489 §3.2 needs to find an Organizational Domain.
 *
 * @example
 * import { bundledPublicSuffixList } from './psl/index.ts';
 * bundledPublicSuffixList().publicSuffix('www.example.co.uk'); // 'co.uk'
 */
export type { PublicSuffixList } from './types.ts';
export { publicSuffixListFromRules } from './rules.ts';
export { bundledPublicSuffixList, type BundledListOptions } from './bundled.ts';
export { toAsciiDomain, isHostname, isLdhLabel, MAX_LABEL_LENGTH, MAX_NAME_LENGTH } from './domain-name.ts';
