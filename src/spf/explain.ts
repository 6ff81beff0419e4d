/**
 * A check result in words (English or Dutch): a headline on the outcome, the reason — the
 * deciding term, where it sits (through which include or redirect) and why it matched or
 * failed — and what to do. Made only from the typed result: `cause`, `matched` and the
 * `trace` (via `evaluationTree`); every sentence comes from the i18n catalogue.
 */
import { t } from '../i18n/catalog.ts';
import { type Lang, DEFAULT_LANG } from '../i18n/lang.ts';
import type { BranchCount, RecordRef, ResolverWords } from '../i18n/spf.en.ts';
import { issueMessage } from './describe.ts';
import { qualifierResult } from './qualifier.ts';
import { type TreeNode, type TreeTerm, branchLookups, evaluationTree } from './tree.ts';
import type { CheckInputIssue } from './evaluate.ts';
import type { SpfCause, SpfCheck, SpfProblem } from './types.ts';
import type { ResolverHealth } from '../dns/resolver-health.ts';

/** A `ResolverHealth` that says the resolver could not be reached. */
export type UnreachableResolver = Extract<ResolverHealth, { state: 'unreachable' }>;

export type { Lang } from '../i18n/lang.ts';

export interface ExplainOptions {
  /** Language of the text (default English). */
  lang?: Lang;
  /** The reverse-DNS name of the client IP, when known (see `lookupPtrName`). */
  ptrName?: string;
  /**
   * spfkit's own resolver could not be reached (see `unreachableResolver` in
   * src/app/resolver-state.ts): a temperror is then explained as that, not as the domain's DNS.
   */
  resolver?: UnreachableResolver;
}

export interface CheckExplanation {
  /** One sentence on the outcome, naming the domain and the client. */
  headline: string;
  /** Why: the deciding term or the error, where it is, and what it means. */
  reason: string;
  /** What the domain owner can do, when there is something to do. */
  advice?: string;
  /** `headline + ' ' + reason`. */
  summary: string;
  /** Each of `check.problems` in words, in its order (problems met that did not decide the result). */
  problems: string[];
}

/** The way from the checked record down to the record and term that decided. */
interface DecidingPath {
  /** The include/redirect terms followed, outermost first. */
  via: TreeTerm[];
  /** The record where the decision was made. */
  node: TreeNode;
  /** The deciding (matched or failing) term there; none when no term matched or the record itself failed. */
  term: TreeTerm | undefined;
}

/**
 * Follows the tree from the root: into an include or redirect that matched, or whose own
 * record ended in an error, until the term that decided.
 */
function decidingPath(root: TreeNode): DecidingPath {
  const via: TreeTerm[] = [];
  let node = root;
  for (;;) {
    // Evaluation stops at the first term that matches or errs, so there is at most one.
    const term = node.terms.find((t) => t.outcome !== 'no-match');
    if (!term) return { via, node, term: undefined };
    const child = term.child;
    if (child && (term.outcome === 'match' || child.result === 'permerror' || child.result === 'temperror')) {
      via.push(term);
      node = child;
      continue;
    }
    return { via, node, term };
  }
}

/**
 * Why a check could not run at all (see `validateCheckInput`), in words.
 *
 * @example
 * describeInputIssue({ field: 'ip', code: 'bad-ip', value: '1.2.3' }, 'nl') // '"1.2.3" is geen IPv4- of IPv6-adres'
 */
export function describeInputIssue(issue: CheckInputIssue, lang: Lang = DEFAULT_LANG): string {
  switch (issue.code) {
    case 'bad-ip':
      return t(lang, 'spf.input.bad-ip', { value: issue.value });
    case 'sender-without-domain':
      return t(lang, 'spf.input.sender-without-domain', { value: issue.value });
    case 'missing-helo':
      return t(lang, 'spf.input.missing-helo');
  }
}

/**
 * A problem met along a check (one that did not decide the result), in words.
 *
 * @example
 * describeProblem({ code: 'ptr-limit', domain: 'd.nl', ip: '192.0.2.1', count: 12, limit: 10 }, 'nl')
 * // '12 PTR-namen voor 192.0.2.1; alleen de eerste 10 worden gebruikt (RFC 7208 §4.6.4)'
 */
