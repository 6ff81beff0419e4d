/**
 * In-memory DNS zones: the data type, its two file formats (the openspf conformance
 * `zonedata` and spfkit's own zone file, docs/zone-format.md), the lookup rule shared with
 * the loopback test server, and a fast resolver over a zone.
 *
 * The lookup rule lives here, once (`lookupZone`): the zone resolver and
 * test/support/dns-server.ts both call it, so offline and on-the-wire answers agree.
 */
import { YAMLException, dump, load } from 'js-yaml';
import ipaddr from 'ipaddr.js';
import { MAX_CNAME_CHAIN, normalizeName, withoutTrailingDot } from './resolver.ts';
import type { CnameProblem, DnsAnswer, DnsAnswerKind, RecordData, Resolver, RrType } from './resolver.ts';

/** The record types a zone can hold, in a fixed order. */
export const RR_TYPES: readonly RrType[] = Object.freeze(['TXT', 'A', 'AAAA', 'MX', 'PTR', 'CNAME']);

/**
 * One resource record. `value` has the shape the resolver returns for the type: a TXT
 * record is its list of character-strings, each a JS string whose code points 0–255 stand
 * for the bytes on the wire; an MX record is `{ preference, exchange }`.
 */
export type ZoneRecord = { [K in RrType]: { type: K; value: RecordData[K]; ttl?: number } }[RrType];

/**
 * A failure marker. Queries reaching it fail (`TIMEOUT` → timeout, `SERVFAIL` → servfail),
 * except that records of the queried type listed BEFORE the marker are still returned
 * (the openspf driver's rule, FORMAT.md §4 rule 4). With `rrType`, only queries of that
 * type are affected.
 */
export type ZoneMarker = { type: 'TIMEOUT'; rrType?: RrType } | { type: 'SERVFAIL'; rrType?: RrType };

export type ZoneItem = ZoneRecord | ZoneMarker;

/**
 * A zone: owner name → ordered items. Owner names are normalised with `normalizeName`
 * (lower case, no trailing dot) by every function that builds a zone; an owner with an empty
 * list exists but has no records (every query gives nodata).
 *
 * @example
 * const zone: Zone = new Map([
 *   ['example.com', [{ type: 'TXT', value: ['v=spf1 mx -all'] }, { type: 'MX', value: { preference: 10, exchange: 'mx.example.com' } }]],
 *   ['mx.example.com', [{ type: 'A', value: '192.0.2.1', ttl: 300 }]],
 *   ['slow.example.com', [{ type: 'TIMEOUT' }]],
 * ]);
 */
export type Zone = Map<string, ZoneItem[]>;

/** A zone as the functions that only read it accept it. */
export type ReadonlyZone = ReadonlyMap<string, readonly ZoneItem[]>;

/** Thrown by the zone loaders for malformed input; `path` points at the offending item. */
export class ZoneFormatError extends Error {
  override name = 'ZoneFormatError';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(path === '' ? detail : `${path}: ${detail}`);
  }
}

// ---------------------------------------------------------------------------------------
// Names and values

export { MAX_CNAME_CHAIN } from './resolver.ts';


/**
 * Why `name` cannot be a DNS name on the wire, or undefined. RFC 1035 §2.3.4: labels of
 * 1–63 octets, names up to 255 octets (253 characters in text form). `''` is the root.
 */
function nameProblem(name: string, allowRoot: boolean): string | undefined {
  const bare = withoutTrailingDot(name);
  if (bare === '') return allowRoot ? undefined : 'the root name is not allowed here';
  if (bare.length > 253) return `name is ${bare.length} characters long, more than 253 (RFC 1035 §2.3.4)`;
  for (const label of bare.split('.')) {
    if (label === '') return `name "${name}" has an empty label`;
    if (label.length > 63) return `label "${label.slice(0, 20)}…" is ${label.length} characters long, more than 63 (RFC 1035 §2.3.4)`;
  }
  return undefined;
}

