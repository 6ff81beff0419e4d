/**
 * SPF implementation profiles: how widely used checkers read RFC 7208 §4.6.4 where they
 * disagree in practice (seed 003: receivers do not all treat SPF alike). Each profile is a set
 * of `SpfLimits` for `evaluateSpf`; `spfkit` is the default reading. What each profile says
 * was seen by running the implementation itself on the same records (docs/receivers.md):
 *
 * - pyspf 2.0.14 (python3-spf; policyd-spf): a void lookup limit of 2, an `a`/`mx` host with
 *   only addresses of the other family counted as void, more than 10 MX names refused up front.
 * - mailauth 4.x (Node): the same void limit for the check's own lookups, but the exchanges of
 *   an `mx` term have a budget of their own (10 queries, 2 void); more than 10 MX names is an
 *   error only when the 11th would be looked up (a match among the first 10 passes).
 * - libspf2 1.2.10 (C): no void lookup limit (it predates RFC 7208); more than 10 MX names:
 *   the first 10 are looked at, a match passes, otherwise permerror.
 */
import { evaluateSpf, type CheckInput, type EvaluateOptions } from './evaluate.ts';
import type { SpfCheck, SpfLimits } from './types.ts';

/** The implementations profiled. */
export type SpfProfileId = 'spfkit' | 'pyspf' | 'mailauth' | 'libspf2';

/** Every profile, spfkit's own reading first. */
export const SPF_PROFILES: Readonly<Record<SpfProfileId, Readonly<Partial<SpfLimits>>>> = Object.freeze({
  spfkit: {},
  pyspf: { voidOtherFamily: true, mxOverLimit: 'refuse', mxHostVoids: 'check' },
  mailauth: { voidOtherFamily: true, mxOverLimit: 'cut', mxHostVoids: 'mechanism' },
  libspf2: { voidLookups: Number.POSITIVE_INFINITY, mxOverLimit: 'cut' },
});

/** The profile ids, in a fixed order. */
export const SPF_PROFILE_IDS: readonly SpfProfileId[] = Object.freeze(Object.keys(SPF_PROFILES) as SpfProfileId[]);

/** One profile's check. */
export interface ProfileCheck {
  profile: SpfProfileId;
  check: SpfCheck;
}

/**
 * Evaluates one check under every profile. The checks share the caller's resolver (give a
 * caching one to ask DNS once).
 *
 * @example
 * const all = await evaluateProfiles({ ip: '192.0.2.1', sender: 'a@klant.nl' }, { resolver });
 * all.map((p) => `${p.profile}: ${p.check.result}`); // ['spfkit: permerror', …, 'libspf2: pass']
 */
export async function evaluateProfiles(input: CheckInput, options: EvaluateOptions): Promise<ProfileCheck[]> {
  return Promise.all(
    SPF_PROFILE_IDS.map(async (profile) => ({ profile, check: await evaluateSpf(input, { ...options, limits: { ...options.limits, ...SPF_PROFILES[profile] } }) })),
  );
}

/** Whether the profiles disagree on the result. */
export function profilesDiffer(checks: readonly ProfileCheck[]): boolean {
  return new Set(checks.map((c) => c.check.result)).size > 1;
}
