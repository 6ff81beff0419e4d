/**
 * `POST /api/explain`: an SPF record in words, term by term — given as text, or the record a
 * domain publishes (fetched with the library's one §4.5 record-selection rule).
 */
import type { FastifyInstance } from 'fastify';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { type RecordExplanation, explainRecord } from '../spf/describe.ts';
import { canonicalDomain, domainProblem } from '../spf/domain.ts';
import { type FetchedRecord, fetchSpfRecord } from '../spf/fetch.ts';
import { type ServerContext, requestLang, requestResolver } from './context.ts';
import { InputError } from './errors.ts';
import { EXPLAIN_SCHEMA, type ExplainBody } from './schemas.ts';

type ProblemCode = 'nxdomain' | 'nodata' | 'no-spf' | 'multiple-records' | 'timeout' | 'servfail';

/** The `ExplainResponse` schema. */
export interface ExplainResponse {
  lang: Lang;
  domain?: string;
  record?: string;
  /** Set when `record` is cut to `RECORD_ECHO_LIMIT` characters: the record's own length. */
  recordLength?: number;
  /** Without `text`: the record is `record`, once (issue 17.1). */
  explanation?: Omit<RecordExplanation, 'text'>;
  problem?: { code: ProblemCode; message: string };
}

/**
 * The longest record echoed whole. A record fetched from DNS can be 64 KB; the explanation is
 * bounded (describe.ts), and so is this echo of it: 8 192 characters are under 50 KB of JSON
 * even when each is a control character (`\u0001`, six bytes).
 */
export const RECORD_ECHO_LIMIT = 8192;

/** The answer for a record: the record once (cut past `RECORD_ECHO_LIMIT`), the explanation without a copy of it. */
function explained(lang: Lang, domain: string | undefined, record: string): ExplainResponse {
  const { text, ...explanation } = explainRecord(record, { lang, ...(domain ? { domain } : {}) });
  const cut = text.length > RECORD_ECHO_LIMIT;
  return { lang, ...(domain ? { domain } : {}), record: cut ? text.slice(0, RECORD_ECHO_LIMIT) : text, ...(cut ? { recordLength: text.length } : {}), explanation };
}

/** Why a domain's record cannot be explained, in words (the sentences `spfkit explain` uses). */
function fetchProblem(found: Exclude<FetchedRecord, { kind: 'record' }>, lang: Lang): { code: ProblemCode; message: string } {
  const domain = found.domain;
  const ref = { domain, via: [] };
  switch (found.kind) {
    case 'none':
      return { code: found.dns, message: `${t(lang, 'spf.headline.none', { domain })} ${t(lang, `spf.reason.no-record-${found.dns}`, { domain })}` };
    case 'multiple':
      return { code: 'multiple-records', message: t(lang, 'spf.reason.multiple-records', { record: ref, count: found.count }) };
    case 'dns-error': {
      const params = { record: ref, name: domain, type: 'TXT', ...(found.detail ? { detail: found.detail } : {}) };
      return { code: found.answer, message: found.answer === 'timeout' ? t(lang, 'spf.reason.dns-timeout', params) : t(lang, 'spf.reason.dns-servfail', params) };
    }
    default: {
      const never: never = found;
      throw new Error(`unhandled fetch ${String(never)}`);
    }
  }
}

/** Registers `POST /api/explain`. */
export function explainRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: ExplainBody }>('/api/explain', { schema: EXPLAIN_SCHEMA }, async (request): Promise<ExplainResponse> => {
    const { record, lang: asked } = request.body;
    const lang = requestLang(request, asked);
    let domain: string | undefined;
    if (request.body.domain !== undefined) {
      domain = canonicalDomain(request.body.domain.trim());
      const problem = domainProblem(domain);
      if (problem !== undefined) {
        const words = t(lang, 'add.issue.bad-domain', { domain: request.body.domain, problem: t(lang, `spf.domain.${problem}`) });
        throw new InputError([{ field: 'domain', code: 'bad-domain', message: t(lang, 'spf.input.field', { name: 'domain', problem: words }) }]);
      }
    }
    if (record !== undefined) {
      return explained(lang, domain, record);
    }
    if (domain === undefined) throw new InputError([{ field: 'record', code: 'required', message: t(lang, 'api.explain.record-or-domain') }]);
    const resolver = requestResolver(ctx, request);
    const found = await fetchSpfRecord(resolver, domain);
    request.log.info({ explain: { domain, found: found.kind }, dns: resolver.stats }, 'explain');
    if (found.kind !== 'record') return { lang, domain, problem: fetchProblem(found, lang) };
    return explained(lang, domain, found.text);
  });
}
