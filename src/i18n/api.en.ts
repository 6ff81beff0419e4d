/**
 * The HTTP API's refusals (400, 413, 415, 429 bodies), in English. The language is the
 * request's `lang` (body or query) when it can be read, else Accept-Language.
 */
import type { AreaMessages } from './types.ts';

export const apiEn = {
  // ── What a message is about ──────────────────────────────────────────────────────────
  'api.subject.field': (p: { name: string }) => `field "${p.name}"`,
  'api.subject.query': (p: { name: string }) => `query parameter "${p.name}"`,
  'api.subject.path': (p: { name: string }) => `path parameter "${p.name}"`,
  'api.subject.body': () => `the body`,
  'api.subject.querystring': () => `the query`,
  'api.subject.params': () => `the path`,

  // ── Schema violations ─────────────────────────────────────────────────────────────────
  'api.schema.required': (p: { subject: string }) => `${p.subject} is required`,
  'api.schema.unknown': (p: { subject: string }) => `unknown ${p.subject}`,
  'api.schema.type': (p: { subject: string; type: string }) => `${p.subject} must be of type ${p.type}`,
  'api.schema.enum': (p: { subject: string; values: string[] }) => `${p.subject} must be one of ${p.values.join(', ')}`,
  'api.schema.max-length': (p: { subject: string; limit: number }) => `${p.subject} must be at most ${p.limit} characters long`,
  'api.schema.min-length': (p: { subject: string; limit: number }) => (p.limit === 1 ? `${p.subject} must not be empty` : `${p.subject} must be at least ${p.limit} characters long`),
  'api.schema.max-items': (p: { subject: string; limit: number }) => `${p.subject} must have at most ${p.limit} entries`,
  'api.schema.pattern': (p: { subject: string; pattern: string }) => `${p.subject} must match ${p.pattern}`,
  'api.schema.invalid': (p: { subject: string; code: string }) => `${p.subject} is invalid (${p.code})`,

  // ── The body and the rate limit ───────────────────────────────────────────────────────
  'api.body-too-large': (p: { limit: number }) => `the request body is larger than ${p.limit} bytes`,
  'api.media-type': () => `send the body as JSON (Content-Type: application/json)`,
  'api.content-length': () => `the Content-Length does not match the body`,
  'api.empty-body': () => `the body is empty; send a JSON object`,
  'api.invalid-json': () => `the body is not valid JSON`,
  'api.forbidden-key': (p: { subject: string; key: string }) => `${p.subject}: the key "${p.key}" is not accepted (it could change the prototype of objects); rename or remove it`,
  'api.bad-url': () => `the URL is not validly %-encoded (a % must be followed by two hexadecimal digits of UTF-8)`,
  'api.url-too-long': (p: { limit: number }) => `a path segment of the URL is longer than ${p.limit} characters`,
  'api.request-timeout': (p: { seconds: number }) => `the request did not arrive within ${p.seconds} s`,
  'api.headers-too-large': () => `the request headers are too large`,
  'api.not-http': () => `the request is not valid HTTP/1.1`,
  'api.rate-limited': (p: { seconds: number }) => `too many requests; retry in ${p.seconds} s`,
  'api.dns-allowance': (p: { seconds: number; limit: number; window: number }) =>
    `too many DNS lookups: your requests may cause at most ${p.limit} DNS queries per ${p.window} s, and this one could need more than is left; retry in ${p.seconds} s`,

  // ── Route rules beyond the schema ─────────────────────────────────────────────────────
  'api.add.provider-or-mechanism': () => `give field "provider" (an id from /api/providers) or field "mechanism"`,
  'api.add.not-both': () => `give field "provider" or field "mechanism", not both`,
  'api.add.domain-or-record': () => `give field "domain", field "record" (the record to start from), or both`,
  'api.add.needs-domain': () => `the record would be over the 450 bytes that fit (RFC 7208 §3.4), so part of it must move to sub-records named under the domain (_spf.<domain>): give field "domain"`,
  'api.explain.record-or-domain': () => `give field "record" (an SPF record) or field "domain"`,
  'api.audit.max-selectors': (p: { subject: string; limit: number; count: number }) => `${p.subject} must name at most ${p.limit} selectors, got ${p.count}`,
} satisfies AreaMessages<'api'>;
