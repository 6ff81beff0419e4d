/**
 * DMARC URIs for `rua` and `ruf` (RFC 7489 §6.2, §6.4):
 *
 * ```abnf
 * dmarc-uri  = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]
 *              ; "URI" is imported from [RFC3986]; commas (ASCII 0x2C) and exclamation
 *              ; points (ASCII 0x21) MUST be encoded; the numeric portion MUST fit within
 *              ; an unsigned 64-bit integer
 * dmarc-auri = "rua" *WSP "=" *WSP dmarc-uri *(*WSP "," *WSP dmarc-uri)
 * ```
 */
import { splitListItems, type ListItem } from '../common/tag-list.ts';
import { isHostname, toAsciiDomain } from '../psl/domain-name.ts';
import type { DmarcSizeLimit, DmarcSizeUnit, DmarcUri, DmarcUriProblem, Span } from './types.ts';

/** The result of `parseDmarcUri`: the URI, or why it is not one. */
export type DmarcUriParse = { ok: true; uri: DmarcUri } | { ok: false; reason: DmarcUriProblem };

const MAX_UINT64 = 2n ** 64n - 1n;

// RFC 7489 §6.2: "the units are considered to be powers of two; a kilobyte is 2^10".
const UNIT_EXPONENT: Readonly<Record<DmarcSizeUnit, number>> = { b: 0, k: 10, m: 20, g: 30, t: 40 };

/**
 * Splits a `rua`/`ruf` value at its commas (§6.4: `*WSP "," *WSP`); `valueStart` is the
 * offset of the value in the record, so the spans point into the record.
 *
 * @example
 * splitUriList('mailto:a@example.com, mailto:b@example.com', 4).map((item) => item.text);
 * // ['mailto:a@example.com', 'mailto:b@example.com']
 */
export function splitUriList(value: string, valueStart: number): ListItem[] {
  return splitListItems(value, valueStart, ',');
}

/** RFC 3986 §2: unreserved, reserved and `%`; anything else must be percent-encoded. */
function hasOnlyUriCharacters(text: string): boolean {
  return /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(text) && !/%(?![0-9A-Fa-f]{2})/.test(text);
}

function isSizeUnit(unit: string): unit is DmarcSizeUnit {
  return Object.hasOwn(UNIT_EXPONENT, unit);
}

function parseSize(text: string): DmarcSizeLimit | undefined {
  const match = /^(\d+)([kmgt])?$/i.exec(text);
  const digits = match?.[1];
  if (match === null || digits === undefined || BigInt(digits) > MAX_UINT64) return undefined;
  const unit = match[2]?.toLowerCase() ?? 'b';
  if (!isSizeUnit(unit)) return undefined;
  const value = Number(digits);
  return { value, unit, bytes: value * 2 ** UNIT_EXPONENT[unit] };
}

/** RFC 6068: `mailto:addr-spec[?hfields]`, percent-encoded. */
function parseMailbox(rest: string): { address: string; domain: string } | undefined {
  const query = rest.indexOf('?');
  let address: string;
  try {
    address = decodeURIComponent(query === -1 ? rest : rest.slice(0, query));
  } catch {
    return undefined;
  }
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = address.slice(0, at);
  const domain = toAsciiDomain(address.slice(at + 1));
  // RFC 5321 §4.5.3.1.1: a local part has at most 64 octets; a usable domain has a dot.
  if (local.length > 64 || /[\s\p{Cc}]/u.test(local) || !isHostname(domain, 2)) return undefined;
  return { address: `${local}@${domain}`, domain };
}

/** RFC 3986 §3.2: the host of `//[userinfo@]host[:port]`, if the URI has an authority. */
function authorityHost(rest: string): string | undefined {
  if (!rest.startsWith('//')) return undefined;
  const authority = rest.slice(2).split(/[/?#]/, 1)[0] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:\d*$/, '');
  return host === '' ? undefined : host.toLowerCase();
}

/**
 * Parses one DMARC URI with its optional size limit.
 *
 * @example
 * parseDmarcUri('mailto:dmarc@example.com!10m', { start: 0, end: 28 });
 * // { ok: true, uri: { uri: 'mailto:dmarc@example.com', scheme: 'mailto', address: 'dmarc@example.com',
 * //   domain: 'example.com', maxSize: { value: 10, unit: 'm', bytes: 10485760 }, span } }
 */
export function parseDmarcUri(text: string, span: Span): DmarcUriParse {
  if (text === '') return { ok: false, reason: 'empty' };
  // §6.4: "!" must be encoded inside the URI, so the first one starts the size limit.
  const bang = text.indexOf('!');
  const uriText = bang === -1 ? text : text.slice(0, bang);
  let maxSize: DmarcSizeLimit | undefined;
  if (bang !== -1) {
    maxSize = parseSize(text.slice(bang + 1));
    if (maxSize === undefined) return { ok: false, reason: 'bad-size' };
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uriText)?.[1];
  if (scheme === undefined) return { ok: false, reason: 'no-scheme' };
  if (!hasOnlyUriCharacters(uriText)) return { ok: false, reason: 'bad-char' };

  const lowerScheme = scheme.toLowerCase();
  const rest = uriText.slice(scheme.length + 1);
  const uri: DmarcUri = { uri: uriText, scheme: lowerScheme, span };
  if (maxSize !== undefined) uri.maxSize = maxSize;
  if (lowerScheme === 'mailto') {
    const mailbox = parseMailbox(rest);
    if (mailbox === undefined) return { ok: false, reason: 'bad-address' };
    uri.address = mailbox.address;
    uri.domain = mailbox.domain;
  } else {
    const host = authorityHost(rest);
    if (host !== undefined) uri.domain = host;
  }
  return { ok: true, uri };
}

/**
 * The text of a URI in a record: the URI and its size limit.
 *
 * @example
 * renderDmarcUri({ uri: 'mailto:d@example.com', scheme: 'mailto', maxSize: { value: 10, unit: 'm', bytes: 10485760 }, span });
 * // 'mailto:d@example.com!10m'
 */
export function renderDmarcUri(uri: DmarcUri): string {
  if (uri.maxSize === undefined) return uri.uri;
  const { value, unit } = uri.maxSize;
  // Above 2^53 `value` is rounded; write a number that still fits in 64 bits (§6.4).
  const exact = BigInt(Math.trunc(value));
  const digits = exact > MAX_UINT64 ? MAX_UINT64 : exact;
  return `${uri.uri}!${digits}${unit === 'b' ? '' : unit}`;
}
