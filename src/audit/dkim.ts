/**
 * The DKIM part of an audit: the key records at `<selector>._domainkey.<domain>`
 * (RFC 6376 §3.6.2.1) for the selectors given, or for a short list of common ones when none
 * is given (DKIM offers no way to list a domain's selectors, §3.1). A selector that is a
 * CNAME — how mail providers publish keys they rotate — is followed and its target shown.
 */
import type { Resolver } from '../dns/resolver.ts';
import { COMMON_SELECTORS, dkimName } from '../dkim/selectors.ts';
import { parseDkimKey } from '../dkim/parse.ts';
import type { DkimIssue } from '../dkim/types.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { makeFinding } from './findings.ts';
import type { AreaReport, Evidence, Finding } from './types.ts';

export { lookupKey, type KeyLookup } from '../dkim/lookup.ts';
import { lookupKey, type KeyLookup } from '../dkim/lookup.ts';

interface Ctx {
  domain: string;
  lang: Lang;
  findings: Finding[];
}

/** The words for one key-record issue: `audit.dkim-issue.<code>` (the parser has none). */
export function describeDkimIssue(issue: DkimIssue, lang: Lang): string {
  const params = {
    tag: 'tag' in issue ? issue.tag : '',
    value: 'value' in issue ? (issue.value ?? '') : '',
    reason: 'reason' in issue ? issue.reason : '',
    suggestion: 'suggestion' in issue ? (issue.suggestion ?? '') : '',
    bits: 'bits' in issue ? issue.bits : 0,
  };
  return t(lang, `audit.dkim-issue.${issue.code}`, params);
}

function keyFindings(ctx: Ctx, selector: string, found: Extract<KeyLookup, { kind: 'found' }>, given: boolean): boolean {
  const { lang } = ctx;
  const where: Evidence = { selector, name: found.name, cname: found.cname ?? null };
  if (found.records.length > 1) {
    // RFC 6376 §3.6.2.2 leaves the choice among several records undefined.
    ctx.findings.push(
      makeFinding({
        id: 'dkim-multiple-records',
        severity: 'warning',
        message: t(lang, 'audit.dkim-multiple-records.message', { selector, name: found.name, count: found.records.length }),
        fix: t(lang, 'audit.dkim-multiple-records.fix', { name: found.name }),
        evidence: { ...where, records: found.records },
      }),
    );
  }
  const text = found.records[0] ?? '';
  const parsed = parseDkimKey(text);
  // A probed name that holds some other TXT record (no p=, no v=DKIM1) is not a key record.
  if (!given && !parsed.ok && !/(^|;)\s*(v|p)\s*=/.test(text)) return false;
  const recordWhere: Evidence = { ...where, record: text };
  for (const issue of parsed.issues) {
    const base = { selector, name: found.name, problem: describeDkimIssue(issue, lang) };
    const evidence: Evidence = { ...recordWhere, code: issue.code, span: { start: issue.span.start, end: issue.span.end } };
    switch (issue.code) {
      case 'bad-version':
      case 'version-not-first':
        ctx.findings.push(makeFinding({ id: 'dkim-bad-version', severity: 'error', message: t(lang, 'audit.dkim-bad-version.message', base), fix: t(lang, 'audit.dkim-bad-version.fix'), evidence }));
        break;
      case 'weak-key':
        // RFC 8301 §3.2: verifiers MUST NOT accept RSA keys under 1024 bits.
        ctx.findings.push(makeFinding({ id: 'dkim-weak-key', severity: 'error', message: t(lang, 'audit.dkim-weak-key.message', { selector, name: found.name, bits: issue.bits }), fix: t(lang, 'audit.dkim-weak-key.fix'), evidence: { ...evidence, bits: issue.bits } }));
        break;
      case 'short-key':
        // RFC 8301 §3.2: signers SHOULD use at least 2048 bits.
        ctx.findings.push(makeFinding({ id: 'dkim-short-key', severity: 'warning', message: t(lang, 'audit.dkim-short-key.message', { selector, name: found.name, bits: issue.bits }), fix: t(lang, 'audit.dkim-short-key.fix'), evidence: { ...evidence, bits: issue.bits } }));
        break;
      case 'revoked-key':
        ctx.findings.push(makeFinding({ id: 'dkim-revoked', severity: 'warning', message: t(lang, 'audit.dkim-revoked.message', { selector, name: found.name }), fix: t(lang, 'audit.dkim-revoked.fix', { selector }), evidence }));
        break;
      case 'testing-mode':
        ctx.findings.push(makeFinding({ id: 'dkim-testing', severity: 'warning', message: t(lang, 'audit.dkim-testing.message', { selector, name: found.name }), fix: t(lang, 'audit.dkim-testing.fix'), evidence }));
        break;
      case 'sha1-hash':
      case 'sha256-not-allowed':
      case 'unknown-hash':
        ctx.findings.push(makeFinding({ id: 'dkim-hash-algorithms', severity: issue.severity, message: t(lang, 'audit.dkim-hash-algorithms.message', base), fix: t(lang, 'audit.dkim-hash-algorithms.fix'), evidence }));
        break;
      case 'missing-key':
      case 'unknown-key-type':
      case 'bad-key':
      case 'pkcs1-key':
      case 'unknown-service':
      case 'not-for-email':
      case 'unknown-flag':
      case 'bad-tag-value':
      case 'empty-value':
      case 'missing-semicolon':
      case 'escaped-semicolon':
      case 'duplicate-tag':
      case 'unknown-tag':
      case 'bad-tag-name':
      case 'missing-equals':
      case 'empty-term':
      case 'bad-whitespace':
      case 'bad-selector':
      case 'bad-domain':
        ctx.findings.push(makeFinding({ id: 'dkim-syntax', severity: issue.severity, message: t(lang, 'audit.dkim-syntax.message', base), fix: t(lang, 'audit.dkim-syntax.fix'), evidence }));
        break;
      default: {
        const never: never = issue;
        throw new Error(`unhandled DKIM issue ${String(never)}`);
      }
    }
  }
  if (!parsed.ok || parsed.record.revoked || parsed.record.keyInfo === null) return true;
  const info = parsed.record.keyInfo;
  const keyEvidence: Evidence = { ...recordWhere, keyType: info.type, bits: info.bits, encoding: info.encoding, flags: [...parsed.record.flags] };
  if (info.type === 'ed25519') {
    // RFC 8463 is newer than most verifiers: an RSA key beside it keeps mail verifiable.
    ctx.findings.push(makeFinding({ id: 'dkim-ed25519', severity: 'info', message: t(lang, 'audit.dkim-ed25519.message', { selector, name: found.name }), fix: t(lang, 'audit.dkim-ed25519.fix'), evidence: keyEvidence }));
  }
  ctx.findings.push(
    makeFinding({
      id: 'dkim-key-found',
      severity: 'info',
      message: t(lang, 'audit.dkim-key-found.message', { selector, name: found.name, target: found.cname ?? '', type: info.type, bits: info.bits }),
      evidence: keyEvidence,
    }),
  );
  return true;
}

