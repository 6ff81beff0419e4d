/**
 * `GET /api/providers` and `POST /api/add`: the provider catalogue, and a plan for adding a
 * sending service to a domain's SPF record (`addSender`) with the forms to publish it in.
 */
import type { FastifyInstance } from 'fastify';
import { type AddPlan, addSender } from '../record/add.ts';
import { type Provider, type ProviderCatalogue, findProvider } from '../record/providers.ts';
import { type PublishForms, publishForms } from '../record/publish.ts';
import type { AddIssue } from '../record/reasons.ts';
import { type PlanWords, describePlan } from '../record/words.ts';
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

/** The issues of a blocked plan that are about the request, by field; the others are the domain's state. */
function inputIssue(issue: AddIssue, mechanismField: 'mechanism' | 'provider'): InputIssue | undefined {
  const field = mechanismField;
  switch (issue.code) {
    case 'mechanism-syntax':
      return { field, code: issue.code, message: `field "${field}": "${issue.text}" is not a valid mechanism: ${issue.issues.map((i) => i.message).join('; ')}` };
    case 'mechanism-not-one-term':
      return { field, code: issue.code, message: `field "${field}": give exactly one mechanism, got ${issue.count} in "${issue.text}"` };
    case 'mechanism-is-modifier':
      return { field, code: issue.code, message: `field "${field}": "${issue.text}" is a modifier, not a sender` };
    case 'mechanism-is-all':
      return { field, code: issue.code, message: `field "${field}": "all" is not a sender` };
    case 'mechanism-not-pass':
      return { field, code: issue.code, message: `field "${field}": "${issue.text}" has the qualifier "${issue.qualifier}", which would not authorise the sender` };
    case 'bad-domain':
      return { field: 'domain', code: issue.code, message: `field "domain": "${issue.domain}" is not a usable domain name (${issue.reason})` };
    case 'bad-test-ip':
      return { field: 'testIps', code: issue.code, message: `field "testIps": "${issue.ip}" is not an IPv4 or IPv6 address` };
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
    if ((body.provider === undefined) === (body.mechanism === undefined)) {
      const both = body.provider !== undefined;
      throw new InputError([
        { field: both ? 'mechanism' : 'provider', code: both ? 'exclusive' : 'required', message: both ? 'give field "provider" or field "mechanism", not both' : 'give field "provider" (an id from /api/providers) or field "mechanism"' },
      ]);
    }
    if (body.domain === undefined && body.record === undefined) {
      throw new InputError([{ field: 'domain', code: 'required', message: 'give field "domain", field "record" (the record to start from), or both' }]);
    }
    let provider: Provider | undefined;
    if (body.provider !== undefined) {
      provider = findProvider(catalogue, body.provider);
      if (!provider) {
        throw new InputError([{ field: 'provider', code: 'unknown-provider', message: `field "provider": unknown provider "${body.provider}" (known: ${catalogue.providers.map((p) => p.id).join(', ')})` }]);
      }
    }
    const mechanism = provider?.mechanism ?? body.mechanism ?? '';
    const testIps = body.testIps ?? provider?.testIps ?? [];
    const lang = requestLang(request, body.lang);
    const resolver = requestResolver(ctx);
    const plan = await addSender(
      { domain: body.domain ?? NO_DOMAIN, mechanism, testIps, ...(body.record !== undefined ? { record: body.record } : {}) },
      { resolver, allPolicy: body.keepNoAll === true ? 'keep' : 'add-softfail' },
    );
    request.log.info({ add: { domain: plan.domain, status: plan.status }, dns: resolver.stats }, 'add sender');
    if (plan.status === 'blocked') {
      const issues = plan.issues.map((i) => inputIssue(i, provider ? 'provider' : 'mechanism')).filter((i): i is InputIssue => i !== undefined);
      if (issues.length > 0) throw new InputError(issues);
      return { plan, ...(provider ? { provider } : {}), messages: describePlan(plan, lang) };
    }
    const owner = body.domain === undefined ? '@' : plan.domain;
    const options = body.ttl === undefined ? {} : { ttl: body.ttl };
    const publish = { main: publishForms(owner, plan.after.record, options), subRecords: plan.subRecords.map((s) => publishForms(s.name, s.record, options)) };
    return { plan, publish, ...(provider ? { provider } : {}), messages: describePlan(plan, lang) };
  });
}
