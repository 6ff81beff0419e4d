/**
 * "Will this mail be accepted?" (issue 13): the DMARC outcome of a sending setup predicted
 * from DNS (`predictDelivery`), and the pure DMARC evaluation it is built on (`dmarcOutcome`),
 * which message verification shares.
 *
 * @example
 * import { predictDelivery } from './verdict/index.ts';
 * const p = await predictDelivery({ ip: '212.83.209.204', helo: 'mail.coachview.net', mailFrom: 'info@klant.nl', fromDomain: 'klant.nl' }, { resolver });
 * p.dmarc.result; // 'pass'
 */
export { predictDelivery, validateVerdictInput, VerdictInputError, type VerdictDeps } from './predict.ts';
export { dmarcOutcome, alignDomains, appliedDmarcPolicy, policyLookupOf, rfc7489Reading, type DmarcOutcomeInput, type DmarcPolicyLookup, type IdentifierDomain, type Rfc7489Input } from './dmarc-outcome.ts';
export { findOrganizationalDomain, type OrganizationalDomains } from './org-domain.ts';
export { checkRequirements, parseReceiverRules, REQUIREMENT_CHECKS, type ReceiverRule, type ReceiverRules, type RequirementCheck, type RequirementDeps, type RequirementResult, type RequirementStatus } from './requirements.ts';
export type * from './types.ts';
