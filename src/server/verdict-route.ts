/**
 * `POST /api/verdict`: will this mail be accepted? The use case of src/app/verdict.ts within
 * an audit-sized DNS budget; input errors name the body field.
 */
import type { FastifyInstance } from 'fastify';
import { verdictReport, type VerdictReport } from '../app/verdict.ts';
import type { ProviderCatalogue } from '../record/providers.ts';
import { VerdictInputError } from '../verdict/predict.ts';
import { describeVerdictInputIssue } from '../verdict/words.ts';
import { type ServerContext, requestLang, requestResolver } from './context.ts';
import { InputError } from './errors.ts';
import { VERDICT_SCHEMA, type VerdictBody } from './verdict-schemas.ts';

/** Registers `POST /api/verdict`. */
export function verdictRoute(app: FastifyInstance, ctx: ServerContext, catalogue: ProviderCatalogue): void {
  const known = catalogue.providers.map((p) => p.id);
  app.post<{ Body: VerdictBody }>('/api/verdict', { schema: VERDICT_SCHEMA }, async (request): Promise<VerdictReport> => {
    const body = request.body;
    const lang = requestLang(request, body.lang);
    const resolver = requestResolver(ctx, request, ctx.limits.auditMaxQueries);
    const input = { ip: body.ip, helo: body.helo ?? '', mailFrom: body.mailFrom ?? '', fromDomain: body.fromDomain, dkim: body.dkim ?? [], ...(body.provider ? { provider: body.provider } : {}) };
    try {
      const report = await verdictReport(input, { resolver, catalogue, lang });
      request.log.info({ verdict: { from: report.prediction.from.domain, dmarc: report.prediction.dmarc.result, spf: report.prediction.spf.result }, dns: resolver.stats }, 'verdict');
      return report;
    } catch (error) {
      if (!(error instanceof VerdictInputError)) throw error;
      const field = (name: string, index?: number): string => (index === undefined ? name : `${name}[${index}]`);
      throw new InputError(error.issues.map((issue) => ({ field: field(issue.field, issue.index), code: issue.code, message: describeVerdictInputIssue(issue, lang, field, known) })));
    }
  });
}
