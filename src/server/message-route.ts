/**
 * `POST /api/message`: the verdict on a received message (issue 13.3) — the raw message as the
 * body (`message/rfc822`, `text/plain` or `application/octet-stream`), the SMTP client in the
 * query (`ip`, `helo`, `mailFrom`, `traceHeaders`). The use case is src/app/message.ts, as for
 * `spfkit message`. A body over `MESSAGE_SIZE_LIMIT` is a 413 that says the limit.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkMessage, describeMessage, describeRefusal, MESSAGE_SIZE_LIMIT } from '../app/message.ts';
import { t } from '../i18n/catalog.ts';
import { isLang, type Lang } from '../i18n/lang.ts';
import type { MessageEvaluation } from '../verdict/message.ts';
import { type ServerContext, requestLang, requestResolver } from './context.ts';
import { HttpError } from './errors.ts';

interface MessageQuery {
  ip?: string;
  helo?: string;
  mailFrom?: string;
  traceHeaders?: boolean;
  lang?: Lang;
}

/** The response: the evaluation as data, and the same verdict in words. */
export interface MessageResponse {
  lang: Lang;
  evaluation: MessageEvaluation;
  lines: string[];
}

const MESSAGE_SCHEMA = {
  summary: 'Verify a received message: DKIM signatures, SPF for the client, DMARC, Authentication-Results',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ip: { type: 'string', maxLength: 64 },
      helo: { type: 'string', maxLength: 255 },
      mailFrom: { type: 'string', maxLength: 512 },
      traceHeaders: { type: 'boolean' },
      lang: { type: 'string', enum: ['en', 'nl'] },
    },
  },
} as const;

const TYPES = ['message/rfc822', 'text/plain', 'application/octet-stream'];

/** Registers the route; `fallback` is the server's error handler for everything but the size refusal. */
export function messageRoute(app: FastifyInstance, ctx: ServerContext, fallback: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(TYPES, { parseAs: 'buffer', bodyLimit: MESSAGE_SIZE_LIMIT }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return fallback(error, request, reply);
      const asked = (request.query as MessageQuery | undefined)?.lang;
      const lang = requestLang(request, asked !== undefined && isLang(asked) ? asked : undefined);
      const bytes = Number(request.headers['content-length'] ?? MESSAGE_SIZE_LIMIT + 1);
      return fallback(new HttpError(413, 'body-too-large', t(lang, 'message.too-large', { bytes, limit: MESSAGE_SIZE_LIMIT })) as unknown as FastifyError, request, reply);
    });
    scope.post<{ Querystring: MessageQuery; Body: Buffer }>('/api/message', { schema: MESSAGE_SCHEMA, bodyLimit: MESSAGE_SIZE_LIMIT }, async (request): Promise<MessageResponse> => {
      const lang = requestLang(request, request.query.lang);
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new HttpError(415, 'unsupported-media-type', t(lang, 'api.media-type'));
      const { ip, helo, mailFrom, traceHeaders } = request.query;
      // DKIM keys, SPF and the DMARC walks of several domains: twice a check's budget.
      const resolver = requestResolver(ctx, request, ctx.limits.maxQueries * 2);
      const check = await checkMessage(
        body,
        { ...(ip === undefined ? {} : { ip }), ...(helo === undefined ? {} : { helo }), ...(mailFrom === undefined ? {} : { mailFrom }) },
        { resolver, now: Date.now(), traceHeaders: traceHeaders === true },
      );
      if (!check.ok) throw new HttpError(check.code === 'too-large' ? 413 : 400, check.code === 'too-large' ? 'body-too-large' : 'empty-message', describeRefusal(check, lang));
      return { lang, evaluation: check.evaluation, lines: describeMessage(check.evaluation, lang) };
    });
  });
}
