/**
 * `GET /api/providers` and `POST /api/add`: the provider catalogue, and a plan for adding a
 * sending service to a domain's SPF record (`addSender`) with the forms to publish it in.
 */
import type { FastifyInstance } from 'fastify';
import { type AddPlan, addSender } from '../record/add.ts';
import { type Provider, type ProviderCatalogue, findProvider } from '../record/providers.ts';
import { type PublishForms, publishForms } from '../record/publish.ts';
import type { AddIssue } from '../record/reasons.ts';
import { type PlanWords, describeIssue, describePlan } from '../record/words.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { type ServerContext, requestLang, requestResolver } from './context.ts';
import { type InputIssue, InputError } from './errors.ts';
import { ADD_SCHEMA, type AddBody, PROVIDERS_SCHEMA } from './schemas.ts';

/** The `AddResponse` schema. */
export interface AddResponse {
  plan: AddPlan;
  publish?: { main: PublishForms; subRecords: PublishForms[] };
  provider?: Provider;
  /** The plan's reasons, warnings and blocking issues in words, in the request's language. */
  messages: PlanWords;
}

/** Used when only a record is given: RFC 6761 guarantees .invalid names do not exist (as `spfkit add`). */
const NO_DOMAIN = 'example.invalid';

/** The issues of a blocked plan that are about the request, by field, in words; the others are the domain's state. */
function inputIssue(issue: AddIssue, mechanismField: 'mechanism' | 'provider', lang: Lang): InputIssue | undefined {
  const field = issue.code === 'bad-domain' ? 'domain' : issue.code === 'bad-test-ip' ? 'testIps' : mechanismField;
  switch (issue.code) {
    case 'mechanism-syntax':
    case 'mechanism-not-one-term':
    case 'mechanism-is-modifier':
    case 'mechanism-is-all':
    case 'mechanism-not-pass':
    case 'bad-domain':
    case 'bad-test-ip': {
      const problem = describeIssue(issue, lang);
      return { field, code: issue.code, message: t(lang, 'spf.input.field', { name: field, problem }), problem };
    }
    case 'record-syntax':
    case 'multiple-records':
    case 'dns-error':
      return undefined;
    default: {
      const never: never = issue;
      throw new Error(`unhandled issue ${String(never)}`);
    }
  }
}

/** Registers `GET /api/providers`. */
export function providersRoute(app: FastifyInstance, catalogue: ProviderCatalogue): void {
  app.get('/api/providers', { schema: PROVIDERS_SCHEMA }, async () => catalogue);
}

/** Registers `POST /api/add`. */
export function addRoute(app: FastifyInstance, ctx: ServerContext, catalogue: ProviderCatalogue): void {
  app.post<{ Body: AddBody }>('/api/add', { schema: ADD_SCHEMA }, async (request): Promise<AddResponse> => {
    const body = request.body;
    const lang = requestLang(request, body.lang);
    if ((body.provider === undefined) === (body.mechanism === undefined)) {
      const both = body.provider !== undefined;
      throw new InputError([{ field: both ? 'mechanism' : 'provider', code: both ? 'exclusive' : 'required', message: t(lang, both ? 'api.add.not-both' : 'api.add.provider-or-mechanism') }]);
    }
    if (body.domain === undefined && body.record === undefined) {
      throw new InputError([{ field: 'domain', code: 'required', message: t(lang, 'api.add.domain-or-record') }]);
    }
    let provider: Provider | undefined;
    if (body.provider !== undefined) {
      provider = findProvider(catalogue, body.provider);
      if (!provider) {
        const problem = t(lang, 'usage.sender.unknown-provider', { text: body.provider, known: catalogue.providers.map((p) => p.id) });
        throw new InputError([{ field: 'provider', code: 'unknown-provider', message: t(lang, 'spf.input.field', { name: 'provider', problem }), problem }]);
      }
    }
    const mechanism = provider?.mechanism ?? body.mechanism ?? '';
    const testIps = body.testIps ?? provider?.testIps ?? [];
    const resolver = requestResolver(ctx, request, ctx.limits.addMaxQueries);
    const plan = await addSender(
      { domain: body.domain ?? NO_DOMAIN, mechanism, testIps, ...(body.record !== undefined ? { record: body.record } : {}) },
      { resolver, allPolicy: body.keepNoAll === true ? 'keep' : 'add-softfail' },
    );
    request.log.info({ add: { domain: plan.domain, status: plan.status }, dns: resolver.stats }, 'add sender');
    if (plan.status === 'blocked') {
      const issues = plan.issues.map((i) => inputIssue(i, provider ? 'provider' : 'mechanism', lang)).filter((i): i is InputIssue => i !== undefined);
      if (issues.length > 0) throw new InputError(issues);
      return { plan, ...(provider ? { provider } : {}), messages: describePlan(plan, lang) };
    }
    // Sub-records are named under the domain (`_spf.<domain>`): without it there is nothing
    // that could be published, only placeholders — ask for the domain (as the CLI does).
    if (body.domain === undefined && plan.subRecords.length > 0) {
      throw new InputError([{ field: 'domain', code: 'required', message: t(lang, 'api.add.needs-domain') }]);
    }
    const owner = body.domain === undefined ? '@' : plan.domain;
    const options = body.ttl === undefined ? {} : { ttl: body.ttl };
    const publish = { main: publishForms(owner, plan.after.record, options), subRecords: plan.subRecords.map((s) => publishForms(s.name, s.record, options)) };
    return { plan, publish, ...(provider ? { provider } : {}), messages: describePlan(plan, lang) };
  });
}
