/**
 * Errors at the HTTP edge: every error response has the shape of the `Error` schema
 * (`{ error, message, requestId, issues? }`), input errors name the field, and no response
 * ever carries a stack trace — a 500 says only "internal error" and the request id, while
 * the details go to the log.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../i18n/catalog.ts';
import { type Lang, DEFAULT_LANG, detectLang, isLang } from '../i18n/lang.ts';
import { DnsAllowanceError } from './context.ts';
import { ForbiddenKeyError } from './json-body.ts';

/** One problem with the request, naming the field (`ip`, `overrides.example.com`, `body`). */
export interface InputIssue {
  field: string;
  code: string;
  message: string;
  /** What is wrong with the value, without naming the field (for a form that marks the field itself). */
  problem?: string;
}

/** The `Error` schema. */
export interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  issues?: InputIssue[];
}

/**
 * Thrown by route handlers for input that passed the schema but not the library's rules
 * (an unusable IP, a policy that is not SPF …); answered 400 with the issues.
 *
 * @example
 * throw new InputError([{ field: 'policy', code: 'not-spf', message: 'policy must start with "v=spf1"' }]);
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => i.message).join('; '));
  }
}

/**
 * Thrown by route handlers and hooks for an answer other than 400 that is the client's or
 * the set-up's (401 no token, 404 not watched, 503 store unavailable), already in words.
 *
 * @example
 * throw new HttpError(401, 'unauthorized', t(lang, 'monitor.api.token-missing'));
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One Ajv error as Fastify hands it over. */
interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** `/overrides/example.com` → `overrides.example.com` (JSON Pointer, RFC 6901, unescaped). */
function fieldOf(instancePath: string, child?: unknown): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof child === 'string') parts.push(child);
  return parts.join('.');
}

/** What a schema error is about, in words: a field, a query or path parameter, or the whole part. */
function subjectOf(field: string, context: string, lang: Lang): string {
  if (field === '' || field === context) {
    return context === 'querystring' ? t(lang, 'api.subject.querystring') : context === 'params' ? t(lang, 'api.subject.params') : t(lang, 'api.subject.body');
  }
  return context === 'querystring' ? t(lang, 'api.subject.query', { name: field }) : context === 'params' ? t(lang, 'api.subject.path', { name: field }) : t(lang, 'api.subject.field', { name: field });
}

/** A clear sentence for one schema violation, naming the field, in `lang`. */
export function schemaIssue(error: SchemaError, context: string, lang: Lang = DEFAULT_LANG): InputIssue {
  const p = error.params;
  switch (error.keyword) {
    case 'required': {
      const field = fieldOf(error.instancePath, p.missingProperty);
      return { field, code: 'required', message: t(lang, 'api.schema.required', { subject: subjectOf(field, context, lang) }) };
    }
    case 'additionalProperties': {
      const field = fieldOf(error.instancePath, p.additionalProperty);
      return { field, code: 'unknown-field', message: t(lang, 'api.schema.unknown', { subject: subjectOf(field, context, lang) }) };
    }
    default: {
      const field = fieldOf(error.instancePath) || context;
      const subject = subjectOf(field, context, lang);
      const limit = Number(p.limit);
      let message: string;
      switch (error.keyword) {
        case 'type':
          message = t(lang, 'api.schema.type', { subject, type: String(p.type) });
          break;
        case 'enum':
          message = t(lang, 'api.schema.enum', { subject, values: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)) });
          break;
        case 'maxLength':
          message = t(lang, 'api.schema.max-length', { subject, limit });
          break;
        case 'minLength':
          message = t(lang, 'api.schema.min-length', { subject, limit });
          break;
        case 'maxItems':
        case 'maxProperties':
          message = t(lang, 'api.schema.max-items', { subject, limit });
          break;
        case 'pattern':
          message = t(lang, 'api.schema.pattern', { subject, pattern: String(p.pattern) });
          break;
        default:
          message = t(lang, 'api.schema.invalid', { subject, code: error.keyword });
      }
      return { field, code: error.keyword, message };
    }
  }
}

/**
 * The language of an error answer: the request's `lang` (query, or a body that parsed) when
 * it is one we speak, else Accept-Language.
 */
function errorLang(request: FastifyRequest): Lang {
  for (const part of [request.query, request.body]) {
    const asked = typeof part === 'object' && part !== null ? (part as Record<string, unknown>).lang : undefined;
    if (typeof asked === 'string' && isLang(asked)) return asked;
  }
  return detectLang(request.headers['accept-language']);
}

function send(reply: FastifyReply, status: number, body: Omit<ErrorBody, 'requestId'>): FastifyReply {
  const full: ErrorBody = { error: body.error, message: body.message, requestId: String(reply.request.id) };
  if (body.issues !== undefined) full.issues = body.issues;
  // Set here too: router errors (bad URL) are answered without the onSend hooks.
  reply.header('x-request-id', full.requestId);
  return reply.code(status).type('application/json; charset=utf-8').send(full);
}

/**
 * The router's limit on one path parameter, in characters as sent (%-encoded): a domain of
 * 253 characters, each a %-encoded UTF-8 sequence of up to 4 bytes (12 characters), fits.
 * Past the router's limit the schema's own length limit (254) names the field.
 */
