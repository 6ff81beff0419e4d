/**
 * RFC 7208 §4.6.2: what a matching mechanism gives, by its qualifier. The one table; the page
 * imports it too (no I/O here, so it bundles for the browser).
 */
import type { Qualifier, SpfResult } from './types.ts';

/** The results a matching mechanism can give. */
export type MatchResult = Exclude<SpfResult, 'none' | 'temperror' | 'permerror'>;

/**
 * The result of a match, by qualifier.
 *
 * @example
 * QUALIFIER_RESULT['~'] // 'softfail'
 */
export const QUALIFIER_RESULT: Readonly<Record<Qualifier, MatchResult>> = Object.freeze({ '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' });

/**
 * The result of a term as written, from its first character: §4.6.2 says no qualifier means `+`.
 *
 * @example
 * qualifierResult('-all') // 'fail'
 * qualifierResult('include:spf.example.net') // 'pass'
 */
export function qualifierResult(text: string): MatchResult {
  const first = text.charAt(0);
  return first === '-' || first === '~' || first === '?' ? QUALIFIER_RESULT[first] : QUALIFIER_RESULT['+'];
}
