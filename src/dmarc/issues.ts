/**
 * The one place that gives a DMARC issue its severity and its English message. Parsers build
 * issue data; `dmarcIssue` completes it.
 */
import type { DistributiveOmit } from '../dkim/tag-list.ts';
import type { DmarcIssue, DmarcIssueCode, DmarcUriProblem, Severity } from './types.ts';

/** An issue before it gets its severity and message. */
export type DmarcIssueData = DistributiveOmit<DmarcIssue, 'severity' | 'message'>;

/**
 * The severity of each code; the type makes the table exhaustive, and its keys list every code.
 *
 * @example
 * DMARC_ISSUE_SEVERITY['unknown-tag']; // 'warning'
 */
export const DMARC_ISSUE_SEVERITY: Readonly<Record<DmarcIssueCode, Severity>> = {
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

function describeUriProblem(reason: DmarcUriProblem): string {
  switch (reason) {
    case 'empty':
      return 'the entry is empty.';
    case 'no-scheme':
      return 'it needs a scheme, e.g. mailto:.';
    case 'bad-char':
      return 'it has a character that must be percent-encoded.';
    case 'bad-size':
      return 'the size after "!" must be digits with an optional k, m, g or t.';
    case 'bad-address':
      return 'the mailbox is not local@domain.';
    default:
      return assertNever(reason);
  }
}

function describe(issue: DmarcIssueData): string {
  switch (issue.code) {
    case 'missing-version':
      return 'The record does not start with v=DMARC1, so receivers ignore it.';
    case 'version-not-first':
      return 'The v tag must be the first tag; receivers ignore this record.';
    case 'bad-version':
      return `The version must be exactly DMARC1, not "${issue.value}"; receivers ignore this record.`;
    case 'missing-policy':
      return 'The required p tag is missing and there is no valid rua, so receivers ignore this record.';
    case 'unknown-policy':
      return `"${issue.value}" is not a policy for ${issue.tag}; use none, quarantine or reject.`;
    case 'policy-fallback-none':
      return issue.tag === 'p'
        ? 'Without a valid p tag, receivers act as if p=none because rua is present.'
        : `Because ${issue.tag} is invalid, receivers act as if the record said p=none (rua is present).`;
    case 'removed-tag':
      return issue.tag === 'pct'
        ? `pct was removed by RFC 9989: receivers following it apply the policy to all mail; RFC 7489 receivers to ${issue.value}%. Use t=y for a test phase.`
        : `${issue.tag} was removed by RFC 9989; receivers ignore it.`;
    case 'policy-not-second':
      return 'RFC 7489 receivers expect the p tag right after v=DMARC1 (RFC 9989 allows any order).';
    case 'bad-tag-value':
      return `"${issue.value}" is not a valid value for ${issue.tag}; the default applies.`;
    case 'empty-value':
      return `The ${issue.tag} tag has no value.`;
    case 'missing-semicolon':
      return `A ";" is missing before "${issue.value}=".`;
    case 'escaped-semicolon':
      return 'A backslash before ";" belongs to zone-file syntax, not to the record.';
    case 'bad-uri':
      return `"${issue.value}" in ${issue.tag} is not a valid DMARC URI: ${describeUriProblem(issue.reason)}`;
    case 'unsupported-uri-scheme':
      return `Receivers only have to support mailto: URIs, not ${issue.value}:.`;
    case 'too-many-uris':
      return `${issue.tag} lists ${issue.count} URIs; receivers only have to send to ${issue.limit}.`;
    case 'duplicate-tag':
      return `The ${issue.tag} tag appears more than once; only the first counts.`;
    case 'unknown-tag':
      return issue.suggestion === undefined
        ? `Unknown tag ${issue.tag}; receivers ignore it.`
        : `Unknown tag ${issue.tag}; did you mean ${issue.suggestion}?`;
    case 'bad-tag-name':
      return `"${issue.value}" is not a valid tag name.`;
    case 'missing-equals':
      return `"${issue.value}" has no "=" between tag name and value.`;
    case 'empty-term':
      return 'Two separators with nothing between them.';
    case 'leading-whitespace':
      return 'The record should start with v=DMARC1, without leading whitespace.';
    case 'bad-whitespace':
      return `Only spaces and tabs may separate tags, not ${issue.value}.`;
    default:
      return assertNever(issue);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled DMARC issue: ${JSON.stringify(value)}`);
}

/** Completes issue data with its severity and message. */
export function dmarcIssue(data: DmarcIssueData): DmarcIssue {
  return { ...data, severity: DMARC_ISSUE_SEVERITY[data.code], message: describe(data) };
}
