/**
 * DKIM key records (RFC 6376 §3.6.1, RFC 8463, RFC 8301): parse and judge the TXT record at
 * `selector._domainkey.domain`. No DNS here; the audit module fetches the records.
 *
 * @example
 * import { dkimName, parseDkimKey } from './dkim/index.ts';
 * const name = dkimName('selector1', 'example.com'); // selector1._domainkey.example.com
 * const result = parseDkimKey('v=DKIM1; k=rsa; p=MIIBIjANBgkq…');
 * if (!result.ok) console.log(result.issues.map((issue) => issue.code));
 */
export { parseDkimKey, DKIM_TAGS } from './parse.ts';
export { COMMON_SELECTORS, dkimName, type DkimNameResult } from './selectors.ts';
export { DKIM_ISSUE_SEVERITY } from './issues.ts';
export { splitTagList, type TagListTerm } from '../common/tag-list.ts';
export type {
  DkimFlag,
  DkimHashAlgorithm,
  DkimIssue,
  DkimIssueCode,
  DkimKey,
  DkimKeyProblem,
  DkimKeyType,
  DkimParseResult,
  DkimPublicKeyInfo,
  DkimSelectorProblem,
  DkimServiceType,
  DkimTagName,
  IssueSeverity,
  Severity,
  Span,
  Tag,
} from './types.ts';
// Verifying the DKIM-Signatures of a received message (RFC 6376 §6, RFC 8463, RFC 8301).
export { parseMessage, type HeaderField, type MessageIssue, type ParsedMessage } from './message.ts';
export { verifyDkim, type DkimVerification, type DkimResult, type DkimCause, type VerifyOptions } from './verify.ts';
