/**
 * The JSON Schemas of `POST /api/verdict` (issue 13.1), in the style of schemas.ts: the body
 * validated by Ajv and the response documented in /openapi.json from the same definitions.
 */
import type { Lang } from '../i18n/lang.ts';
import { errors, lang, ref } from './schemas.ts';

/** At most this many DKIM signers per request. */
export const MAX_DKIM_SIGNERS = 10;

/** `POST /api/verdict`. */
export interface VerdictBody {
  ip: string;
  helo?: string;
  mailFrom?: string;
  fromDomain: string;
  dkim?: Array<{ domain: string; selector: string }>;
  provider?: string;
  lang?: Lang;
}

const str = (description: string, maxLength: number, minLength?: number) => ({ type: 'string', description, maxLength, ...(minLength === undefined ? {} : { minLength }) });

/** Components of the verdict route, registered beside schemas.ts's. */
export const VERDICT_COMPONENTS = [
  {
    $id: 'VerdictReport',
    type: 'object',
    required: ['prediction', 'words', 'lang'],
    properties: {
      prediction: {
        type: 'object',
        description: 'The DeliveryPrediction of src/verdict/types.ts: input (normalised), from, spf, dkim, dmarc, fixes, rfc7489 (only where RFC 7489 reads it differently).',
        required: ['input', 'from', 'spf', 'dkim', 'dmarc', 'fixes'],
        additionalProperties: true,
        properties: {
          dmarc: {
            type: 'object',
            additionalProperties: true,
            required: ['result', 'disposition'],
            properties: {
              result: { type: 'string', enum: ['pass', 'fail', 'none', 'temperror'] },
              disposition: { type: 'string', enum: ['deliver', 'quarantine', 'reject', 'unknown'] },
            },
          },
        },
      },
      words: {
        type: 'object',
        description: 'Every sentence of the prediction in `lang` (src/verdict/words.ts VerdictWords); fixes carry their records as data.',
        required: ['headline', 'spf', 'dkim', 'notes', 'fixes'],
        additionalProperties: true,
        properties: { headline: { type: 'string' } },
      },
      lang: ref('Lang'),
    },
  },
] as const;

export const VERDICT_SCHEMA = {
  tags: ['audit'],
  operationId: 'verdict',
  summary: 'Will this mail be accepted? The DMARC outcome of a sending setup, from DNS',
  description:
    'SPF (RFC 7208) for the envelope domain and its alignment with the From domain, each DKIM key (CNAMEs followed) and its alignment, the DMARC result (RFC 9989) and the policy that applies (p, sp, np, t=y), the changes to make with the records to publish, and where RFC 7489 reads it differently. A DNS timeout is a temperror, never "no record".',
  body: {
    type: 'object',
    required: ['ip', 'fromDomain'],
    additionalProperties: false,
    properties: {
      ip: str('The sending server’s IPv4 or IPv6 address.', 64, 1),
      helo: str('The HELO/EHLO name; needed when mailFrom is "".', 254),
      mailFrom: str('The envelope sender (MAIL FROM) address or domain; "" is the null reverse-path.', 320),
      fromDomain: str('The header From domain (an address is accepted).', 320, 1),
      dkim: {
        type: 'array',
        maxItems: MAX_DKIM_SIGNERS,
        description: 'The DKIM keys the sender signs with: d= and s=.',
        items: {
          type: 'object',
          required: ['domain', 'selector'],
          additionalProperties: false,
          properties: { domain: str('d=, the signing domain.', 254, 1), selector: str('s=, the selector.', 253, 1) },
        },
      },
      provider: str('A provider id of GET /api/providers: its DKIM selectors (signing as the From domain) and SPF mechanism.', 64),
      lang,
    },
  },
  response: { 200: { description: 'The prediction and its words.', ...ref('VerdictReport') }, ...errors(400, 413, 415, 429, 500) },
} as const;
