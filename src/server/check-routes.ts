/**
 * `POST /api/check` and `GET /api/why`: check_host() for an IP and an identity, with the
 * evaluation tree and the explanation in words. Input → library → JSON; the rules live in
 * the library (`validateCheckInput`, `isSpfRecordText`, `domainProblem`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkHost } from '../index.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/catalog.ts';
import { lookupPtrName } from '../spf/describe.ts';
import { canonicalDomain, domainProblem } from '../spf/domain.ts';
import { type CheckInput, validateCheckInput } from '../spf/evaluate.ts';
import { type CheckExplanation, type UnreachableResolver, describeInputIssue, explainCheck } from '../spf/explain.ts';
import { unreachableResolver } from '../app/resolver-state.ts';
import { isSpfRecordText } from '../spf/parse.ts';
import { type TreeNode, evaluationTree } from '../spf/tree.ts';
import type { SpfCheck } from '../spf/types.ts';
import { parseWhyQuery } from '../app/why-link.ts';
import { type ServerContext, requestLang, requestResolver } from './context.ts';
import { type InputIssue, InputError } from './errors.ts';
import { CHECK_SCHEMA, type CheckBody, WHY_SCHEMA, type WhyQuery } from './schemas.ts';

/** The `CheckResponse` schema. */
export interface CheckResponse {
  check: SpfCheck;
  tree?: TreeNode;
  explanation: CheckExplanation;
  ptrName?: string;
  /** spfkit's own resolver, when it is what made the check a temperror. */
  resolver?: UnreachableResolver;
  lang: Lang;
}

/** Candidate records by domain: `overrides` checked, with `policy` as the record of the checked domain. */
function candidateRecords(domain: string, policy: string | undefined, overrides: Record<string, string> | undefined, lang: Lang): Map<string, string> | undefined {
  const issues: InputIssue[] = [];
  const records = new Map<string, string>();
  for (const [name, record] of Object.entries(overrides ?? {})) {
    const field = `overrides.${name}`;
    const problem = domainProblem(name);
    if (problem !== undefined) {
      const words = t(lang, 'add.issue.bad-domain', { domain: name, problem: t(lang, `spf.domain.${problem}`) });
      issues.push({ field, code: 'bad-domain', message: t(lang, 'spf.input.field', { name: field, problem: words }) });
    } else if (record.trim() !== '' && !isSpfRecordText(record.trim())) {
      issues.push({ field, code: 'not-spf', message: t(lang, 'spf.input.not-spf-or-empty', { name: field }) });
    } else {
      records.set(canonicalDomain(name), record.trim());
    }
  }
  if (policy !== undefined) {
    if (!isSpfRecordText(policy.trim())) issues.push({ field: 'policy', code: 'not-spf', message: t(lang, 'spf.input.not-spf', { name: 'policy' }) });
    else records.set(canonicalDomain(domain), policy.trim());
  }
  if (issues.length > 0) throw new InputError(issues);
  return records.size > 0 ? records : undefined;
}

/** Runs one check for a request: validated input, one budgeted resolver, the PTR name beside it; candidate records and the receiver's name (%{r}) when given. */
async function runCheck(
  ctx: ServerContext,
  request: FastifyRequest,
  input: CheckInput,
  lang: Lang,
  candidates: { policy?: string; overrides?: Record<string, string>; receiver?: string } = {},
  fieldName: (field: 'ip' | 'sender' | 'helo') => string = (field) => field,
): Promise<CheckResponse> {
  const valid = validateCheckInput(input);
  if (!valid.ok) {
    throw new InputError(
      valid.issues.map((i) => {
        const problem = describeInputIssue(i, lang);
        return { field: fieldName(i.field), code: i.code, message: t(lang, 'spf.input.field', { name: fieldName(i.field), problem }), problem };
      }),
    );
  }
  const overrides = candidateRecords(valid.value.domain, candidates.policy, candidates.overrides, lang);
  const resolver = requestResolver(ctx, request);
  // The PTR name only decorates the explanation; it is looked up beside the check, within the same budget.
  const [check, ptrName] = await Promise.all([
    checkHost(input, { resolver, records: ctx.records, ...(overrides ? { overrides } : {}), ...(candidates.receiver !== undefined ? { receiver: candidates.receiver } : {}) }),
    lookupPtrName(resolver, input.ip),
  ]);
  const down = await unreachableResolver(check, ctx.probe);
  request.log.info({ spf: { result: check.result, domain: check.domain, cause: check.cause.code, lookups: check.lookups.terms }, dns: resolver.stats, ...(down ? { resolver: down } : {}) }, 'spf check');
  const response: CheckResponse = { check, explanation: explainCheck(check, { lang, ...(ptrName ? { ptrName } : {}), ...(down ? { resolver: down } : {}) }), lang };
  if (down) response.resolver = down;
  const tree = evaluationTree(check.trace);
  if (tree) response.tree = tree;
  if (ptrName) response.ptrName = ptrName;
  return response;
}

/** The raw query string of a request, for openspf's `;`-separated permalinks. */
function rawQuery(request: FastifyRequest): string {
  const url = request.raw.url ?? '';
  const q = url.indexOf('?');
  return q === -1 ? '' : url.slice(q + 1);
}

/** Registers `POST /api/check` and `GET /api/why`. */
export function checkRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: CheckBody }>('/api/check', { schema: CHECK_SCHEMA }, async (request) => {
    const { ip, sender, helo, policy, overrides, lang } = request.body;
    return runCheck(ctx, request, { ip, sender, helo: helo ?? '' }, requestLang(request, lang), {
      ...(policy !== undefined ? { policy } : {}),
      ...(overrides !== undefined ? { overrides } : {}),
    });
  });

  app.get<{ Querystring: WhyQuery }>(
    '/api/why',
    {
      schema: WHY_SCHEMA,
      // Our names and openspf's (`s`, `id`, `r`), `;` or `&` between them: src/app/why-link.ts.
      preValidation: async (request) => {
        request.query = parseWhyQuery(rawQuery(request)) as unknown as WhyQuery;
      },
    },
    async (request) => {
      const { scope, identity, ip, lang, receiver } = request.query;
      const input: CheckInput = scope === 'helo' ? { ip, sender: '', helo: identity } : { ip, sender: identity, helo: '' };
      // The receiver only feeds %{r}; RFC 7208 §7.3 says "unknown" when no domain name is at hand.
      const options = receiver !== undefined && domainProblem(receiver) === undefined ? { receiver } : {};
      // The permalink's identity is the sender or the HELO name: issues name the parameter.
      return runCheck(ctx, request, input, requestLang(request, lang), options, (field) => (field === 'ip' ? 'ip' : 'identity'));
    },
  );
}