export function describeProblem(problem: SpfProblem, lang: Lang = DEFAULT_LANG): string {
  switch (problem.code) {
    case 'macro-truncated':
      return t(lang, 'spf.problem.macro-truncated', { spec: problem.spec, length: problem.length, name: problem.name });
    case 'ptr-limit':
      return t(lang, 'spf.problem.ptr-limit', { ip: problem.ip, count: problem.count, limit: problem.limit });
    case 'exp-multiple':
      return t(lang, 'spf.problem.exp-multiple', { target: problem.target, count: problem.count });
    case 'exp-syntax':
      return t(lang, 'spf.problem.exp-syntax', { target: problem.target, problem: issueMessage(problem.issue, lang) });
    case 'exp-failed':
      switch (problem.reason) {
        case 'not-expanded':
          return t(lang, 'spf.problem.exp-not-expanded', { target: problem.target });
        case 'bad-target':
          return t(lang, 'spf.problem.exp-bad-target', { target: problem.target });
        case 'no-txt':
          return t(lang, 'spf.problem.exp-no-txt', { target: problem.target, answer: problem.answer });
        case 'expansion-failed':
          return t(lang, 'spf.problem.exp-expansion-failed', { target: problem.target, cause: problem.cause });
        case 'too-long':
          return t(lang, 'spf.problem.exp-too-long', { target: problem.target, limit: problem.limit });
        default: {
          const never: never = problem;
          throw new Error(`unhandled exp problem ${String(never)}`);
        }
      }
    default:
      // A mechanism whose target is not a usable name, or a syntax issue of a record (ParseIssueCode).
      if ('target' in problem) return t(lang, 'spf.problem.target-unusable', { target: problem.target, problem: t(lang, `spf.domain.${problem.reason}`) });
      return issueMessage(problem, lang);
  }
}

/**
 * The lookups of a check that found nothing, as `name (TYPE)`: RFC 7208 §4.6.4's void
 * lookups are the address, MX and PTR lookups with no answer (TXT lookups are not counted).
 *
 * @example
 * voidLookupNames(check) // ['mx.prezentklant.nl (AAAA)', 'prezentklant.nl (AAAA)', 'smtp1.blueinkt.com (AAAA)']
 */
export function voidLookupNames(check: SpfCheck): string[] {
  const names: string[] = [];
  for (const step of check.trace) {
    if (step.type === 'query' && step.rrtype !== 'TXT' && (step.answer === 'nxdomain' || step.answer === 'nodata' || (step.answer === 'answer' && step.records?.length === 0))) {
      names.push(`${step.name} (${step.rrtype})`);
    }
  }
  return names;
}

/**
 * Explains a check in words: the outcome, the deciding term and where it sits, and what to
 * do. Covers every result and every cause; pass `ptrName` to show the client as
 * "5.255.64.53 (smtp1.blueinkt.com)".
 *
 * @example
 * const check = await evaluateSpf({ ip: '5.255.64.53', sender: 'info@example.com' }, { resolver });
 * const x = explainCheck(check, { lang: 'en', ptrName: 'smtp1.blueinkt.com' });
 * x.headline; // 'example.com has declared that it does not send mail through 5.255.64.53 (smtp1.blueinkt.com), …'
 * x.advice;   // 'To authorise this server, add … `ip4:5.255.64.53` or `a:smtp1.blueinkt.com` to the SPF record of example.com, before `-all`.'
 */
export function explainCheck(check: SpfCheck, options: ExplainOptions = {}): CheckExplanation {
  const lang = options.lang ?? DEFAULT_LANG;
  const host = options.ptrName ? `${check.ip} (${options.ptrName})` : check.ip;
  const down = check.result === 'temperror' ? options.resolver : undefined;
  const headline = down ? t(lang, 'spf.headline.resolver-unreachable', { domain: check.domain }) : explainHeadline(check, lang, host);
  const { reason, advice } = down
    ? { reason: t(lang, 'spf.reason.resolver-unreachable', { resolver: resolverWords(down), domain: check.domain }), advice: t(lang, 'spf.advice.resolver-unreachable') }
    : explainCause(check, lang, options.ptrName);
  const notes: string[] = [];
  if (check.overridesUsed.length > 0) notes.push(t(lang, 'spf.note.override', { domains: check.overridesUsed }));
  const fullReason = [reason, ...notes].join(' ');
  const explanation: CheckExplanation = { headline, reason: fullReason, summary: `${headline} ${fullReason}`, problems: check.problems.map((p) => describeProblem(p, lang)) };
  if (advice !== undefined) explanation.advice = advice;
  return explanation;
}

