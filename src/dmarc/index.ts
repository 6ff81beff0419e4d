/**
 * DMARC records (RFC 9989, and RFC 7489 where receivers still differ): parse and render
 * policy records, discover the policy and the Organizational Domain by the DNS tree walk
 * (RFC 9989 §4.10, DNS through the caller's resolver), the RFC 7489 Public Suffix List
 * organisational domain (§3.2) and the external report destinations that need authorization
 * (§7.1).
 *
 * @example
 * import { parseDmarcRecord, externalReportTargets } from './dmarc/index.ts';
 * import { bundledPublicSuffixList } from './psl/index.ts';
 * const result = parseDmarcRecord('v=DMARC1; p=reject; rua=mailto:d@vendor.example');
 * if (result.ok) externalReportTargets('example.com', result.record, bundledPublicSuffixList());
 */
export { parseDmarcRecord, DMARC_DEFAULTS, DMARC_TAGS } from './parse.ts';
export { renderDmarcRecord } from './render.ts';
export { organizationalDomain, externalReportTargets, type ExternalReportTarget } from './org-domain.ts';
export {
  walkDmarcTree,
  treeWalkDomains,
  organizationalDomainOf,
  applicableRecord,
  isDmarcRecordText,
  TREE_WALK_MAX_QUERIES,
  type DmarcTreeWalk,
  type DmarcTreeStep,
  type DmarcStepOutcome,
  type DmarcPolicySource,
  type DmarcPolicyRecord,
  type CompleteTreeWalk,
} from './tree-walk.ts';
export { discoverDmarc, appliedPolicy, type DmarcDiscovery, type Rfc7489Difference, type Rfc7489Policy } from './discover.ts';
export { parseDmarcUri, renderDmarcUri, type DmarcUriParse } from './uri.ts';
export { DMARC_ISSUE_SEVERITY } from './issues.ts';
export type {
  DmarcAlignment,
  DmarcFailureOption,
  DmarcIssue,
  DmarcIssueCode,
  DmarcParseResult,
  DmarcPolicy,
  DmarcRecord,
  DmarcReportFormat,
  DmarcSizeLimit,
  DmarcSizeUnit,
  DmarcTagName,
  DmarcUri,
  DmarcUriProblem,
  IssueSeverity,
  Severity,
  Span,
  Tag,
} from './types.ts';
