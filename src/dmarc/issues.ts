/**
 * The one place that gives a DMARC issue its severity. Parsers build issue data; `dmarcIssue`
 * completes it. Words are not made here: `describeDmarcIssue` (src/audit/dmarc.ts) uses src/i18n.
 */
import type { DistributiveOmit } from '../common/types.ts';
import type { DmarcIssue, DmarcIssueCode, IssueSeverity } from './types.ts';

/** An issue before it gets its severity. */
export type DmarcIssueData = DistributiveOmit<DmarcIssue, 'severity'>;

/**
 * The severity of each code; the type makes the table exhaustive, and its keys list every code.
 *
 * @example
 * DMARC_ISSUE_SEVERITY['unknown-tag']; // 'warning'
 */
export const DMARC_ISSUE_SEVERITY: Readonly<Record<DmarcIssueCode, IssueSeverity>> = {
  'missing-version': 'error',
  'version-not-first': 'error',
  'bad-version': 'error',
  'missing-policy': 'error',
  'unknown-policy': 'error',
  'policy-fallback-none': 'warning',
  'policy-not-second': 'warning',
  'removed-tag': 'warning',
  'bad-tag-value': 'error',
  'empty-value': 'error',
  'missing-semicolon': 'error',
  'escaped-semicolon': 'error',
  'bad-uri': 'error',
  'unsupported-uri-scheme': 'warning',
  'too-many-uris': 'warning',
  'duplicate-tag': 'error',
  'unknown-tag': 'warning',
  'bad-tag-name': 'error',
  'missing-equals': 'error',
  'empty-term': 'warning',
  'leading-whitespace': 'warning',
  'bad-whitespace': 'warning',
};

/** Completes issue data with its severity. */
export function dmarcIssue(data: DmarcIssueData): DmarcIssue {
  return { ...data, severity: DMARC_ISSUE_SEVERITY[data.code] };
}
