/**
 * The SPF part of an audit: the domain's record and the tree it leads to (spf-tree.ts),
 * judged rule by rule. Each rule reads the tree; none queries DNS itself.
 */
import type { Resolver } from '../dns/resolver.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { RecordRef } from '../i18n/spf.en.ts';
import { issueMessage, renderCaret } from '../spf/describe.ts';
import { RFC_LIMITS, type Mechanism } from '../spf/types.ts';
import { MAX_RECORD_BYTES, MAX_STRING_BYTES, byteLength } from '../spf/size.ts';
import { makeFinding } from './findings.ts';
import { type Cidr, cidrContains, mechanismCidr } from '../spf/cidr.ts';
import { type SpfNode, lookupTreeEvidence, ownNodes, spfLookupTree, treeNodes, voidLookups } from './spf-tree.ts';
import { reachableTerms } from '../spf/lookup-rules.ts';
import type { AreaReport, Evidence, Finding } from './types.ts';


interface Ctx {
  domain: string;
  lang: Lang;
  findings: Finding[];
}

/** Strings that look like an attempt at an SPF record without being one: `spf1 …`, `v=spf2.0`, `"v=spf1 …"`, ` v=spf1`. */
const LOOKALIKE = /^\s*["']?\s*(?:v\s*=\s*)?spf/i;


function refOf(node: SpfNode): RecordRef {
  return { domain: node.domain, via: node.path };
}

function whereOf(node: SpfNode): Evidence {
  return { domain: node.domain, via: [...node.path], record: node.fetch.kind === 'record' ? node.fetch.text : null };
}

/**
 * Audits the SPF policy of `domain`: the record, the include/redirect tree and its lookup
 * counts.
 *
 * @example
 * const { findings, summary } = await auditSpf('byteklant.nl', resolver, 'en');
 * findings.map((f) => f.id); // ['spf-no-all', 'spf-lookup-count']
 */
export async function auditSpf(domain: string, resolver: Resolver, lang: Lang): Promise<AreaReport> {
  const ctx: Ctx = { domain, lang, findings: [] };
  const root = await spfLookupTree(resolver, domain);
  const lookalikes = root.txt.map((strings) => strings.join('')).filter((text) => LOOKALIKE.test(text) && !/^v=spf1( |$)/i.test(text));
  switch (root.fetch.kind) {
    case 'dns-error':
      return { findings: [], summary: t(lang, 'audit.summary.unavailable') };
    case 'none': {
      if (lookalikes.length > 0) {
        for (const text of lookalikes) badVersion(ctx, text, 'error');
      } else {
        ctx.findings.push(
          makeFinding({
            id: 'spf-missing',
            severity: 'error',
            message: t(lang, 'audit.spf-missing.message', { domain, missing: root.fetch.dns }),
            fix: t(lang, 'audit.spf-missing.fix', { domain }),
            evidence: { domain, dns: root.fetch.dns, txt: root.txt.map((strings) => strings.join('')) },
          }),
        );
      }
      ctx.findings.push(
        makeFinding({ id: 'spf-type99-not-checked', severity: 'info', message: t(lang, 'audit.spf-type99-not-checked.message', { domain }), fix: t(lang, 'audit.spf-type99-not-checked.fix'), evidence: { domain, queried: 'TXT' } }),
      );
      return { findings: ctx.findings, summary: t(lang, 'audit.summary.spf-none', { domain }) };
    }
    case 'multiple':
    case 'record':
      break;
    default: {
      const never: never = root.fetch;
      throw new Error(`unhandled fetch ${String(never)}`);
    }
  }
  for (const text of lookalikes) badVersion(ctx, text, 'warning');

  const own = ownNodes(root);
  const nodes = treeNodes(root);
  for (const node of nodes) recordProblems(ctx, node);
  for (const node of own) ownRecordRules(ctx, node);
  for (const node of nodes) if (!own.includes(node)) includedRecordRules(ctx, node);
  rangeRules(ctx, own);
  if (root.fetch.kind === 'record') limitRules(ctx, root);

  const summary =
    root.fetch.kind === 'record'
      ? t(lang, 'audit.summary.spf-record', { text: root.fetch.text, count: root.total, limit: RFC_LIMITS.dnsTerms })
      : t(lang, 'audit.summary.spf-multiple', { domain, count: root.fetch.count });
  return { findings: ctx.findings, summary };
}

function badVersion(ctx: Ctx, text: string, severity: 'error' | 'warning'): void {
  ctx.findings.push(
    makeFinding({
      id: 'spf-bad-version',
      severity,
      message: t(ctx.lang, 'audit.spf-bad-version.message', { domain: ctx.domain, text }),
      fix: t(ctx.lang, 'audit.spf-bad-version.fix'),
      evidence: { domain: ctx.domain, txt: text },
    }),
  );
}

/** Problems that make a record unusable wherever it is in the tree: several records, syntax, missing targets, loops. */
function recordProblems(ctx: Ctx, node: SpfNode): void {
  const { lang } = ctx;
  if (node.fetch.kind === 'multiple') {
    // RFC 7208 §4.5: more than one v=spf1 record is a permerror.
    const records = node.txt.map((strings) => strings.join('')).filter((text) => /^v=spf1( |$)/i.test(text));
    ctx.findings.push(
      makeFinding({
        id: 'spf-multiple-records',
        severity: 'error',
        message: t(lang, 'audit.spf-multiple-records.message', { record: refOf(node), count: node.fetch.count }),
        fix: t(lang, 'audit.spf-multiple-records.fix', { domain: node.domain }),
        evidence: { domain: node.domain, via: [...node.path], records },
      }),
    );
  }
  if (node.fetch.kind === 'record') {
    const text = node.fetch.text;
    for (const issue of node.issues) {
      ctx.findings.push(
        makeFinding({
          id: 'spf-syntax',
          severity: 'error',
          message: t(lang, 'audit.spf-syntax.message', { record: refOf(node), column: issue.span.start + 1, problem: issueMessage(issue, lang) }),
          fix: t(lang, 'audit.spf-syntax.fix'),
          evidence: { ...whereOf(node), code: issue.code, column: issue.span.start + 1, span: { start: issue.span.start, end: issue.span.end }, token: issue.token ?? null, caret: renderCaret(text, issue.span) },
        }),
      );
    }
  }
  for (const term of node.terms) {
    const evidence: Evidence = { ...whereOf(node), term: term.text, target: term.target ?? null };
    if (term.stop === 'loop') {
      ctx.findings.push(
        makeFinding({
          id: 'spf-include-loop',
          severity: 'error',
          message: t(lang, 'audit.spf-include-loop.message', { record: refOf(node), term: term.text, target: term.target ?? '' }),
          fix: t(lang, 'audit.spf-include-loop.fix', { term: term.text }),
          evidence,
        }),
      );
    }
    if (term.dynamic) {
      ctx.findings.push(makeFinding({ id: 'spf-dynamic-term', severity: 'info', message: t(lang, 'audit.spf-dynamic-term.message', { record: refOf(node), term: term.text }), evidence }));
    }
    if (term.kind === 'ptr') {
      // RFC 7208 §5.5: "This mechanism SHOULD NOT be published."
      ctx.findings.push(
        makeFinding({ id: 'spf-ptr', severity: 'warning', message: t(lang, 'audit.spf-ptr.message', { record: refOf(node), term: term.text }), fix: t(lang, 'audit.spf-ptr.fix', { term: term.text }), evidence }),
      );
    }
    const child = term.child;
    if (child?.fetch.kind !== 'none') continue;
    const params = { record: refOf(node), term: term.text, target: child.domain, missing: child.fetch.dns };
    const childEvidence: Evidence = { ...evidence, dns: child.fetch.dns };
    if (term.kind === 'include') {
      // RFC 7208 §5.2: an include target without a record makes the check a permerror.
      ctx.findings.push(makeFinding({ id: 'spf-include-missing', severity: 'error', message: t(lang, 'audit.spf-include-missing.message', params), fix: t(lang, 'audit.spf-include-missing.fix', params), evidence: childEvidence }));
    } else {
      // RFC 7208 §6.1: so does a redirect target without a record.
      ctx.findings.push(makeFinding({ id: 'spf-redirect-missing', severity: 'error', message: t(lang, 'audit.spf-redirect-missing.message', params), fix: t(lang, 'audit.spf-redirect-missing.fix', params), evidence: childEvidence }));
    }
  }
}

function allOf(node: SpfNode): Extract<Mechanism, { kind: 'all' }> | undefined {
  return node.record?.mechanisms.find((m): m is Extract<Mechanism, { kind: 'all' }> => m.kind === 'all');
}

function termText(node: SpfNode, span: { start: number; end: number }): string {
  return node.record?.text.slice(span.start, span.end) ?? '';
}

/** Rules for the records the domain controls: its own and its redirect chain's. */
function ownRecordRules(ctx: Ctx, node: SpfNode): void {
  const { lang } = ctx;
  if (node.fetch.kind !== 'record' || node.record === undefined) return;
  const record = node.record;
  const where = whereOf(node);
  const ref = refOf(node);

  // Sizes: RFC 1035 §3.3 (a character-string holds 255 octets) and RFC 7208 §3.4 (450).
  const strings = node.fetch.strings;
  strings.forEach((text, index) => {
    const bytes = byteLength(text, 'wire');
    if (bytes > MAX_STRING_BYTES) {
      ctx.findings.push(
        makeFinding({
          id: 'spf-string-too-long',
          severity: 'error',
          message: t(lang, 'audit.spf-string-too-long.message', { record: ref, count: bytes, limit: MAX_STRING_BYTES }),
          fix: t(lang, 'audit.spf-string-too-long.fix', { limit: MAX_STRING_BYTES }),
          evidence: { ...where, string: index, bytes, strings: [...strings] },
        }),
      );
    }
  });
  const txtBytes = node.txt.reduce((sum, record) => sum + record.reduce((s, text) => s + byteLength(text, 'wire'), 0), 0);
  const answerBytes = byteLength(node.domain) + txtBytes;
  if (answerBytes > MAX_RECORD_BYTES) {
    ctx.findings.push(
      makeFinding({
        id: 'spf-record-too-long',
        severity: 'warning',
        message: t(lang, 'audit.spf-record-too-long.message', { record: ref, count: answerBytes, limit: MAX_RECORD_BYTES }),
        fix: t(lang, 'audit.spf-record-too-long.fix'),
        evidence: { ...where, bytes: answerBytes, recordBytes: byteLength(node.fetch.text, 'wire'), txtRecords: node.txt.length },
      }),
    );
  }

  // all and redirect (RFC 7208 §5.1, §6.1, §4.7).
  const all = allOf(node);
  if (all?.qualifier === '+') allFinding(ctx, node, all);
  if (all?.qualifier === '?') {
    const term = termText(node, all.span);
    ctx.findings.push(makeFinding({ id: 'spf-neutral-all', severity: 'warning', message: t(lang, 'audit.spf-neutral-all.message', { record: ref, term }), fix: t(lang, 'audit.spf-neutral-all.fix'), evidence: { ...where, term } }));
  }
  if (all === undefined && record.redirect === undefined && node.issues.length === 0) {
    ctx.findings.push(makeFinding({ id: 'spf-no-all', severity: 'warning', message: t(lang, 'audit.spf-no-all.message', { record: ref }), fix: t(lang, 'audit.spf-no-all.fix'), evidence: where }));
  }
  if (all !== undefined && record.redirect !== undefined) {
    const term = termText(node, record.redirect.span);
    ctx.findings.push(
      makeFinding({ id: 'spf-redirect-ignored', severity: 'warning', message: t(lang, 'audit.spf-redirect-ignored.message', { record: ref, term }), fix: t(lang, 'audit.spf-redirect-ignored.fix', { term }), evidence: { ...where, term } }),
    );
  }
  if (all !== undefined) {
    const after = record.mechanisms.slice(record.mechanisms.indexOf(all) + 1).map((m) => termText(node, m.span));
    if (after.length > 0) {
      ctx.findings.push(
        makeFinding({ id: 'spf-after-all', severity: 'warning', message: t(lang, 'audit.spf-after-all.message', { record: ref, terms: after }), fix: t(lang, 'audit.spf-after-all.fix'), evidence: { ...where, terms: after } }),
      );
    }
  }

  // RFC 7208 §6: unknown modifiers are ignored — usually a typo of redirect= or exp=.
  for (const term of record.terms) {
    if (term.kind !== 'unknown-modifier') continue;
    const text = termText(node, term.span);
    ctx.findings.push(
      makeFinding({ id: 'spf-unknown-modifier', severity: 'warning', message: t(lang, 'audit.spf-unknown-modifier.message', { record: ref, term: text, name: term.name }), fix: t(lang, 'audit.spf-unknown-modifier.fix', { term: text }), evidence: { ...where, term: text, name: term.name } }),
    );
  }

  // a: and mx: names without addresses (RFC 7208 §5.3, §5.4): never match, and count as void lookups.
  for (const term of node.terms) {
    if (term.kind !== 'a' && term.kind !== 'mx') continue;
    const noMx = term.kind === 'mx' && term.lookup === 'void';
    if (!noMx && term.hostsWithoutAddress.length === 0) continue;
    const names = noMx ? [term.target ?? node.domain] : term.hostsWithoutAddress;
    const type = noMx ? 'MX' : 'A/AAAA';
    ctx.findings.push(
      makeFinding({
        id: 'spf-host-without-address',
        severity: 'warning',
        message: t(lang, 'audit.spf-host-without-address.message', { record: ref, term: term.text, names, type }),
        fix: t(lang, 'audit.spf-host-without-address.fix', { term: term.text }),
        evidence: { ...where, term: term.text, names, type },
      }),
    );
  }
}

function allFinding(ctx: Ctx, node: SpfNode, all: Extract<Mechanism, { kind: 'all' }>): void {
  const term = termText(node, all.span);
  ctx.findings.push(
    makeFinding({ id: 'spf-plus-all', severity: 'error', message: t(ctx.lang, 'audit.spf-plus-all.message', { record: refOf(node), term }), fix: t(ctx.lang, 'audit.spf-plus-all.fix', { term }), evidence: { ...whereOf(node), term } }),
  );
}

/** Included records: only what changes the domain's own result counts here. */
function includedRecordRules(ctx: Ctx, node: SpfNode): void {
  // RFC 7208 §5.2: an include whose record passes everything makes the include match every client.
  const all = allOf(node);
  if (node.via === 'include' && all?.qualifier === '+') allFinding(ctx, node, all);
}

interface OwnRange {
  node: SpfNode;
  term: string;
  range: Cidr;
}

function ownRanges(nodes: readonly SpfNode[]): OwnRange[] {
  const out: OwnRange[] = [];
  for (const node of nodes) {
    if (node.record === undefined) continue;
    for (const term of reachableTerms(node.record)) {
      if (term.kind !== 'ip4' && term.kind !== 'ip6') continue;
      const range = mechanismCidr(term);
      if (range && term.qualifier === '+') out.push({ node, term: termText(node, term.span), range });
    }
  }
  return out;
}

/** The `+` ranges of included records, with the include that brings them. */
function includedRanges(own: readonly SpfNode[]): Array<OwnRange & { include: string }> {
  const out: Array<OwnRange & { include: string }> = [];
  const visit = (node: SpfNode, include: string): void => {
    for (const item of ownRanges([node])) out.push({ ...item, include });
    for (const term of node.terms) if (term.child) visit(term.child, include);
  };
  for (const node of own) for (const term of node.terms) if (term.kind === 'include' && term.child) visit(term.child, term.text);
  return out;
}

/** Duplicate and overlapping ranges (RFC 7208 §5.6), and ranges an include already gives. */
function rangeRules(ctx: Ctx, own: readonly SpfNode[]): void {
  const { lang } = ctx;
  const mine = ownRanges(own);
  const reported = new Set<number>();
  mine.forEach((inner, i) => {
    const outerAt = mine.findIndex((outer, j) => j !== i && cidrContains(outer.range, inner.range) && (!cidrContains(inner.range, outer.range) || j < i));
    const outer = mine[outerAt];
    if (outer === undefined || reported.has(i)) return;
    reported.add(i);
    ctx.findings.push(
      makeFinding({
        id: 'spf-overlapping-ranges',
        severity: 'warning',
        message: t(lang, 'audit.spf-overlapping-ranges.message', { record: refOf(inner.node), term: inner.term, other: outer.term }),
        fix: t(lang, 'audit.spf-overlapping-ranges.fix', { term: inner.term }),
        evidence: { ...whereOf(inner.node), term: inner.term, coveredBy: outer.term, coveredByDomain: outer.node.domain },
      }),
    );
  });
  const theirs = includedRanges(own);
  mine.forEach((inner, i) => {
    if (reported.has(i)) return;
    const outer = theirs.find((item) => cidrContains(item.range, inner.range));
    if (outer === undefined) return;
    ctx.findings.push(
      makeFinding({
        id: 'spf-range-in-include',
        severity: 'info',
        message: t(lang, 'audit.spf-range-in-include.message', { record: refOf(inner.node), term: inner.term, other: outer.term, target: outer.node.domain }),
        fix: t(lang, 'audit.spf-range-in-include.fix', { term: inner.term }),
        evidence: { ...whereOf(inner.node), term: inner.term, coveredBy: outer.term, coveredByDomain: outer.node.domain, include: outer.include },
      }),
    );
  });
}

/** The lookup limits of RFC 7208 §4.6.4, over the whole tree. */
function limitRules(ctx: Ctx, root: SpfNode): void {
  const { lang, domain } = ctx;
  const limit = RFC_LIMITS.dnsTerms;
  const branches = root.terms.filter((term) => term.kind === 'include' || term.kind === 'redirect').map((term) => ({ term: term.text, count: term.total }));
  const tree = lookupTreeEvidence(root);
  const params = { domain, count: root.total, limit, branches };
  if (root.total > limit) {
    ctx.findings.push(makeFinding({ id: 'spf-too-many-lookups', severity: 'error', message: t(lang, 'audit.spf-too-many-lookups.message', params), fix: t(lang, 'audit.spf-too-many-lookups.fix'), evidence: { domain, count: root.total, limit, tree } }));
  } else {
    ctx.findings.push(makeFinding({ id: 'spf-lookup-count', severity: 'info', message: t(lang, 'audit.spf-lookup-count.message', params), fix: t(lang, 'audit.spf-lookup-count.fix', { limit }), evidence: { domain, count: root.total, limit, tree } }));
  }
  const voids = voidLookups(root);
  if (voids.length > RFC_LIMITS.voidLookups) {
    ctx.findings.push(
      makeFinding({
        id: 'spf-too-many-void-lookups',
        severity: 'error',
        message: t(lang, 'audit.spf-too-many-void-lookups.message', { domain, count: voids.length, limit: RFC_LIMITS.voidLookups, names: voids }),
        fix: t(lang, 'audit.spf-too-many-void-lookups.fix'),
        evidence: { domain, count: voids.length, limit: RFC_LIMITS.voidLookups, names: voids },
      }),
    );
  }
}
