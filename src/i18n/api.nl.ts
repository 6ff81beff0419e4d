/**
 * De weigeringen van de HTTP-API (400, 413, 415, 429), in het Nederlands (zelfde sleutels als
 * api.en.ts). Veldnamen en waarden blijven zoals ze in het verzoek staan.
 */
import type { apiEn } from './api.en.ts';
import type { Translation } from './types.ts';

export const apiNl: Translation<typeof apiEn> = {
  // ── Waar een melding over gaat ────────────────────────────────────────────────────────
  'api.subject.field': (p) => `veld "${p.name}"`,
  'api.subject.query': (p) => `queryparameter "${p.name}"`,
  'api.subject.path': (p) => `padparameter "${p.name}"`,
  'api.subject.body': () => `de body`,
  'api.subject.querystring': () => `de query`,
  'api.subject.params': () => `het pad`,

  // ── Schendingen van het schema ────────────────────────────────────────────────────────
  'api.schema.required': (p) => `${p.subject} is verplicht`,
  'api.schema.unknown': (p) => `${p.subject} bestaat niet`,
  'api.schema.type': (p) => `${p.subject} moet van het type ${p.type} zijn`,
  'api.schema.enum': (p) => `${p.subject} moet een van deze waarden zijn: ${p.values.join(', ')}`,
  'api.schema.max-length': (p) => `${p.subject} mag hoogstens ${p.limit} tekens lang zijn`,
  'api.schema.min-length': (p) => (p.limit === 1 ? `${p.subject} mag niet leeg zijn` : `${p.subject} moet minstens ${p.limit} tekens lang zijn`),
  'api.schema.max-items': (p) => `${p.subject} mag hoogstens ${p.limit} elementen hebben`,
  'api.schema.pattern': (p) => `${p.subject} moet overeenkomen met ${p.pattern}`,
  'api.schema.invalid': (p) => `${p.subject} is ongeldig (${p.code})`,

  // ── De body en de snelheidslimiet ─────────────────────────────────────────────────────
  'api.body-too-large': (p) => `de body van het verzoek is groter dan ${p.limit} bytes`,
  'api.media-type': () => `stuur de body als JSON (Content-Type: application/json)`,
  'api.content-length': () => `de Content-Length klopt niet met de body`,
  'api.empty-body': () => `de body is leeg; stuur een JSON-object`,
  'api.invalid-json': () => `de body is geen geldige JSON`,
  'api.forbidden-key': (p) => `${p.subject}: de sleutel "${p.key}" wordt niet geaccepteerd (die kan het prototype van objecten veranderen); hernoem of verwijder hem`,
  'api.bad-url': () => `de URL is niet geldig %-gecodeerd (na een % horen twee hexadecimale cijfers van UTF-8)`,
  'api.url-too-long': (p) => `een deel van het pad van de URL is langer dan ${p.limit} tekens`,
  'api.request-timeout': (p) => `het verzoek kwam niet binnen ${p.seconds} s binnen`,
  'api.headers-too-large': () => `de headers van het verzoek zijn te groot`,
  'api.not-http': () => `het verzoek is geen geldig HTTP/1.1`,
  'api.rate-limited': (p) => `te veel verzoeken; probeer het over ${p.seconds} s opnieuw`,
  'api.dns-allowance': (p) =>
    `te veel DNS-lookups: uw verzoeken mogen samen hoogstens ${p.limit} DNS-query's per ${p.window} s veroorzaken, en dit verzoek kan meer nodig hebben dan er over is; probeer het over ${p.seconds} s opnieuw`,

  // ── Regels van de routes naast het schema ─────────────────────────────────────────────
  'api.add.provider-or-mechanism': () => `geef veld "provider" (een id uit /api/providers) of veld "mechanism"`,
  'api.add.not-both': () => `geef veld "provider" of veld "mechanism", niet allebei`,
  'api.add.domain-or-record': () => `geef veld "domain", veld "record" (het record om van uit te gaan), of allebei`,
  'api.add.needs-domain': () => `het record zou groter worden dan de 450 bytes die passen (RFC 7208 §3.4), dus moet een deel naar subrecords onder het domein (_spf.<domein>): geef veld "domain"`,
  'api.explain.record-or-domain': () => `geef veld "record" (een SPF-record) of veld "domain"`,
  'api.audit.max-selectors': (p) => `${p.subject} mag hoogstens ${p.limit} selectors noemen, niet ${p.count}`,
};