/** The parameters of the `spf.resolver.*` words. */
export function resolverWords(health: UnreachableResolver): ResolverWords {
  return { servers: health.servers, error: health.error, ...(health.detail === undefined ? {} : { detail: health.detail }) };
}

function explainHeadline(check: SpfCheck, lang: Lang, host: string): string {
  const domain = check.domain;
  switch (check.result) {
    case 'pass':
      return t(lang, 'spf.headline.pass', { domain, host });
    case 'fail':
      return t(lang, 'spf.headline.fail', { domain, host });
    case 'softfail':
      return t(lang, 'spf.headline.softfail', { domain, host });
    case 'neutral':
      return t(lang, 'spf.headline.neutral', { domain, host });
    case 'none':
      return check.cause.code === 'invalid-domain' ? t(lang, 'spf.headline.invalid-domain', { domain }) : t(lang, 'spf.headline.none', { domain });
    case 'temperror':
      return t(lang, 'spf.headline.temperror', { domain });
    case 'permerror':
      return t(lang, 'spf.headline.permerror', { domain });
    default: {
      const never: never = check.result;
      throw new Error(`unhandled result ${String(never)}`);
    }
  }
}

interface ReasonAndAdvice {
  reason: string;
  advice?: string;
}

function explainCause(check: SpfCheck, lang: Lang, ptrName: string | undefined): ReasonAndAdvice {
  const cause = check.cause;
  const root = evaluationTree(check.trace);
  const path = root ? decidingPath(root) : undefined;
  /** The record where the cause happened, with the way there when the path leads to it. */
  const refOf = (domain: string): RecordRef =>
    path && path.node.domain === domain ? { domain, via: path.via.map((v) => v.text) } : { domain, via: [] };
  const termOr = (fallback: string): string => path?.term?.text ?? fallback;

  switch (cause.code) {
    case 'matched':
      return explainMatch(check, lang, ptrName, root, path);
    case 'no-match': {
      const reason = [t(lang, 'spf.reason.no-match', { record: refOf(cause.domain), ip: check.ip }), ...includeNotes(check, lang, root, path)];
      const advice = [authoriseAdvice(check, lang, ptrName, undefined), t(lang, 'spf.advice.no-all', { domain: cause.domain })];
      return { reason: reason.join(' '), advice: advice.join(' ') };
    }
    case 'invalid-domain':
      return {
        reason: t(lang, 'spf.reason.invalid-domain', { domain: cause.domain, problem: t(lang, `spf.domain.${cause.reason}`) }),
        advice: t(lang, 'spf.advice.invalid-domain'),
      };
    case 'no-record': {
      const reason = t(lang, `spf.reason.no-record-${cause.dns}`, { domain: cause.domain });
      if (cause.dns === 'nxdomain') return { reason, advice: t(lang, 'spf.advice.invalid-domain') };
      return { reason, advice: t(lang, 'spf.advice.publish', { domain: cause.domain, example: `v=spf1 ${ptrName ? `a:${ptrName}` : ipTerm(check.ip)} ~all` }) };
    }
    case 'multiple-records':
      return {
        reason: t(lang, 'spf.reason.multiple-records', { record: refOf(cause.domain), count: cause.count }),
        advice: t(lang, 'spf.advice.multiple-records', { domain: cause.domain }),
      };
    case 'syntax': {
      const [first] = cause.issues;
      const problem = first ? issueMessage(first, lang) : '';
      return {
        reason: t(lang, 'spf.reason.syntax', {
          record: refOf(cause.domain),
          column: (first?.span.start ?? 0) + 1,
          problem,
          more: Math.max(0, cause.issues.length - 1),
        }),
        advice: t(lang, 'spf.advice.syntax', { domain: cause.domain }),
      };
    }
    case 'dns-error': {
      const params = { record: refOf(cause.domain), name: cause.name, type: cause.type, ...(cause.detail ? { detail: cause.detail } : {}) };
      if (cause.budget !== undefined) {
        // The caller's budget (a public server's per-request cap), not the domain's DNS (issue 17.8).
        const reason = t(lang, 'spf.reason.dns-budget', { record: refOf(cause.domain), name: cause.name, type: cause.type, limit: cause.budget });
        return { reason, advice: t(lang, 'spf.advice.dns-budget') };
      }
      const reason =
        cause.answer === 'servfail' ? t(lang, 'spf.reason.dns-servfail', params) : cause.refused ? t(lang, 'spf.reason.dns-refused', params) : t(lang, 'spf.reason.dns-timeout', params);
      return { reason, advice: t(lang, 'spf.advice.temperror', { name: cause.name }) };
    }
    case 'lookup-limit': {
      const branches: BranchCount[] = [];
      for (const term of root?.terms ?? []) if (term.child) branches.push({ term: term.text, count: 1 + branchLookups(term.child) });
      return {
        reason: t(lang, 'spf.reason.lookup-limit', {
          domain: check.domain,
          record: refOf(cause.domain),
          term: termOr(''),
          count: check.lookups.terms,
          limit: cause.limit,
        }),
        advice: t(lang, 'spf.advice.lookup-limit', { limit: cause.limit, branches }),
      };
    }
    case 'void-limit': {
      return {
        reason: t(lang, 'spf.reason.void-limit', { record: refOf(cause.domain), term: termOr(''), limit: cause.limit, names: voidLookupNames(check) }),
        advice: t(lang, 'spf.advice.void-limit'),
      };
    }
    case 'mx-limit': {
      const term = termOr('mx');
      return {
        reason: t(lang, 'spf.reason.mx-limit', {
          record: refOf(cause.domain),
          term,
          target: path?.term?.target ?? cause.domain,
          count: cause.count,
          limit: cause.limit,
        }),
        advice: t(lang, 'spf.advice.mx-limit', { term }),
      };
    }
    case 'include-none': {
      const term = termOr(`include:${cause.target}`);
      return {
        reason: t(lang, 'spf.reason.include-none', { record: refOf(cause.domain), term, target: cause.target }),
        advice: t(lang, 'spf.advice.include-none', { term, target: cause.target }),
      };
    }
    case 'redirect-none': {
      const term = termOr(`redirect=${cause.target}`);
      return {
        reason: t(lang, 'spf.reason.redirect-none', { record: refOf(cause.domain), term, target: cause.target }),
        advice: t(lang, 'spf.advice.redirect-none', { term, target: cause.target }),
      };
    }
    case 'invalid-target': {
      const term = termOr(cause.target);
      return {
        reason: t(lang, 'spf.reason.invalid-target', {
          record: refOf(cause.domain),
          term,
          target: cause.target,
          problem: t(lang, `spf.domain.${cause.reason}`),
        }),
        advice: t(lang, 'spf.advice.invalid-target', { term }),
      };
    }
    case 'macro-too-long': {
      const term = termOr('');
      return {
        reason: t(lang, 'spf.reason.macro-too-long', { record: refOf(cause.domain), term, limit: cause.limit }),
        advice: t(lang, 'spf.advice.macro-too-long', { term }),
      };
    }
    default: {
      const never: never = cause;
      throw new Error(`unhandled cause ${String((never as SpfCause).code)}`);
    }
  }
}