/** Why `s` cannot be a TXT character-string, or undefined (RFC 1035 §3.3: at most 255 octets). */
function txtStringProblem(s: string): string | undefined {
  if (s.length > 255) return `is ${s.length} characters long; a character-string holds at most 255 (RFC 1035 §3.3): split it into several strings`;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code > 0xff) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return `has the character U+${hex} at offset ${i}; TXT strings hold bytes, write each byte as a character U+0000–U+00FF (e.g. "\\xC3\\xA9" for UTF-8 é)`;
    }
  }
  return undefined;
}

/**
 * The text form of an IPv6 address as node's resolver prints it (libuv/c-ares `inet_ntop`,
 * derived from BIND): lower-case hex, the first longest run of two or more zero words
 * compressed, and IPv4-mapped or -compatible addresses with a dotted tail.
 */
function formatIpv6(words: readonly number[]): string {
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (curBase === -1) {
        curBase = i;
        curLen = 1;
      } else curLen++;
      if (curLen > bestLen) {
        bestBase = curBase;
        bestLen = curLen;
      }
    } else curBase = -1;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    const w6 = words[6] ?? 0;
    const w7 = words[7] ?? 0;
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 7 && w7 !== 1) || (bestLen === 5 && words[5] === 0xffff))) {
      out += `${w6 >> 8}.${w6 & 0xff}.${w7 >> 8}.${w7 & 0xff}`;
      return out;
    }
    out += (words[i] ?? 0).toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

/** The canonical text of an IPv6 address, or undefined when it is not one. */
function canonicalIpv6(text: string): string | undefined {
  if (!ipaddr.IPv6.isValid(text)) return undefined;
  const address = ipaddr.IPv6.parse(text);
  if (address.zoneId !== undefined) return undefined;
  return formatIpv6(address.parts);
}

// ---------------------------------------------------------------------------------------
// Parsing items (one parser for both formats)

type ParseMode = 'conformance' | 'text';

/** What one source item becomes before the per-owner rules run. */
type ParsedItem = ZoneItem | { type: 'SPF'; value: string[] } | { type: 'TXT-NONE' };

const MARKERS = ['TIMEOUT', 'SERVFAIL'] as const;
type MarkerName = (typeof MARKERS)[number];
const ITEM_KEYS: readonly string[] = [...RR_TYPES, 'SPF', ...MARKERS];

function isRrType(value: unknown): value is RrType {
  return typeof value === 'string' && (RR_TYPES as readonly string[]).includes(value);
}

function isMarkerName(value: unknown): value is MarkerName {
  return typeof value === 'string' && (MARKERS as readonly string[]).includes(value);
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'a map';
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseTxtStrings(value: unknown, path: string): string[] {
  const strings = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(strings)) throw new ZoneFormatError(path, `expected a string or a list of strings, got ${show(value)}`);
  return strings.map((s: unknown, i) => {
    if (typeof s !== 'string') throw new ZoneFormatError(`${path}[${i}]`, `expected a string, got ${show(s)}`);
    const problem = txtStringProblem(s);
    if (problem !== undefined) throw new ZoneFormatError(`${path}[${i}]`, `the string ${problem}`);
    return s;
  });
}

function parseTarget(value: unknown, path: string, allowRoot: boolean): string {
  if (typeof value !== 'string') throw new ZoneFormatError(path, `expected a domain name, got ${show(value)}`);
  const problem = nameProblem(value, allowRoot);
  if (problem !== undefined) throw new ZoneFormatError(path, problem);
  return withoutTrailingDot(value);
}