/**
 * Audits the DKIM key records of `domain` for `selectors`, or probes `COMMON_SELECTORS` and
 * `probe` when the list is empty. Selectors must be valid (see `dkimName`); an invalid one is
 * reported as `dkim-syntax`.
 *
 * @example
 * const { findings } = await auditDkim('prezentklant.nl', resolver, 'nl', ['prezent-a']);
 * findings[0]?.evidence.cname; // '_dkim-a.prezent.nl'
 */
export async function auditDkim(domain: string, resolver: Resolver, lang: Lang, selectors: readonly string[], probe: readonly string[] = []): Promise<AreaReport> {
  const ctx: Ctx = { domain, lang, findings: [] };
  const given = selectors.length > 0;
  const tried = [...new Set(given ? selectors : [...COMMON_SELECTORS, ...probe])];
  const lookups = await Promise.all(
    tried.map(async (selector): Promise<KeyLookup | { kind: 'bad-name'; issue: DkimIssue }> => {
      const name = dkimName(selector, domain);
      return name.ok ? lookupKey(resolver, name.name) : { kind: 'bad-name', issue: name.issue };
    }),
  );
  const found: string[] = [];
  let unavailable = false;
  lookups.forEach((lookup, i) => {
    const selector = tried[i] ?? '';
    switch (lookup.kind) {
      case 'bad-name':
        ctx.findings.push(
          makeFinding({ id: 'dkim-syntax', severity: 'error', message: t(lang, 'audit.dkim-syntax.message', { selector, name: selector, problem: describeDkimIssue(lookup.issue, lang) }), fix: t(lang, 'audit.dkim-syntax.fix'), evidence: { selector, code: lookup.issue.code } }),
        );
        break;
      case 'unavailable':
        unavailable = true;
        break;
      case 'absent':
        if (lookup.cname !== undefined) {
          ctx.findings.push(
            makeFinding({
              id: 'dkim-cname-broken',
              severity: given ? 'error' : 'warning',
              message: t(lang, 'audit.dkim-cname-broken.message', { selector, name: lookup.name, target: lookup.cname }),
              fix: t(lang, 'audit.dkim-cname-broken.fix', { name: lookup.name }),
              evidence: { selector, name: lookup.name, cname: lookup.cname },
            }),
          );
        } else if (given) {
          ctx.findings.push(
            makeFinding({ id: 'dkim-selector-missing', severity: 'error', message: t(lang, 'audit.dkim-selector-missing.message', { selector, name: lookup.name }), fix: t(lang, 'audit.dkim-selector-missing.fix', { name: lookup.name }), evidence: { selector, name: lookup.name } }),
          );
        }
        break;
      case 'found':
        if (keyFindings(ctx, selector, lookup, given)) found.push(selector);
        break;
      default: {
        const never: never = lookup;
        throw new Error(`unhandled lookup ${String(never)}`);
      }
    }
  });
  if (!given && found.length === 0 && !unavailable && ctx.findings.length === 0) {
    ctx.findings.push(
      makeFinding({ id: 'dkim-none-found', severity: 'info', message: t(lang, 'audit.dkim-none-found.message', { domain, count: tried.length }), fix: t(lang, 'audit.dkim-none-found.fix'), evidence: { domain, selectors: tried } }),
    );
  }
  const summary = unavailable && found.length === 0
    ? t(lang, 'audit.summary.unavailable')
    : found.length > 0
      ? t(lang, 'audit.summary.dkim-keys', { names: found })
      : t(lang, 'audit.summary.dkim-none', { count: tried.length });
  return { findings: ctx.findings, summary };
}
