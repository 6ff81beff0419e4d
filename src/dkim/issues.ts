/**
 * The one place that gives a DKIM issue its severity and its English message. Parsers build
 * issue data; `dkimIssue` completes it.
 */
import type { DistributiveOmit } from './tag-list.ts';
import type { DkimIssue, DkimIssueCode, DkimKeyProblem, DkimSelectorProblem, Severity } from './types.ts';

/** An issue before it gets its severity and message. */
export type DkimIssueData = DistributiveOmit<DkimIssue, 'severity' | 'message'>;

/**
 * The severity of each code; the type makes the table exhaustive, and its keys list every code.
 *
 * @example
 * DKIM_ISSUE_SEVERITY['weak-key']; // 'error'
 */
export const DKIM_ISSUE_SEVERITY: Readonly<Record<DkimIssueCode, Severity>> = {
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

function describeKeyProblem(reason: DkimKeyProblem, value: string | undefined): string {
  switch (reason) {
    case 'base64':
      return value === undefined || value === '' ? 'p= is not valid base64 (length or padding).' : `p= is not base64: ${value} is not allowed.`;
    case 'der':
      return 'p= does not hold an RSA public key.';
    case 'type-mismatch':
      return `p= holds an ${value ?? 'unexpected'} key, which does not match k=.`;
    case 'ed25519-length':
      return `An ed25519 key is 32 bytes, this one is ${value ?? '?'}.`;
    case 'ed25519-spki':
      return 'An ed25519 key must be published as its raw 32 bytes, not wrapped in SubjectPublicKeyInfo.';
    default:
      return assertNever(reason);
  }
}

function describeSelectorProblem(reason: DkimSelectorProblem): string {
  switch (reason) {
    case 'empty':
      return 'The selector is empty.';
    case 'bad-label':
      return 'A selector is made of letters, digits and inner hyphens, separated by dots.';
    case 'too-long':
      return 'The selector makes the DNS name too long.';
    default:
      return assertNever(reason);
  }
}

function describe(issue: DkimIssueData): string {
  switch (issue.code) {
    case 'version-not-first':
      return 'The v tag must be the first tag.';
    case 'bad-version':
      return `The version must be DKIM1, not "${issue.value}"; verifiers discard this record.`;
    case 'missing-key':
      return 'The required p tag (the public key) is missing.';
    case 'revoked-key':
      return 'p= is empty: this key has been revoked.';
    case 'unknown-key-type':
      return `Unknown key type "${issue.value}"; use rsa or ed25519.`;
    case 'bad-key':
      return describeKeyProblem(issue.reason, issue.value);
    case 'weak-key':
      return `The RSA key has ${issue.bits} bits; verifiers reject keys under 1024 bits.`;
    case 'short-key':
      return `The RSA key has ${issue.bits} bits; use at least 2048.`;
    case 'pkcs1-key':
      return 'The key is a bare RSAPublicKey; many verifiers only accept SubjectPublicKeyInfo.';
    case 'sha1-hash':
      return 'h= allows sha1, which must no longer be used for signing.';
    case 'sha256-not-allowed':
      return 'h= does not allow sha256, so no valid signature can use this key.';
    case 'unknown-hash':
      return `Unknown hash algorithm "${issue.value}"; verifiers ignore it.`;
    case 'unknown-service':
      return `Unknown service type "${issue.value}"; verifiers ignore it.`;
    case 'not-for-email':
      return 's= does not list email or *, so verifiers ignore this key for email.';
    case 'unknown-flag':
      return `Unknown flag "${issue.value}"; verifiers ignore it.`;
    case 'testing-mode':
      return 't=y: the domain is testing DKIM; verifiers may treat its mail as unsigned.';
    case 'bad-tag-value':
      return `"${issue.value}" is not a valid value for ${issue.tag}.`;
    case 'empty-value':
      return `The ${issue.tag} tag has no value.`;
    case 'missing-semicolon':
      return `A ";" is missing before "${issue.value}=".`;
    case 'escaped-semicolon':
      return 'A backslash before ";" belongs to zone-file syntax, not to the record.';
    case 'duplicate-tag':
      return `The ${issue.tag} tag appears more than once, which makes the record invalid.`;
    case 'unknown-tag':
      return issue.suggestion === undefined
        ? `Unknown tag ${issue.tag}; verifiers ignore it.`
        : `Unknown tag ${issue.tag}; did you mean ${issue.suggestion}?`;
    case 'bad-tag-name':
      return `"${issue.value}" is not a valid tag name.`;
    case 'missing-equals':
      return `"${issue.value}" has no "=" between tag name and value.`;
    case 'empty-term':
      return 'Two separators with nothing between them.';
    case 'bad-whitespace':
      return `Only spaces, tabs and line breaks may separate tags, not ${issue.value}.`;
    case 'bad-selector':
      return `"${issue.value}" is not a valid selector. ${describeSelectorProblem(issue.reason)}`;
    case 'bad-domain':
      return `"${issue.value}" is not a valid domain name.`;
    default:
      return assertNever(issue);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled DKIM case: ${JSON.stringify(value)}`);
}

/** Completes issue data with its severity and message. */
export function dkimIssue(data: DkimIssueData): DkimIssue {
  return { ...data, severity: DKIM_ISSUE_SEVERITY[data.code], message: describe(data) };
}
