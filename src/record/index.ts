/**
 * Record editing: onboarding a sending service (`addSender`), the customer's situation for
 * it (`customerSituation`), lookup counting, flattening, splitting, publication forms and
 * the provider catalogue.
 *
 * @example
 * import { addSender, publishForms } from './record/index.ts';
 * const plan = await addSender({ domain: 'klant.nl', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver });
 * if (plan.status !== 'blocked') console.log(publishForms(plan.domain, plan.after.record).zoneLine);
 */
export { addSender } from './add.ts';
export type { AddPlan, AddPlanBlocked, AddPlanReady, AddSenderInput, AddSenderOptions, RecordState } from './add.ts';
export type { AddIssue, AddIssueCode, AddReason, AddReasonCode, AddWarning, AddWarningCode } from './reasons.ts';
export { describeIssue, describeLookupProblem, describePlan, describePolicyProblem, describeReason, describeStaticProblem, describeWarning } from './words.ts';
export type { PlanWords } from './words.ts';
export { customerSituation } from './situation.ts';
export type { Situation, SituationInput, SituationIssue, SituationResult } from './situation.ts';
export { countLookups } from './lookups.ts';
export type { CountLookupsOptions, LookupNode, LookupProblem, LookupTerm, LookupTermKind, LookupTree } from './lookups.ts';
export { flattenRecord } from './flatten.ts';
export type { FlattenedInclude, FlattenOptions, FlattenResult, FlattenWatch, KeptInclude } from './flatten.ts';
export { mechanismRanges, resolvePassRanges } from './ranges.ts';
export type { PassRanges, StaticProblem, StaticProblemCode } from './ranges.ts';
export { MAX_RECORD_BYTES, MAX_STRING_BYTES, proposeSubRecords, splitTxtStrings } from './split.ts';
export type { SubRecord, SubRecordProposal } from './split.ts';
export { DEFAULT_TTL, diffLines, diffRecords, publishForms } from './publish.ts';
export type { PublishForms, TermChange } from './publish.ts';
export { OUTSIDE_IPS, decidingTerm, verifyCandidate } from './verify.ts';
export type { ResultCheck, Verification, VerificationIssue, VerifyInput } from './verify.ts';
export { findProvider, parseProviderCatalogue } from './providers.ts';
export type { AdditionalMechanism, CatalogueIssue, CatalogueIssueCode, DkimSelector, Provider, ProviderCatalogue } from './providers.ts';
export { parseMechanism } from './terms.ts';
export type { MechanismIssue } from './terms.ts';
export { fetchSpfRecord } from '../spf/fetch.ts';
export type { FetchedRecord, RecordOverrides } from '../spf/fetch.ts';
