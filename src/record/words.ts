/**
 * Words for a record-editing plan: its reasons, warnings and blocking issues (data codes,
 * src/record/reasons.ts) rendered in a language from the message catalogue (area `add`,
 * src/i18n/add.en.ts). The ONE place that words a plan — `spfkit add` and `POST /api/add`
 * both use it.
 */
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { issueMessage } from '../spf/describe.ts';
import type { AddPlan } from './add.ts';
import { MAX_NODES } from '../spf/policy-tree.ts';
import type { LookupProblem } from './lookups.ts';
import type { StaticProblem } from './ranges.ts';
import type { AddIssue, AddReason, AddWarning } from './reasons.ts';
import type { VerificationIssue } from './verify.ts';

/** A plan in words: one sentence per reason, warning and issue, in the plan's order. */
export interface PlanWords {
  reasons: string[];
  warnings: string[];
  issues: string[];
  /** Why the planned record did not verify (empty when it did, or the plan is blocked). */
  verification: string[];
  /** The syntax problems of a blocking `record-syntax` issue, one sentence each (empty otherwise). */
  syntax: string[];
}

/**
 * Words a plan in a language. A blocked plan has issues only; a ready plan reasons and
 * warnings only.
 *
 * @example
 * describePlan(plan, 'nl').reasons[0] // 'Het record had geen “all” en geen redirect, …'
 */
export function describePlan(plan: AddPlan, lang: Lang): PlanWords {
  if (plan.status === 'blocked') {
    const syntax = plan.issues.flatMap((i) => (i.code === 'record-syntax' ? i.issues.map((p) => issueMessage(p, lang)) : []));
    return { reasons: [], warnings: [], issues: plan.issues.map((i) => describeIssue(i, lang)), verification: [], syntax };
  }
  return {
    reasons: plan.reasons.map((r) => describeReason(r, lang)),
    warnings: plan.warnings.map((w) => describeWarning(w, lang)),
    issues: [],
    verification: plan.verification.issues.map((i) => describeVerificationIssue(i, lang)),
    syntax: [],
  };
}

/** Why the plan looks the way it does, in words. */
export function describeReason(reason: AddReason, lang: Lang): string {
  switch (reason.code) {
    case 'created-softfail':
      return t(lang, 'add.reason.created-softfail');
    case 'all-kept':
      return t(lang, 'add.reason.all-kept', { qualifier: reason.qualifier });
    case 'softfail-all-added':
      return t(lang, 'add.reason.softfail-all-added');
    case 'no-all-kept':
      return t(lang, 'add.reason.no-all-kept');
    case 'redirect-kept':
      return t(lang, 'add.reason.redirect-kept', { target: reason.target });
    case 'inserted':
      return t(lang, `add.reason.inserted.${reason.before}`);
    case 'duplicate':
      return t(lang, 'add.reason.duplicate', { term: reason.term });
    case 'inside-range':
      return t(lang, 'add.reason.inside-range', { range: reason.range, term: reason.term });
    case 'covered':
      return t(lang, 'add.reason.covered', { ips: reason.ips, term: reason.term });
    case 'test-ips-given':
      return t(lang, 'add.reason.test-ips-given', { ips: reason.ips });
    case 'test-ips-derived':
      return t(lang, 'add.reason.test-ips-derived', { from: reason.from, ips: reason.ips });
    case 'flattened':
      return t(lang, 'add.reason.flattened', { includes: reason.includes, lookupsBefore: reason.lookups.before, lookupsAfter: reason.lookups.after });
    case 'strings-split':
      return t(lang, 'add.reason.strings-split', { count: reason.count });
    case 'sub-records':
      return t(lang, 'add.reason.sub-records', { moved: reason.moved, names: reason.names });
    default: {
      const never: never = reason;
      throw new Error(`unhandled reason ${String(never)}`);
    }
  }
}

/** Something the owner should know about the plan, in words. */
export function describeWarning(warning: AddWarning, lang: Lang): string {
  switch (warning.code) {
    case 'no-test-ips':
      return t(lang, 'add.warning.no-test-ips', { mechanism: warning.mechanism, ...(warning.problem ? { problem: describeStaticProblem(warning.problem, lang) } : {}) });
    case 'covered-by-static-range':
      return t(lang, 'add.warning.covered-by-static-range', { term: warning.term });
    case 'permissive-all':
      return t(lang, warning.qualifier === '+' ? 'add.warning.permissive-all.pass' : 'add.warning.permissive-all.neutral');
    case 'no-all':
      return t(lang, 'add.warning.no-all');
    case 'other-senders-unlisted':
      return t(lang, 'add.warning.other-senders-unlisted');
    case 'terms-after-all':
      return t(lang, 'add.warning.terms-after-all', { terms: warning.terms });
    case 'redirect-ignored':
      return t(lang, 'add.warning.redirect-ignored', { target: warning.target });
    case 'lookups-over-limit-before':
      return t(lang, 'add.warning.lookups-over-limit-before', { count: warning.count, limit: warning.limit });
    case 'lookups-uncertain':
      return t(lang, 'add.warning.lookups-uncertain', { problems: warning.problems.map((p) => describeLookupProblem(p, lang)) });
    case 'flatten-insufficient':
      return t(lang, 'add.warning.flatten-insufficient', { count: warning.lookups, limit: warning.limit });
    case 'flattened-ranges-go-stale':
      return t(lang, 'add.warning.flattened-ranges-go-stale', { includes: warning.includes, ...(warning.ttl !== undefined ? { ttl: warning.ttl } : {}) });
    case 'record-too-long':
      return t(lang, 'add.warning.record-too-long', { bytes: warning.bytes, limit: warning.limit });
    case 'sub-record-name-taken':
      return t(lang, 'add.warning.sub-record-name-taken', { name: warning.name });
    case 'current-policy-error':
      return t(lang, 'add.warning.current-policy-error', { result: warning.result, ip: warning.ip, cause: warning.cause });
    default: {
      const never: never = warning;
      throw new Error(`unhandled warning ${String(never)}`);
    }
  }
}

