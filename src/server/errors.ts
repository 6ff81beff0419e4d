/**
 * Errors at the HTTP edge: every error response has the shape of the `Error` schema
 * (`{ error, message, requestId, issues? }`), input errors name the field, and no response
 * ever carries a stack trace — a 500 says only "internal error" and the request id, while
 * the details go to the log.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** One problem with the request, naming the field (`ip`, `overrides.example.com`, `body`). */
export interface InputIssue {
  field: string;
  code: string;
  message: string;
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

/** A clear sentence for one schema violation, naming the field. */
export function schemaIssue(error: SchemaError, context: string): InputIssue {
  const p = error.params;
  const where = context === 'querystring' ? 'query parameter' : context === 'params' ? 'path parameter' : 'field';
  switch (error.keyword) {
    case 'required': {
      const field = fieldOf(error.instancePath, p.missingProperty);
      return { field, code: 'required', message: `${where} "${field}" is required` };
    }
    case 'additionalProperties': {
      const field = fieldOf(error.instancePath, p.additionalProperty);
      return { field, code: 'unknown-field', message: `unknown ${where} "${field}"` };
    }
    default: {
      const field = fieldOf(error.instancePath) || context;
      const subject = field === context ? `the ${context}` : `${where} "${field}"`;
      let what: string;
      switch (error.keyword) {
        case 'type':
          what = `must be of type ${String(p.type)}`;
          break;
        case 'enum':
          what = `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
          break;
        case 'maxLength':
          what = `must be at most ${String(p.limit)} characters long`;
          break;
        case 'minLength':
          what = p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters long`;
          break;
        case 'maxItems':
        case 'maxProperties':
          what = `must have at most ${String(p.limit)} entries`;
          break;
        case 'pattern':
          what = `must match ${String(p.pattern)}`;
          break;
        default:
          what = error.message ?? `is invalid (${error.keyword})`;
      }
      return { field, code: error.keyword, message: `${subject} ${what}` };
    }
  }
}

function send(reply: FastifyReply, status: number, body: Omit<ErrorBody, 'requestId'>): FastifyReply {
  const full: ErrorBody = { error: body.error, message: body.message, requestId: String(reply.request.id) };
  if (body.issues !== undefined) full.issues = body.issues;
  return reply.code(status).type('application/json; charset=utf-8').send(full);
}

/** Fastify's own client errors, by code, in our words. */
const FASTIFY_ERRORS: Readonly<Record<string, { error: string; message?: (e: FastifyError, limit: number) => string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { error: 'body-too-large', message: (_e, limit) => `the request body is larger than ${limit} bytes` },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { error: 'unsupported-media-type', message: () => 'send the body as JSON (Content-Type: application/json)' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { error: 'bad-request', message: () => 'the Content-Length does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { error: 'invalid-json', message: () => 'the body is empty; send a JSON object' },
  FST_ERR_CTP_INVALID_JSON_BODY: { error: 'invalid-json', message: () => 'the body is not valid JSON' },
};

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
    if (error.validation) {
      const issues = error.validation.map((e) => schemaIssue(e as SchemaError, error.validationContext ?? 'body'));
      return send(reply, 400, { error: 'invalid-input', message: issues.map((i) => i.message).join('; '), issues });
    }
    const status = error.statusCode ?? 500;
    const known = FASTIFY_ERRORS[error.code];
    // SyntaxError from the JSON parser carries statusCode 400 and no FST code.
    if (known || (status === 400 && error instanceof SyntaxError)) {
      const k = known ?? { error: 'invalid-json', message: () => 'the body is not valid JSON' };
      return send(reply, status, { error: k.error, message: k.message ? k.message(error, bodyLimit) : error.message });
    }
    if (status === 429) {
      return send(reply, 429, { error: 'rate-limited', message: `too many requests; ${error.message.replace(/^Rate limit exceeded, /, '')}` });
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
