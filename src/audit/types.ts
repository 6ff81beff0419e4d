/**
 * The data model of a domain audit: findings (as data, with text rendered through the i18n
 * catalogue), a verdict per area and an overall grade. Nothing here does I/O.
 */
import type { Severity } from '../common/types.ts';
import type { ResolverProbe } from '../dns/resolver-health.ts';
import type { Resolver } from '../dns/resolver.ts';
import type { UnreachableResolver } from '../spf/explain.ts';
import type { Lang } from '../i18n/lang.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import type { FindingId } from './findings.ts';

/** The four things an audit looks at. */
export type AuditArea = 'spf' | 'dkim' | 'dmarc' | 'mx';

/** The areas in the order they are reported. */
export const AUDIT_AREAS: readonly AuditArea[] = Object.freeze(['spf', 'dkim', 'dmarc', 'mx']);

/** How bad a finding is. `info` tells what is there and never lowers a verdict. */
export type { Severity };

/**
 * The verdict on one area: the worst severity among its findings (`info` counts as `ok`),
 * or `unknown` when a DNS query of the area timed out or failed (SERVFAIL) — "could not
 * check", never "no record" — or `not-found` when nothing was found where spfkit could only
 * guess where to look (DKIM keys at common selectors: DNS cannot list a domain's selectors).
 */
export type Verdict = 'ok' | 'warning' | 'error' | 'unknown' | 'not-found';

/** The overall grade (see `gradeAudit` in grade.ts for the rule). */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** A JSON value: what evidence is made of. */
export type EvidenceValue = string | number | boolean | null | readonly EvidenceValue[] | Evidence;

/** The data that shows a finding: records, names, counts, the lookup tree … */
export type Evidence = { readonly [key: string]: EvidenceValue };

/**
 * One thing the audit found.
 *
 * @example
 * // { id: 'spf-no-all', area: 'spf', severity: 'warning',
 * //   message: 'The SPF record of byteklant.nl has no `all` and no `redirect=` …',
 * //   evidence: { domain: 'byteklant.nl', record: 'v=spf1 include:spf.byte.nl' },
 * //   fix: 'End the record with `~all` …' }
 */
export interface Finding {
  /** Stable kebab-case id; the table at the top of findings.ts lists them all. */
  id: FindingId;
  area: AuditArea;
  severity: Severity;
  /** What was found, in the audit's language. */
  message: string;
  /** The record, names and values that show it. */
  evidence: Evidence;
  /** What to do about it, in the audit's language; absent when there is nothing to do. */
  fix?: string;
}

/** What one area's check gives before the verdict is set: its findings and summary line. */
export interface AreaReport {
  findings: Finding[];
  summary: string;
}

/** The result for one area. */
export interface AreaResult {
  verdict: Verdict;
  /** One line on what the area holds (the record, the keys found …), in the audit's language. */
  summary: string;
  findings: Finding[];
}

/** What `auditDomain` returns. */
export interface AuditResult {
  /** The audited domain: lower case, no trailing dot. */
  domain: string;
  lang: Lang;
  /** The grade; `null` when nothing could be checked because spfkit's own resolver is down (see `resolver`). */
  grade: Grade | null;
  /** Present when spfkit's own resolver could not be reached: then every area is `unknown` with one `dns-resolver-unreachable` finding. */
  resolver?: UnreachableResolver;
  areas: Record<AuditArea, AreaResult>;
  /** Every finding of every area, in area order, worst first within an area. */
  findings: Finding[];
}

export interface AuditOptions {
  /** All DNS goes through this resolver. */
  resolver: Resolver;
  /**
   * DKIM selectors to check. Without them the audit probes `COMMON_SELECTORS` and reports
   * what it finds (DKIM has no way to list a domain's selectors, RFC 6376 §3.1).
   */
  selectors?: readonly string[];
  /**
   * More selectors to probe besides `COMMON_SELECTORS` when `selectors` is empty, such as the
   * provider catalogue's (`catalogueSelectors`); the CLI and the server pass those.
   */
  probeSelectors?: readonly string[];
  /** Language of messages and fixes (default English). */
  lang?: Lang;
  /**
   * Probes spfkit's own resolver (src/dns/health.ts). Asked only when not one query of the
   * audit got a reply: if the resolver itself is down, the audit says so once per area and
   * gives no grade, instead of blaming the domain's DNS in a finding per failed query.
   */
  probe?: ResolverProbe;
  /** The Public Suffix List for DMARC organisational domains (default: the bundled copy). */
  suffixes?: PublicSuffixList;
}