/** A term that would authorise the client's address. */
function ipTerm(ip: string): string {
  return ip.includes(':') ? `ip6:${ip}` : `ip4:${ip}`;
}

/** "add your provider's include, ip4:… or a:… to the record of <domain>[, before -all]". */
function authoriseAdvice(check: SpfCheck, lang: Lang, ptrName: string | undefined, before: string | undefined): string {
  const params: { domain: string; ipTerm: string; aTerm?: string; before?: string } = { domain: check.domain, ipTerm: ipTerm(check.ip) };
  if (ptrName) params.aTerm = `a:${ptrName}`;
  if (before) params.before = before;
  return t(lang, 'spf.advice.authorise', params);
}

/**
 * For every include met on the way that did not match although its record "failed":
 * only a pass inside an include is a match (RFC 7208 §5.2), a common surprise.
 */
function includeNotes(check: SpfCheck, lang: Lang, root: TreeNode | undefined, path: DecidingPath | undefined): string[] {
  if (!root) return [];
  const nodes = [root, ...(path?.via.map((v) => v.child).filter((n): n is TreeNode => n !== undefined) ?? [])];
  const notes: string[] = [];
  for (const node of nodes) {
    for (const term of node.terms) {
      const child = term.child;
      if (term.kind !== 'include' || term.outcome !== 'no-match' || !child) continue;
      if (child.result !== 'fail' && child.result !== 'softfail' && child.result !== 'neutral') continue;
      const params: { term: string; target: string; ip: string; result: string; decidedBy?: string } = {
        term: term.text,
        target: child.domain,
        ip: check.ip,
        result: child.result,
      };
      const decidedBy = child.terms.find((ct) => ct.outcome === 'match');
      if (decidedBy) params.decidedBy = decidedBy.text;
      notes.push(t(lang, 'spf.note.include-no-match', params));
    }
  }
  return notes;
}