function parseRecordValue(type: RrType, value: unknown, path: string): ZoneRecord {
  switch (type) {
    case 'TXT':
      return { type, value: parseTxtStrings(value, path) };
    case 'A':
      if (typeof value !== 'string' || !ipaddr.IPv4.isValidFourPartDecimal(value)) {
        throw new ZoneFormatError(path, `expected an IPv4 address like 192.0.2.1, got ${show(value)}`);
      }
      return { type, value };
    case 'AAAA': {
      const canonical = typeof value === 'string' ? canonicalIpv6(value) : undefined;
      if (canonical === undefined) throw new ZoneFormatError(path, `expected an IPv6 address like 2001:db8::1, got ${show(value)}`);
      return { type, value: canonical };
    }
    case 'MX': {
      if (!Array.isArray(value) || value.length !== 2) {
        throw new ZoneFormatError(path, `expected [preference, exchange], e.g. [10, mx.example.com], got ${show(value)}`);
      }
      const [preference, exchange]: unknown[] = value;
      if (typeof preference !== 'number' || !Number.isInteger(preference) || preference < 0 || preference > 0xffff) {
        throw new ZoneFormatError(`${path}[0]`, `the preference must be an integer 0–65535 (RFC 1035 §3.3.9), got ${show(preference)}`);
      }
      // RFC 7505: the exchange may be the root ("." or ""), a null MX.
      return { type, value: { preference, exchange: parseTarget(exchange, `${path}[1]`, true) } };
    }
    case 'PTR':
    case 'CNAME':
      return { type, value: parseTarget(value, path, false) };
    default: {
      const _never: never = type;
      throw new Error(`unreachable record type ${String(_never)}`);
    }
  }
}

function parseTtl(value: unknown, path: string): number {
  // RFC 2181 §8: a TTL is an unsigned 31-bit number of seconds.
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    throw new ZoneFormatError(path, `ttl must be an integer number of seconds 0–2147483647 (RFC 2181 §8), got ${show(value)}`);
  }
  return value;
}

function parseItem(raw: unknown, path: string, mode: ParseMode): ParsedItem {
  if (isMarkerName(raw)) return { type: raw };
  if (!isPlainObject(raw)) {
    throw new ZoneFormatError(path, `expected TIMEOUT, SERVFAIL or a map like {TXT: "v=spf1 -all"}, got ${show(raw)}`);
  }
  const keys = Object.keys(raw);
  const typeKeys = keys.filter((k) => k !== 'ttl');
  const unknown = typeKeys.find((k) => !ITEM_KEYS.includes(k));
  if (unknown !== undefined) throw new ZoneFormatError(path, `unknown key "${unknown}"; expected one of ${ITEM_KEYS.join(', ')} (and ttl)`);
  const key = typeKeys[0];
  if (key === undefined || typeKeys.length > 1) {
    throw new ZoneFormatError(path, `an item has exactly one type key, got ${typeKeys.length === 0 ? 'none' : typeKeys.join(', ')}`);
  }
  const value = raw[key];
  const valuePath = `${path}.${key}`;
  if (isMarkerName(key)) {
    if ('ttl' in raw) throw new ZoneFormatError(`${path}.ttl`, `a ${key} marker has no ttl`);
    // `{TIMEOUT: true}` is the spelling of other openspf-format suites; `{TIMEOUT: TXT}` limits it to one type.
    if (value === true) return { type: key };
    if (isRrType(value)) return { type: key, rrType: value };
    throw new ZoneFormatError(valuePath, `expected true or a record type (${RR_TYPES.join(', ')}), got ${show(value)}`);
  }
  if (key === 'SPF') {
    if (mode === 'text') {
      throw new ZoneFormatError(path, 'SPF (type 99) records are not served (RFC 7208 §3.1 retired the type): write the policy as TXT');
    }
    return { type: 'SPF', value: parseTxtStrings(value, valuePath) };
  }
  if (!isRrType(key)) throw new Error(`unreachable item key ${key}`);
  // FORMAT.md §4 rule 2: `TXT: NONE` is not a record but "no TXT here" (conformance only).
  if (mode === 'conformance' && key === 'TXT' && value === 'NONE') return { type: 'TXT-NONE' };
  const record = parseRecordValue(key, value, valuePath);
  if ('ttl' in raw) record.ttl = parseTtl(raw.ttl, `${path}.ttl`);
  return record;
}

