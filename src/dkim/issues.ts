/**
 * The one place that gives a DKIM issue its severity (words: `describeDkimIssue`, src/audit/dkim.ts). Parsers build
 * issue data; `dkimIssue` completes it.
 */
import type { DistributiveOmit } from '../common/types.ts';
import type { DkimIssue, DkimIssueCode, IssueSeverity } from './types.ts';

/** An issue before it gets its severity. */
export type DkimIssueData = DistributiveOmit<DkimIssue, 'severity'>;

/**
 * The severity of each code; the type makes the table exhaustive, and its keys list every code.
 *
 * @example
 * DKIM_ISSUE_SEVERITY['weak-key']; // 'error'
 */
export const DKIM_ISSUE_SEVERITY: Readonly<Record<DkimIssueCode, IssueSeverity>> = {
  'version-not-first': 'error',
  'bad-version': 'error',
  'missing-key': 'error',
  'revoked-key': 'warning',
  'unknown-key-type': 'error',
  'bad-key': 'error',
  'weak-key': 'error',
  'short-key': 'warning',
  'pkcs1-key': 'warning',
  'sha1-hash': 'warning',
  'sha256-not-allowed': 'error',
  'unknown-hash': 'warning',
  'unknown-service': 'warning',
  'not-for-email': 'error',
  'unknown-flag': 'warning',
  'testing-mode': 'warning',
  'bad-tag-value': 'error',
  'empty-value': 'error',
  'missing-semicolon': 'error',
  'escaped-semicolon': 'error',
  'duplicate-tag': 'error',
  'unknown-tag': 'warning',
  'bad-tag-name': 'error',
  'missing-equals': 'error',
  'empty-term': 'warning',
  'bad-whitespace': 'warning',
  'bad-selector': 'error',
  'bad-domain': 'error',
};

/** Completes issue data with its severity. */
export function dkimIssue(data: DkimIssueData): DkimIssue {
  return { ...data, severity: DKIM_ISSUE_SEVERITY[data.code] };
}
