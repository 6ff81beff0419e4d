/**
 * The trace header fields an SPF verifier adds to a message: Received-SPF (RFC 7208 §9.1)
 * and the `spf` method of Authentication-Results (RFC 8601 §2.7.2, RFC 7208 §9.2). Made from
 * a finished check; for any MTA integration, not only the policy service.
 */
import { t } from '../i18n/catalog.ts';
import { type Lang, DEFAULT_LANG } from '../i18n/lang.ts';
import type { SpfCheck } from '../spf/types.ts';

export interface ReceivedSpfOptions {
  /** This host's name (`receiver=` and the comment); policyd-spf's Hide_Receiver shows `<UNKNOWN>`. */
  receiver: string;
  /** The HELO/EHLO name given by the client (`helo=`), when known. */
  helo?: string;
  /** The MAIL FROM as given ("" = null reverse-path), for `envelope-from=`. Default: the checked sender. */
  envelopeFrom?: string;
  /** Language of the comment (default English). */
  lang?: Lang;
}

/** RFC 5322 §3.2.3 atext, the characters a dot-atom may have besides the dots. */
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** RFC 7208 §9.1: `key=value` where value = dot-atom / quoted-string. */
function keyValue(key: string, value: string): string {
  return `${key}=${ATEXT.test(value) ? value : quoted(value)}`;
}

/** Control characters (C0 and DEL): never inside one header line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f]/g;

/** An RFC 5322 quoted-string: `"` and `\` escaped; controls and line breaks dropped (one header line). */
function quoted(value: string): string {
  return `"${value.replace(CONTROLS, '').replace(/(["\\])/g, '\\$1')}"`;
}

/** A comment's text: parentheses and backslashes escaped (RFC 5322 §3.2.2 ctext), controls dropped. */
function commentText(value: string): string {
  return value.replace(CONTROLS, '').replace(/([()\\])/g, '\\$1');
}

/** The identity as the header names it (§9.1: "mailfrom" / "helo"). */
function identityName(check: SpfCheck): 'mailfrom' | 'helo' {
  return check.identity === 'mfrom' ? 'mailfrom' : 'helo';
}

/**
 * The value of a Received-SPF header field (without the `Received-SPF: ` name) with every
 * key-value pair of RFC 7208 §9.1 that applies: client-ip, envelope-from, helo, receiver,
 * identity, and mechanism or problem.
 *
 * @example
 * receivedSpfHeader(check, { receiver: 'mx.example.org', helo: 'smtp1.blueinkt.com' })
 * // 'pass (mx.example.org: domain of info@klant.nl designates 5.255.64.53 as permitted sender)
 * //  client-ip=5.255.64.53; envelope-from="info@klant.nl"; helo=smtp1.blueinkt.com; receiver=mx.example.org;
 * //  identity=mailfrom; mechanism="a:smtp1.blueinkt.com"'   (one line)
 */
export function receivedSpfHeader(check: SpfCheck, options: ReceivedSpfOptions): string {
  const lang = options.lang ?? DEFAULT_LANG;
  const who = check.identity === 'mfrom' ? check.sender : check.domain;
  const comment = t(lang, `policyd.received.${check.result}`, { receiver: options.receiver, identity: who, ip: check.ip });
  const pairs = [keyValue('client-ip', check.ip), `envelope-from=${quoted(options.envelopeFrom ?? (check.identity === 'mfrom' ? check.sender : ''))}`];
  if (options.helo) pairs.push(keyValue('helo', options.helo));
  pairs.push(keyValue('receiver', options.receiver), `identity=${identityName(check)}`);
  if (check.matched) pairs.push(keyValue('mechanism', check.matched.text));
  const problem = problemText(check);
  if (problem !== undefined) pairs.push(keyValue('problem', problem));
  return `${check.result} (${commentText(comment)}) ${pairs.join('; ')};`;
}

/** §9.1 `problem=`: what went wrong, for permerror and temperror (the cause, as data words). */
function problemText(check: SpfCheck): string | undefined {
  if (check.result !== 'permerror' && check.result !== 'temperror') return undefined;
  const cause = check.cause;
  switch (cause.code) {
    case 'dns-error':
      return `${cause.answer} looking up ${cause.name} ${cause.type}`;
    case 'syntax':
      return `syntax error in the record of ${cause.domain}`;
    case 'multiple-records':
      return `${cause.count} SPF records at ${cause.domain}`;
    case 'lookup-limit':
      return `more than ${cause.limit} DNS-querying terms`;
    case 'void-limit':
      return `more than ${cause.limit} void lookups`;
    case 'mx-limit':
      return `more than ${cause.limit} MX names`;
    case 'include-none':
      return `include:${cause.target} has no SPF record`;
    case 'redirect-none':
      return `redirect=${cause.target} has no SPF record`;
    case 'invalid-target':
      return `invalid domain name ${cause.target}`;
    case 'macro-too-long':
      return `macro expansion longer than ${cause.limit}`;
    case 'matched':
    case 'no-match':
    case 'invalid-domain':
    case 'no-record':
      return undefined;
    default: {
      const never: never = cause;
      return never;
    }
  }
}

export interface AuthResultsOptions {
  /** RFC 8601 §2.5 authserv-id: the name of this verifier's administrative domain (e.g. mx.example.org). */
  authservId: string;
  /** Language of the reason comment (default English). */
  lang?: Lang;
  /** The receiving host's name in the comment (default: the authserv-id). */
  receiver?: string;
}

/**
 * The value of an Authentication-Results header field (without the name) for an SPF check:
 * `authserv-id; spf=<result> (comment) smtp.mailfrom=<sender>` or `smtp.helo=<name>`
 * (RFC 8601 §2.7.2; RFC 7208 §9.2).
 *
 * @example
 * authResultsHeader(check, { authservId: 'mx.example.org' })
 * // 'mx.example.org; spf=fail (mx.example.org: domain of info@klant.nl does not designate 5.255.64.53 as permitted sender) smtp.mailfrom=info@klant.nl'
 */
export function authResultsHeader(check: SpfCheck, options: AuthResultsOptions): string {
  const lang = options.lang ?? DEFAULT_LANG;
  const who = check.identity === 'mfrom' ? check.sender : check.domain;
  const comment = t(lang, `policyd.received.${check.result}`, { receiver: options.receiver ?? options.authservId, identity: who, ip: check.ip });
  const property = check.identity === 'mfrom' ? `smtp.mailfrom=${pvalue(check.sender)}` : `smtp.helo=${pvalue(check.domain)}`;
  return `${options.authservId}; spf=${check.result} (${commentText(comment)}) ${property}`;
}

/** RFC 8601 §2.2 pvalue: a token, an addr-spec, or else a quoted-string. */
export function pvalue(value: string): string {
  return /^[A-Za-z0-9!#$%&'*+\-.^_`{|}~]+(@[A-Za-z0-9.-]+)?$/.test(value) ? value : quoted(value);
}