function parseOwnerMap(data: unknown, path: string, mode: ParseMode): Zone {
  if (!isPlainObject(data)) throw new ZoneFormatError(path, `expected a map of owner name → list of items, got ${show(data)}`);
  const zone: Zone = new Map();
  for (const [rawOwner, rawItems] of Object.entries(data)) {
    const ownerPath = `${path}[${JSON.stringify(rawOwner)}]`;
    const problem = nameProblem(rawOwner, false);
    if (problem !== undefined) throw new ZoneFormatError(ownerPath, problem);
    const owner = normalizeName(rawOwner);
    if (zone.has(owner)) throw new ZoneFormatError(ownerPath, `the owner "${owner}" appears twice (names compare case-insensitively, RFC 4343)`);
    if (!Array.isArray(rawItems)) throw new ZoneFormatError(ownerPath, `expected a list of items ([] for a name without records), got ${show(rawItems)}`);
    const parsed = rawItems.map((raw: unknown, i) => parseItem(raw, `${ownerPath}[${i}]`, mode));
    zone.set(owner, mode === 'conformance' ? applyConformanceRules(parsed) : (parsed as ZoneItem[]));
  }
  return zone;
}

/**
 * FORMAT.md §4 rules 1–2: SPF items are served as TXT only when the owner has no TXT item
 * at all (`TXT: NONE` counts as one). The synthesized TXT records go last, after any marker,
 * so they never count as "listed before" a TIMEOUT (rule 4).
 */
function applyConformanceRules(parsed: readonly ParsedItem[]): ZoneItem[] {
  const hasTxt = parsed.some((item) => item.type === 'TXT' || item.type === 'TXT-NONE');
  const items: ZoneItem[] = [];
  const synthesized: ZoneItem[] = [];
  for (const item of parsed) {
    if (item.type === 'SPF') {
      if (!hasTxt) synthesized.push({ type: 'TXT', value: item.value });
    } else if (item.type !== 'TXT-NONE') {
      items.push(item);
    }
  }
  return [...items, ...synthesized];
}

/**
 * A zone from one scenario's `zonedata` of the openspf test suite (rfc7208-tests.yml),
 * following /work/shared/conformance/FORMAT.md §4: SPF→TXT synthesis when the owner has no
 * TXT item, the `TXT: NONE` sentinel, list values as one RR of several strings (`[]` = an RR
 * with no strings), `TIMEOUT` ordering, MX `[preference, exchange]`, case-insensitive owners
 * and targets without their trailing dot. Strings stay JS strings (`\xEF` is U+00EF).
 * Throws a `ZoneFormatError` for data of another shape.
 *
 * @example
 * for (const scenario of yaml.loadAll(text)) {
 *   if (scenario === null) continue;
 *   const resolver = zoneResolver(zoneFromConformance((scenario as { zonedata: unknown }).zonedata));
 * }
 */
export function zoneFromConformance(zonedata: unknown): Zone {
  return parseOwnerMap(zonedata ?? {}, 'zonedata', 'conformance');
}

/**
 * A zone from an already-parsed spfkit zone document: `{ zone: { owner: [items] } }` or the
 * bare owner map (docs/zone-format.md). Useful to write zones inline in tests.
 *
 * @example
 * const zone = zoneFromObject({ 'example.com': [{ TXT: 'v=spf1 -all', ttl: 300 }, { A: '192.0.2.1' }] });
 */
export function zoneFromObject(data: unknown): Zone {
  if (isPlainObject(data) && 'zone' in data) {
    const extra = Object.keys(data).find((k) => k !== 'zone' && k !== 'description');
    if (extra !== undefined) throw new ZoneFormatError('', `unexpected top-level key "${extra}" next to "zone" (allowed: zone, description)`);
    if (data.description !== undefined && typeof data.description !== 'string') {
      throw new ZoneFormatError('description', `expected a string, got ${show(data.description)}`);
    }
    return parseOwnerMap(data.zone ?? {}, 'zone', 'text');
  }
  return parseOwnerMap(data, 'zone', 'text');
}

