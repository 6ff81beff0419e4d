/**
 * The one DNS boundary of spfkit. Every protocol module asks DNS through this interface;
 * implementations live beside it (system, zone, cache, recorder).
 *
 * An answer keeps NXDOMAIN, NODATA, timeout and SERVFAIL apart: RFC 7208 §4.6.4 counts
 * NXDOMAIN and NODATA as void lookups, while §2.6.6 turns timeouts and server failures into
 * temperror.
 */

/** Record types spfkit asks for. */
export type RrType = 'TXT' | 'A' | 'AAAA' | 'MX' | 'PTR' | 'CNAME';

/** An MX record: only the exchange matters to SPF, the preference is kept for audits. */
export interface MxRecord {
  preference: number;
  exchange: string;
}

/**
 * The data of one resource record per type. A TXT record is its list of
 * character-strings (RFC 7208 §3.3 joins them without separator; audits look at each).
 */
export interface RecordData {
  TXT: string[];
  A: string;
  AAAA: string;
  MX: MxRecord;
  PTR: string;
  CNAME: string;
}

/** Records were found. `ttl` is the smallest TTL of the set, when the source knows it. */
export interface DnsRecords<T> {
  kind: 'answer';
  records: T[];
  ttl?: number;
}

/** The name does not exist (RCODE 3). */
export interface DnsNxdomain {
  kind: 'nxdomain';
  ttl?: number;
}

/** The name exists but has no records of the type asked (NOERROR, empty answer). */
export interface DnsNodata {
  kind: 'nodata';
  ttl?: number;
}

/** No answer within the deadline (or the server could not be reached). */
export interface DnsTimeout {
  kind: 'timeout';
  /** What the transport said, e.g. `ETIMEOUT` or `ECONNREFUSED 127.0.0.1:5353`. */
  detail?: string;
  /**
   * The server refused the connection (an ICMP port-unreachable or a TCP reset): nothing
   * listens there, so no answer was ever coming. Still temperror for SPF (RFC 7208 §2.6.6),
   * but not a slow answer — and a sign that the resolver itself is down.
   */
  refused?: true;
}

/** The server answered with a failure (SERVFAIL, REFUSED, a malformed reply …). */
export interface DnsServfail {
  kind: 'servfail';
  detail?: string;
  /**
   * Set when no server was asked: the caller's own limit of this many queries was spent
   * (dns/budget.ts), so the failure says nothing about the name's DNS.
   */
  budget?: number;
  /**
   * Set when the failure is the name's CNAMEs: they loop, or run longer than `MAX_CNAME_CHAIN`
   * (RFC 1034 §3.6.2 wants loops "signalled as an error"; a recursive server answers SERVFAIL).
   */
  cname?: CnameProblem;
}

/** What is wrong with a name's CNAMEs: a `loop`, or a chain longer than `MAX_CNAME_CHAIN` (`too-long`). */
export type CnameProblem = 'loop' | 'too-long';

/**
 * At most this many CNAMEs are followed for one query; a longer chain, or a loop, is a servfail
 * with `cname` set. The zone resolver, the wire path and the test DNS server share this bound.
 */
export const MAX_CNAME_CHAIN = 8;

export type DnsAnswer<T> = DnsRecords<T> | DnsNxdomain | DnsNodata | DnsTimeout | DnsServfail;

/** The kinds of answer, for traces and logs. */
export type DnsAnswerKind = DnsAnswer<unknown>['kind'];

/**
 * One DNS question → one answer. Implementations never throw for a DNS outcome; a thrown
 * error is a programmer error.
 *
 * @example
 * const answer = await resolver.query('example.com', 'TXT');
 * if (answer.kind === 'answer') console.log(answer.records.map((r) => r.join('')));
 */
export interface Resolver {
  query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>>;
}

/** True for the answers that RFC 7208 §4.6.4 counts as a void lookup. */
export function isVoid(answer: DnsAnswer<unknown>): boolean {
  return answer.kind === 'nxdomain' || answer.kind === 'nodata' || (answer.kind === 'answer' && answer.records.length === 0);
}

/** True for the answers that make an SPF check end in temperror (RFC 7208 §2.6.6). */
export function isTemporaryFailure(answer: DnsAnswer<unknown>): answer is DnsTimeout | DnsServfail {
  return answer.kind === 'timeout' || answer.kind === 'servfail';
}

/**
 * The canonical form of a DNS name for comparison and lookup keys: lower case, no trailing
 * dot. DNS names compare case-insensitively (RFC 4343).
 */
export function normalizeName(name: string): string {
  return withoutTrailingDot(name.toLowerCase());
}

/**
 * A name without its one trailing dot (the root's), case kept: DNS preserves case (RFC 4343
 * §2), so targets are reported as written. `normalizeName` also folds case.
 *
 * @example
 * withoutTrailingDot('Mail.Example.com.'); // 'Mail.Example.com'
 */
export function withoutTrailingDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}
