/**
 * `GET /api/audit/:domain?selectors=a,b&lang=`: the domain audit (SPF with its include tree,
 * DKIM, DMARC, MX; findings in words, verdicts, a grade), within an audit-sized DNS budget.
 */
import type { FastifyInstance } from 'fastify';
import { AuditInputError, auditDomain } from '../audit/audit.ts';
import type { AuditResult } from '../audit/types.ts';
import { type ProviderCatalogue, catalogueSelectors } from '../record/providers.ts';
import { t } from '../i18n/catalog.ts';
import { type ServerContext, requestLang, requestResolver } from './context.ts';
import { InputError } from './errors.ts';
import { AUDIT_SCHEMA, type AuditParams, type AuditQuery, MAX_SELECTORS } from './schemas.ts';

/** Registers `GET /api/audit/:domain`. */
export function auditRoute(app: FastifyInstance, ctx: ServerContext, catalogue: ProviderCatalogue): void {
  // Without ?selectors=, the common selectors and the catalogue's are probed.
  const probeSelectors = catalogueSelectors(catalogue);
  app.get<{ Params: AuditParams; Querystring: AuditQuery }>('/api/audit/:domain', { schema: AUDIT_SCHEMA }, async (request): Promise<AuditResult> => {
    const lang = requestLang(request, request.query.lang);
    const selectors = (request.query.selectors ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (selectors.length > MAX_SELECTORS) {
      const subject = t(lang, 'api.subject.query', { name: 'selectors' });
      throw new InputError([{ field: 'selectors', code: 'maxItems', message: t(lang, 'api.audit.max-selectors', { subject, limit: MAX_SELECTORS, count: selectors.length }) }]);
    }
    const resolver = requestResolver(ctx, request, ctx.limits.auditMaxQueries);
    try {
      const result = await auditDomain(request.params.domain, { resolver, selectors, probeSelectors, lang, ...(ctx.probe ? { probe: ctx.probe } : {}) });
      request.log.info({ audit: { domain: result.domain, grade: result.grade }, dns: resolver.stats }, 'audit');
      return result;
    } catch (error) {
      if (error instanceof AuditInputError) {
        const words = t(lang, 'add.issue.bad-domain', { domain: error.domain, problem: t(lang, `spf.domain.${error.problem}`) });
        throw new InputError([{ field: 'domain', code: 'bad-domain', message: `${t(lang, 'api.subject.path', { name: 'domain' })}: ${words}` }]);
      }
      throw error;
    }
  });
}