/** Why no plan can be made, in words. */
export function describeIssue(issue: AddIssue, lang: Lang): string {
  switch (issue.code) {
    case 'mechanism-syntax':
      return t(lang, 'add.issue.mechanism-syntax', { text: issue.text, problems: issue.issues.map((i) => issueMessage(i, lang)) });
    case 'mechanism-not-one-term':
      return t(lang, 'add.issue.mechanism-not-one-term', { count: issue.count, text: issue.text });
    case 'mechanism-is-modifier':
      return t(lang, 'add.issue.mechanism-is-modifier', { text: issue.text });
    case 'mechanism-is-all':
      return t(lang, 'add.issue.mechanism-is-all');
    case 'mechanism-not-pass':
      return t(lang, 'add.issue.mechanism-not-pass', { text: issue.text, qualifier: issue.qualifier });
    case 'bad-domain':
      return t(lang, 'add.issue.bad-domain', { domain: issue.domain, problem: t(lang, `spf.domain.${issue.reason}`) });
    case 'bad-test-ip':
      return t(lang, 'add.issue.bad-test-ip', { ip: issue.ip });
    case 'record-syntax':
      return t(lang, `add.issue.record-syntax.${issue.source}`, { problems: issue.issues.map((i) => issueMessage(i, lang)) });
    case 'multiple-records':
      return t(lang, 'add.issue.multiple-records', { domain: issue.domain, count: issue.count });
    case 'dns-error':
      return t(lang, 'add.issue.dns-error', { domain: issue.domain, answer: issue.answer });
    default: {
      const never: never = issue;
      throw new Error(`unhandled issue ${String(never)}`);
    }
  }
}

/** Why the planned record did not verify, in words. */
export function describeVerificationIssue(issue: VerificationIssue, lang: Lang): string {
  switch (issue.code) {
    case 'test-ip-not-pass':
      return t(lang, 'add.verification.test-ip-not-pass', { ip: issue.ip, result: issue.result, ...(issue.decidedBy ? { decidedBy: issue.decidedBy } : {}) });
    case 'outside-ip-changed':
      return t(lang, 'add.verification.outside-ip-changed', { ip: issue.ip, result: issue.result, expected: issue.expected });
    case 'sample-ip-changed':
      return t(lang, 'add.verification.sample-ip-changed', { ip: issue.ip, result: issue.result, expected: issue.expected });
    case 'does-not-parse':
      return t(lang, 'add.verification.does-not-parse', { name: issue.name });
    case 'over-lookup-limit':
      return t(lang, 'add.verification.over-lookup-limit', { count: issue.count, limit: issue.limit });
    case 'not-verified':
      return issue.budget !== undefined
        ? t(lang, 'add.verification.not-verified-budget', { ip: issue.ip, name: issue.name, type: issue.type, limit: issue.budget })
        : t(lang, 'add.verification.not-verified', { ip: issue.ip, name: issue.name, type: issue.type });
    case 'void-limit':
      return t(lang, 'add.verification.void-limit', { ip: issue.ip, expected: issue.expected, names: issue.names, limit: issue.limit, ...(issue.term ? { term: issue.term } : {}) });
    default: {
      const never: never = issue;
      throw new Error(`unhandled verification issue ${String(never)}`);
    }
  }
}

/**
 * Why part of an include tree could not be read, counted or resolved to a fixed set of
 * addresses, in words: the one describer of the policy tree's problems (src/spf/policy-tree.ts)
 * and of what lookup counting and pass-range resolution add to them.
 */
export function describePolicyProblem(problem: StaticProblem | LookupProblem, lang: Lang): string {
  switch (problem.code) {
    case 'macro':
    case 'exists':
    case 'ptr':
      return t(lang, 'add.problem.per-message', { term: problem.term, domain: problem.domain });
    case 'pass-all':
      return t(lang, 'add.problem.pass-all', { term: problem.term, domain: problem.domain });
    case 'order-dependent':
      return t(lang, 'add.problem.order-dependent', { term: problem.term, domain: problem.domain });
    case 'no-record':
      return t(lang, 'add.problem.no-record', { domain: problem.domain });
    case 'multiple-records':
      return t(lang, 'add.problem.multiple-records', { domain: problem.domain, count: problem.count });
    case 'dns-error':
      return t(lang, 'add.problem.dns-error', { name: problem.name, answer: problem.answer });
    case 'syntax':
      return t(lang, 'add.problem.syntax', { domain: problem.domain });
    case 'loop':
      return t(lang, 'add.problem.loop', { domain: problem.domain });
    case 'too-deep':
      return t(lang, 'add.problem.too-deep', { domain: problem.domain });
    case 'budget':
      return t(lang, 'add.problem.budget', { domain: problem.domain, limit: MAX_NODES });
    case 'mx-limit':
      return t(lang, 'add.problem.mx-limit', { term: problem.term, domain: problem.domain, count: problem.count });
    case 'dynamic':
      return t(lang, 'add.problem.dynamic', { term: problem.term });
    default: {
      const never: never = problem;
      throw new Error(`unhandled problem ${String(never)}`);
    }
  }
}

/** Why an include's or mechanism's addresses are not a fixed set (flattening, test addresses). */
export const describeStaticProblem: (problem: StaticProblem, lang: Lang) => string = describePolicyProblem;

/** Why a lookup count is not exact. */
export const describeLookupProblem: (problem: LookupProblem, lang: Lang) => string = describePolicyProblem;