function explainMatch(
  check: SpfCheck,
  lang: Lang,
  ptrName: string | undefined,
  root: TreeNode | undefined,
  path: DecidingPath | undefined,
): ReasonAndAdvice {
  const leaf = path?.term;
  const record: RecordRef = path ? { domain: path.node.domain, via: path.via.map((v) => v.text) } : { domain: check.domain, via: [] };
  const termText = leaf?.text ?? check.matched?.text ?? '';
  const kind = leaf?.kind ?? check.matched?.kind ?? 'all';
  const target = leaf?.target ?? record.domain;
  const ip = check.ip;
  const parts: string[] = [];

  switch (kind) {
    case 'all': {
      const p = { record, term: termText, ip };
      const leafResult = qualifierResult(termText);
      switch (leafResult) {
        case 'pass':
          parts.push(t(lang, 'spf.reason.all-pass', p));
          break;
        case 'fail':
          parts.push(t(lang, 'spf.reason.all-fail', p));
          break;
        case 'softfail':
          parts.push(t(lang, 'spf.reason.all-softfail', p));
          break;
        case 'neutral':
          parts.push(t(lang, 'spf.reason.all-neutral', p));
          break;
        default: {
          const never: never = leafResult;
          throw new Error(`unhandled qualifier ${String(never)}`);
        }
      }
      break;
    }
    case 'a':
    case 'mx': {
      // A domain-spec cannot contain "/", so any "/" starts the dual-cidr-length (§5.6).
      const widened = termText.includes('/');
      const why = kind === 'a' ? t(lang, 'spf.why.a', { target, widened }) : t(lang, 'spf.why.mx', { target, widened });
      parts.push(t(lang, 'spf.reason.matched', { record, term: termText, ip, why }));
      break;
    }
    case 'ptr':
      parts.push(t(lang, 'spf.reason.matched', { record, term: termText, ip, why: t(lang, 'spf.why.ptr', { target }) }));
      break;
    case 'exists':
      parts.push(t(lang, 'spf.reason.matched', { record, term: termText, ip, why: t(lang, 'spf.why.exists', { target }) }));
      break;
    case 'ip4':
    case 'ip6':
    case 'include':
    case 'redirect':
      parts.push(t(lang, 'spf.reason.matched', { record, term: termText, ip }));
      break;
    default: {
      const never: never = kind;
      throw new Error(`unhandled term kind ${String(never)}`);
    }
  }

  // A qualifier on the include itself turns the inner pass into the check's result.
  const matched = check.matched;
  if (matched && matched.kind === 'include' && matched.qualifier !== '+') {
    parts.push(t(lang, 'spf.note.qualified-include', { term: matched.text, result: check.result }));
  }
  if (check.result !== 'pass') parts.push(...includeNotes(check, lang, root, path));
  if (check.explanation !== undefined) parts.push(t(lang, 'spf.note.exp', { domain: matched?.domain ?? check.domain, text: check.explanation }));

  let advice: string | undefined;
  if (check.result === 'pass') {
    if (kind === 'all') advice = t(lang, 'spf.advice.plus-all', { domain: record.domain, term: termText });
    else if (kind === 'ptr') advice = t(lang, 'spf.advice.ptr', { term: termText });
  } else if (kind === 'all') {
    // "before -all" only when the deciding `all` is in the checked domain's own record.
    advice = authoriseAdvice(check, lang, ptrName, path?.via.length === 0 ? termText : undefined);
  }
  // A server excluded by name (`-ip4:…`, `-a:…`) was refused on purpose: no advice to add it.
  const result: ReasonAndAdvice = { reason: parts.join(' ') };
  if (advice !== undefined) result.advice = advice;
  return result;
}