/**
 * Parse an spfkit zone file (YAML or JSON, docs/zone-format.md). Throws a `ZoneFormatError`
 * naming the owner and the item index for invalid input.
 *
 * @example
 * const zone = zoneFromText(readFileSync('zone.yaml', 'utf8'));
 */
export function zoneFromText(text: string): Zone {
  let data: unknown;
  try {
    data = load(text);
  } catch (error) {
    throw new ZoneFormatError('', `not valid YAML/JSON: ${yamlProblem(error)}`);
  }
  return zoneFromObject(data);
}

function itemToObject(item: ZoneItem): unknown {
  if (item.type === 'TIMEOUT' || item.type === 'SERVFAIL') {
    return item.rrType === undefined ? item.type : { [item.type]: item.rrType };
  }
  let value: unknown;
  switch (item.type) {
    case 'TXT':
      value = item.value.length === 1 ? item.value[0] : [...item.value];
      break;
    case 'MX':
      value = [item.value.preference, item.value.exchange];
      break;
    case 'A':
    case 'AAAA':
    case 'PTR':
    case 'CNAME':
      value = item.value;
      break;
    default: {
      const _never: never = item;
      throw new Error(`unreachable item ${JSON.stringify(_never)}`);
    }
  }
  return item.ttl === undefined ? { [item.type]: value } : { [item.type]: value, ttl: item.ttl };
}

/**
 * A YAML parse error on one line: js-yaml's reason and position, without the excerpt of the
 * file it appends (several lines, and raw bytes when the file is binary).
 */