export const MAX_PARAM_LENGTH = 254 * 12;

/** Fastify's own client errors, by code, in our words. */
const FASTIFY_ERRORS: Readonly<Record<string, { error: string; message: (lang: Lang, bodyLimit: number) => string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { error: 'body-too-large', message: (lang, limit) => t(lang, 'api.body-too-large', { limit }) },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { error: 'unsupported-media-type', message: (lang) => t(lang, 'api.media-type') },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { error: 'bad-request', message: (lang) => t(lang, 'api.content-length') },
  FST_ERR_CTP_EMPTY_JSON_BODY: { error: 'invalid-json', message: (lang) => t(lang, 'api.empty-body') },
  FST_ERR_CTP_INVALID_JSON_BODY: { error: 'invalid-json', message: (lang) => t(lang, 'api.invalid-json') },
  // Router errors (given to us through Fastify's `frameworkErrors`).
  FST_ERR_BAD_URL: { error: 'bad-url', message: (lang) => t(lang, 'api.bad-url') },
  FST_ERR_MAX_PARAM_LENGTH: { error: 'url-too-long', message: (lang) => t(lang, 'api.url-too-long', { limit: MAX_PARAM_LENGTH }) },
};
const INVALID_JSON = { error: 'invalid-json', message: (lang: Lang) => t(lang, 'api.invalid-json') };

/**
 * The server's error handler: schema violations and `InputError` → 400 with issues; Fastify
 * client errors (413, 415, invalid JSON, 429 from the rate limiter) → their status with a
 * plain message; anything else → 500 "internal error" (logged with its stack).
 */
export function errorHandler(bodyLimit: number) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    if (error instanceof InputError) {
      return send(reply, 400, { error: 'invalid-input', message: error.message, issues: error.issues });
    }
    if (error instanceof HttpError) {
      // RFC 6750 §3: a 401 names the scheme the client must use.
      if (error.status === 401) reply.header('www-authenticate', 'Bearer realm="spfkit monitor"');
      return send(reply, error.status, { error: error.code, message: error.message });
    }
    const lang = errorLang(request);
    if (error instanceof DnsAllowanceError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return send(reply, 429, { error: 'dns-budget', message: t(lang, 'api.dns-allowance', { seconds: error.retryAfterSeconds, limit: error.limit, window: error.windowSeconds }) });
    }
    if (error instanceof ForbiddenKeyError) {
      const message = t(lang, 'api.forbidden-key', { subject: t(lang, 'api.subject.field', { name: error.field }), key: error.key });
      return send(reply, 400, { error: 'invalid-input', message, issues: [{ field: error.field, code: 'forbidden-key', message }] });
    }
    if (error.validation) {
      const issues = error.validation.map((e) => schemaIssue(e as SchemaError, error.validationContext ?? 'body', lang));
      return send(reply, 400, { error: 'invalid-input', message: issues.map((i) => i.message).join('; '), issues });
    }
    const status = error.statusCode ?? 500;
    const known = FASTIFY_ERRORS[error.code];
    // SyntaxError from the JSON parser carries statusCode 400 and no FST code.
    if (known || (status === 400 && error instanceof SyntaxError)) {
      const k = known ?? INVALID_JSON;
      return send(reply, status, { error: k.error, message: k.message(lang, bodyLimit) });
    }
    if (status === 429) {
      // The rate limiter has set Retry-After (seconds) on the reply.
      const seconds = Number(reply.getHeader('retry-after'));
      const message = Number.isFinite(seconds) && seconds > 0 ? t(lang, 'api.rate-limited', { seconds }) : `too many requests; ${error.message.replace(/^Rate limit exceeded, /, '')}`;
      return send(reply, 429, { error: 'rate-limited', message });
    }
    if (status >= 400 && status < 500) {
      // Fastify's client-error messages are about the request and safe to show.
      return send(reply, status, { error: 'bad-request', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, 500, { error: 'internal', message: `internal error; quote request id ${String(request.id)}` });
  };
}

/** 404 in the same shape. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(reply, 404, { error: 'not-found', message: `no route for ${request.method} ${request.url.split('?')[0] ?? ''}` });
}

/**
 * Errors Node's HTTP parser meets before there is a request (Fastify's `clientErrorHandler`):
 * a request that did not arrive within `requestTimeoutMs` (408), headers over Node's size
 * limit (431), bytes that are not HTTP (400) — answered in the `Error` shape with a request
 * id of their own (there are no headers to read a language from: English), then the
 * connection is closed.
 */
export function socketErrorHandler(requestTimeoutMs: number) {
  return function handleSocketError(error: NodeJS.ErrnoException, socket: Socket): void {
    // A reset connection is gone; there is no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, reason, body] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', { error: 'request-timeout', message: t('en', 'api.request-timeout', { seconds: requestTimeoutMs / 1000 }) }]
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Request Header Fields Too Large', { error: 'headers-too-large', message: t('en', 'api.headers-too-large') }]
          : [400, 'Bad Request', { error: 'bad-request', message: t('en', 'api.not-http') }];
    const requestId = randomUUID();
    const text = JSON.stringify({ ...body, requestId } satisfies ErrorBody);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nx-request-id: ${requestId}\r\nConnection: close\r\n\r\n${text}`,
      );
    }
    socket.destroy();
  };
}
