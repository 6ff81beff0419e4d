/**
 * DMARC records (RFC 7489): parse and render policy records, find Organizational Domains
 * (§3.2) and the external report destinations that need authorization (§7.1). No DNS here;
 * the audit module fetches the records.
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
  Severity,
  Span,
  Tag,
} from './types.ts';