function yamlProblem(error: unknown): string {
  if (error instanceof YAMLException && error.mark) return `${error.reason} (line ${error.mark.line + 1}, column ${error.mark.column + 1})`;
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

/**
 * Render a zone as an spfkit zone file (YAML); `zoneFromText(zoneToText(zone))` gives the
 * zone back.
 *
 * @example
 * writeFileSync('recorded.yaml', zoneToText(zone));
 */
export function zoneToText(zone: ReadonlyZone): string {
  const owners: Record<string, unknown> = {};
  for (const [owner, items] of zone) owners[normalizeName(owner)] = items.map(itemToObject);
  const body = dump({ zone: owners }, { flowLevel: 4, lineWidth: -1, noRefs: true, quotingType: '"' });
  return `# spfkit zone file (docs/zone-format.md)\n${body}`;
}

// ---------------------------------------------------------------------------------------
// The lookup rule

/**
 * A zone with owners normalised (lower case, no trailing dot; duplicates merged in order),
 * targets without their trailing dot and AAAA values in canonical form. The zone loaders
 * already give this; call it on zones built by hand. Throws on an invalid AAAA value.
 */
export function normalizeZone(zone: ReadonlyZone): Zone {
  const out: Zone = new Map();
  for (const [rawOwner, items] of zone) {
    const owner = normalizeName(rawOwner);
    const list = out.get(owner) ?? [];
    for (const item of items) list.push(normalizeItem(item));
    out.set(owner, list);
  }
  return out;
}

function normalizeItem(item: ZoneItem): ZoneItem {
  switch (item.type) {
    case 'TIMEOUT':
    case 'SERVFAIL':
    case 'TXT':
    case 'A':
      return item;
    case 'AAAA': {
      const value = canonicalIpv6(item.value);
      if (value === undefined) throw new Error(`invalid AAAA value ${JSON.stringify(item.value)} in zone`);
      return { ...item, value };
    }
    case 'MX':
      return { ...item, value: { preference: item.value.preference, exchange: withoutTrailingDot(item.value.exchange) } };
    case 'PTR':
    case 'CNAME':
      return { ...item, value: withoutTrailingDot(item.value) };
    default: {
      const _never: never = item;
      throw new Error(`unreachable item ${JSON.stringify(_never)}`);
    }
  }
}

/** One CNAME followed by `lookupZone`. `target` is spelled as in the zone. */
export interface ZoneCnameStep {
  owner: string;
  target: string;
  ttl?: number;
}

/** What a zone says about one question; the answer section of `lookupZone`. */
export interface ZoneLookup {
  outcome: DnsAnswerKind;
  /** The CNAMEs followed, in order (RFC 1034 §3.6.2); a DNS server puts them first in the answer. */
  chain: ZoneCnameStep[];
  /** The records of the queried type at the end of the chain (empty unless `outcome` is `answer`). */
  records: ZoneRecord[];
  detail?: string;
  /** A servfail because of the CNAMEs: a loop, or a chain over `MAX_CNAME_CHAIN`. */
  cname?: CnameProblem;
}

/**
 * The one rule that turns a zone into answers, shared by `zoneResolver` and the test DNS
 * server. `zone` must be normalised (`normalizeZone`); `type` may be any type name (a server
 * gets asked for SOA too).
 *
 * - owner absent → nxdomain; owner present without records of the type → nodata (RFC 2308);
 * - a marker (TIMEOUT/SERVFAIL) reached before any record of the type fails the query;
 *   records of the type listed before it are returned (FORMAT.md §4 rule 4);
 * - a CNAME is followed for other types (RFC 1034 §3.6.2), case-insensitively; a loop or a
 *   chain of more than `MAX_CNAME_CHAIN` is a servfail, as a recursive server reports it.
 *
 * @example
 * const found = lookupZone(normalizeZone(zone), 'www.example.com', 'A');
 * if (found.outcome === 'answer') console.log(found.chain, found.records);
 */
export function lookupZone(zone: ReadonlyZone, name: string, type: string): ZoneLookup {
  const chain: ZoneCnameStep[] = [];
  let owner = normalizeName(name);
  const seen = new Set<string>([owner]);
  for (;;) {
    const items = zone.get(owner);
    if (items === undefined) return { outcome: 'nxdomain', chain, records: [] };
    const records: ZoneRecord[] = [];
    let cname: Extract<ZoneRecord, { type: 'CNAME' }> | undefined;
    let marker: ZoneMarker | undefined;
    for (const item of items) {
      if (item.type === 'TIMEOUT' || item.type === 'SERVFAIL') {
        if (item.rrType === undefined || item.rrType === type) {
          marker = item;
          break;
        }
      } else if (item.type === type) {
        records.push(item);
      } else if (item.type === 'CNAME' && cname === undefined) {
        cname = item;
      }
    }
    if (records.length > 0) return { outcome: 'answer', chain, records };
    if (marker !== undefined) {
      const outcome = marker.type === 'TIMEOUT' ? 'timeout' : 'servfail';
      return { outcome, chain, records, detail: `${marker.type} marker at ${owner}` };
    }
    if (cname === undefined) return { outcome: 'nodata', chain, records };
    if (chain.length >= MAX_CNAME_CHAIN) {
      return { outcome: 'servfail', chain, records, detail: `CNAME chain longer than ${MAX_CNAME_CHAIN} at ${owner}`, cname: 'too-long' };
    }
    const target = normalizeName(cname.value);
    chain.push(cname.ttl === undefined ? { owner, target: cname.value } : { owner, target: cname.value, ttl: cname.ttl });
    if (seen.has(target)) return { outcome: 'servfail', chain, records: [], detail: `CNAME loop at ${target}`, cname: 'loop' };
    seen.add(target);
    owner = target;
  }
}

// ---------------------------------------------------------------------------------------
// The zone resolver

/** One query answered by a zone resolver. */
export interface ZoneQuery {
  /** The name as asked (not normalised). */
  name: string;
  type: RrType;
  answer: DnsAnswerKind;
}

export interface ZoneResolverOptions {
  /** Keep the query log (default true). Switch it off for benchmarks. */
  log?: boolean;
}

/** A resolver over a zone, with the log of the queries it answered. */
export interface ZoneResolver extends Resolver {
  /** Every query answered, in order (empty when created with `log: false`). */
  readonly queries: ZoneQuery[];
  /** Empty the query log. */
  reset(): void;
}

interface Prepared {
  kind: DnsAnswerKind;
  promise: Promise<DnsAnswer<unknown>>;
}

function prepare(answer: DnsAnswer<unknown>): Prepared {
  return { kind: answer.kind, promise: Promise.resolve(Object.freeze(answer)) };
}

const NXDOMAIN: Prepared = prepare({ kind: 'nxdomain' });
const NODATA: Prepared = prepare({ kind: 'nodata' });

function freezeValue(record: ZoneRecord): unknown {
  switch (record.type) {
    case 'TXT':
      return Object.freeze([...record.value]);
    case 'MX':
      return Object.freeze({ preference: record.value.preference, exchange: record.value.exchange });
    case 'A':
    case 'AAAA':
    case 'PTR':
    case 'CNAME':
      return record.value;
    default: {
      const _never: never = record;
      throw new Error(`unreachable record ${JSON.stringify(_never)}`);
    }
  }
}

/** Turn a lookup into the answer a resolver gives; `ttl` is the smallest known along the chain. */
function answerFromLookup(found: ZoneLookup): DnsAnswer<unknown> {
  switch (found.outcome) {
    case 'answer': {
      let ttl: number | undefined;
      for (const step of [...found.chain, ...found.records]) {
        if (step.ttl !== undefined && (ttl === undefined || step.ttl < ttl)) ttl = step.ttl;
      }
      const records = Object.freeze(found.records.map(freezeValue)) as unknown[];
      return ttl === undefined ? { kind: 'answer', records } : { kind: 'answer', records, ttl };
    }
    case 'nxdomain':
    case 'nodata':
      return { kind: found.outcome };
    case 'timeout':
      return found.detail === undefined ? { kind: found.outcome } : { kind: found.outcome, detail: found.detail };
    case 'servfail':
      return { kind: 'servfail', ...(found.detail === undefined ? {} : { detail: found.detail }), ...(found.cname === undefined ? {} : { cname: found.cname }) };
    default: {
      const _never: never = found.outcome;
      throw new Error(`unreachable outcome ${String(_never)}`);
    }
  }
}

/**
 * A resolver that answers from a zone, at once (a TIMEOUT marker gives `{ kind: 'timeout' }`
 * without waiting). Every answer is computed when the resolver is built: a query is a map
 * lookup, a log entry and an already-resolved promise. Answers are frozen and shared between
 * queries — do not mutate them.
 *
 * @example
 * const resolver = zoneResolver(zoneFromText('example.com: [{TXT: "v=spf1 -all"}]'));
 * await resolver.query('EXAMPLE.com.', 'TXT'); // { kind: 'answer', records: [['v=spf1 -all']] }
 * resolver.queries; // [{ name: 'EXAMPLE.com.', type: 'TXT', answer: 'answer' }]
 */
export function zoneResolver(zone: ReadonlyZone, options: ZoneResolverOptions = {}): ZoneResolver {
  const normalized = normalizeZone(zone);
  const table = new Map<string, Record<RrType, Prepared>>();
  for (const owner of normalized.keys()) {
    const row = {} as Record<RrType, Prepared>;
    for (const type of RR_TYPES) {
      const found = lookupZone(normalized, owner, type);
      row[type] = found.outcome === 'nodata' ? NODATA : found.outcome === 'nxdomain' ? NXDOMAIN : prepare(answerFromLookup(found));
    }
    table.set(owner, row);
  }
  const log = options.log ?? true;
  const queries: ZoneQuery[] = [];

  return {
    queries,
    reset() {
      queries.length = 0;
    },
    query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      // Keys are normalised, so a hit on the name as given is a hit on its normal form.
      let row = table.get(name);
      if (row === undefined) {
        const key = normalizeName(name);
        if (key !== name) row = table.get(key);
      }
      const prepared = row === undefined ? NXDOMAIN : row[type];
      if (prepared === undefined) return Promise.reject(new TypeError(`unsupported record type ${String(type)}`));
      if (log) queries.push({ name, type, answer: prepared.kind });
      return prepared.promise as Promise<DnsAnswer<RecordData[T]>>;
    },
  };
}
