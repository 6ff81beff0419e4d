/**
 * The whole verdict on a received message (issue 13.3): every DKIM-Signature verified
 * (src/dkim/verify.ts), SPF for the SMTP client (given, or read from the message's own trace
 * headers when asked — marked as such, since anyone upstream can write them), DMARC
 * alignment and result by the pure `dmarcOutcome`, the Authentication-Results and ARC fields
 * already in the message listed but never trusted (RFC 8601 §5), and our own
 * Authentication-Results header value. Used by `spfkit message`, `POST /api/message` and the
 * test inbox. No words here: src/i18n renders them (`message.*`, `dkim-verify.*`).
 */
import type { Resolver } from '../dns/resolver.ts';
import { parseMessage, type HeaderField, type MessageIssue } from '../dkim/message.ts';
import { verifyDkim, type DkimVerification } from '../dkim/verify.ts';
import { discoverDmarc } from '../dmarc/discover.ts';
import { organizationalDomainOf, walkDmarcTree } from '../dmarc/tree-walk.ts';
import { pvalue } from '../policyd/headers.ts';
import { bundledPublicSuffixList } from '../psl/bundled.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import { evaluateSpf, validateCheckInput, type CheckInputIssue } from '../spf/evaluate.ts';
import type { SpfCheck } from '../spf/types.ts';
import { dmarcOutcome, policyLookupOf, type IdentifierDomain } from './dmarc-outcome.ts';
import type { DmarcOutcome } from './types.ts';

/** The SMTP session as the receiver saw it; every part optional. */
export interface MessageClient {
  /** The connecting client's IP address. */
  ip?: string;
  /** The HELO/EHLO name. */
  helo?: string;
  /** The MAIL FROM address ("" is the null reverse-path). */
  mailFrom?: string;
}

export interface MessageDeps {
  resolver: Resolver;
  /** The verification time, milliseconds since the epoch (DKIM x=/t=, SPF %{t}). */
  now: number;
  /** RFC 8601 §2.5 authserv-id for our Authentication-Results; default `spfkit`. */
  authservId?: string;
  /** Read the SMTP client from the Received / Return-Path headers when `client` lacks it. */
  traceHeaders?: boolean;
  /** For the RFC 7489 side notes of DMARC discovery; default the bundled list. */
  suffixes?: PublicSuffixList;
}

/** The RFC5322.From of the message (the DMARC Author Domain). */
export type FromIdentity =
  | { kind: 'one'; address: string; domain: string }
  | { kind: 'none' }
  /** Several From fields or addresses: DMARC has no single Author Domain (RFC 9989 §4.4). */
  | { kind: 'several'; addresses: string[] }
  | { kind: 'unreadable'; value: string };

/** Where the SPF input came from. */
export type SpfSource = 'given' | 'trace-headers';

export type MessageSpf =
  | { kind: 'checked'; source: SpfSource; ip: string; helo?: string; mailFrom: string; check: SpfCheck }
  /** No client IP was given (and trace headers were not asked for, or held none). */
  | { kind: 'not-checked'; reason: 'no-ip' }
  | { kind: 'not-checked'; reason: 'bad-input'; source: SpfSource; issues: CheckInputIssue[] };

export type MessageDmarc = { kind: 'evaluated'; fromDomain: string; outcome: DmarcOutcome } | { kind: 'not-evaluated'; reason: 'no-from' | 'several-from' | 'unreadable-from' };

/** A header field already in the message that claims an authentication result: shown, never trusted. */
export interface UntrustedResult {
  name: string;
  value: string;
}

/** The whole evaluation of one message. */
export interface MessageEvaluation {
  message: { headerFields: number; bodyOctets: number; issues: MessageIssue[]; subject?: string; messageId?: string };
  from: FromIdentity;
  dkim: DkimVerification[];
  spf: MessageSpf;
  dmarc: MessageDmarc;
  untrusted: UntrustedResult[];
  /** Our Authentication-Results field value (RFC 8601 §2.2), without the field name. */
  authenticationResults: string;
}

const UNTRUSTED = new Set(['authentication-results', 'arc-authentication-results', 'arc-seal', 'arc-message-signature', 'received-spf']);

function lastField(headers: readonly HeaderField[], key: string): HeaderField | undefined {
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i]?.key === key) return headers[i];
  return undefined;
}

function firstField(headers: readonly HeaderField[], key: string): HeaderField | undefined {
  return headers.find((header) => header.key === key);
}

function unfold(value: string): string {
  return value.replace(/\r\n/g, '').trim();
}

/** RFC 5322 §3.4 addresses of a From value, simplified: angle-addrs, else bare addr-specs; comments dropped. */
function addressesOf(value: string): string[] {
  const text = unfold(value)
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\((?:[^()\\]|\\.)*\)/g, ' ');
  const angled = [...text.matchAll(/<([^<>]*)>/g)].map((m) => (m[1] ?? '').trim());
  if (angled.length > 0) return angled;
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  const domain = address.slice(at + 1).toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9])?$/.test(domain) && domain.includes('.') ? domain : undefined;
}

/** The From identity (RFC 9989 §4.4: exactly one address). */
export function fromIdentity(headers: readonly HeaderField[]): FromIdentity {
  const fields = headers.filter((header) => header.key === 'from');
  if (fields.length === 0) return { kind: 'none' };
  const addresses = fields.flatMap((field) => addressesOf(field.value));
  if (addresses.length > 1) return { kind: 'several', addresses };
  const [address] = addresses;
  const domain = address === undefined ? undefined : domainOf(address);
  if (address === undefined || domain === undefined) return { kind: 'unreadable', value: unfold(fields[0]?.value ?? '').slice(0, 200) };
  return { kind: 'one', address, domain };
}

/**
 * The SMTP client from the message's trace headers (RFC 5321 §4.4): the top Received field's
 * `from <helo> (… [ip])` and the top Return-Path. Written by whoever handled the message, so
 * only a hint — the result is marked `trace-headers`.
 */
export function clientFromTraceHeaders(headers: readonly HeaderField[]): MessageClient {
  const client: MessageClient = {};
  const received = firstField(headers, 'received');
  if (received !== undefined) {
    const text = unfold(received.value);
    const helo = /\bfrom\s+([^\s();]+)/i.exec(text)?.[1];
    const ip = /\[(?:IPv6:)?([0-9A-Fa-f:.]+)\]/.exec(text)?.[1];
    if (helo !== undefined) client.helo = helo;
    if (ip !== undefined) client.ip = ip;
  }
  const returnPath = firstField(headers, 'return-path');
  if (returnPath !== undefined) {
    const value = unfold(returnPath.value);
    client.mailFrom = /<([^<>]*)>/.exec(value)?.[1]?.trim() ?? value;
  }
  return client;
}

async function organizationalDomain(domain: string, resolver: Resolver, cache: Map<string, Promise<string | undefined>>): Promise<string | undefined> {
  let found = cache.get(domain);
  if (found === undefined) {
    found = walkDmarcTree(domain, resolver).then((walk) => (walk.kind === 'complete' ? organizationalDomainOf(walk) : undefined));
    cache.set(domain, found);
  }
  return found;
}

/** Whether a domain exists (A, AAAA or MX), for `np` (RFC 9989 §4.10.1). */
async function domainExists(domain: string, resolver: Resolver): Promise<boolean | 'unknown'> {
  const answers = await Promise.all((['A', 'AAAA', 'MX'] as const).map((type) => resolver.query(domain, type)));
  if (answers.some((answer) => answer.kind === 'answer' && answer.records.length > 0)) return true;
  if (answers.some((answer) => answer.kind === 'timeout' || answer.kind === 'servfail')) return 'unknown';
  return false;
}

async function checkSpf(client: MessageClient, source: SpfSource, deps: MessageDeps): Promise<MessageSpf> {
  if (client.ip === undefined || client.ip === '') return { kind: 'not-checked', reason: 'no-ip' };
  const mailFrom = client.mailFrom ?? '';
  const input = { ip: client.ip, sender: mailFrom, ...(client.helo === undefined ? {} : { helo: client.helo }) };
  const valid = validateCheckInput(input);
  if (!valid.ok) return { kind: 'not-checked', reason: 'bad-input', source, issues: valid.issues };
  const check = await evaluateSpf(input, { resolver: deps.resolver, now: () => deps.now });
  return { kind: 'checked', source, ip: client.ip, mailFrom, ...(client.helo === undefined ? {} : { helo: client.helo }), check };
}

/** The identifier SPF authenticated: the MAIL FROM domain, or the HELO name for a null sender. */
function spfIdentifier(spf: MessageSpf): string | undefined {
  return spf.kind === 'checked' ? spf.check.domain : undefined;
}

/** Our Authentication-Results value (RFC 8601 §2.2, §2.7): dkim, spf, dmarc. */
function authenticationResults(authservId: string, dkim: readonly DkimVerification[], spf: MessageSpf, dmarc: MessageDmarc, from: FromIdentity): string {
  const parts: string[] = [];
  if (dkim.length === 0) parts.push('dkim=none');
  for (const verification of dkim) {
    const props = [
      ...(verification.domain === undefined ? [] : [`header.d=${pvalue(verification.domain)}`]),
      ...(verification.selector === undefined ? [] : [`header.s=${pvalue(verification.selector)}`]),
      ...(verification.algorithm === undefined ? [] : [`header.a=${verification.algorithm}`]),
      // RFC 6008 §4: the first 8 characters of b= tell signatures apart.
      ...(verification.b === undefined ? [] : [`header.b=${pvalue(verification.b)}`]),
    ];
    const reason = verification.cause.code === 'verified' ? '' : ` reason=${pvalue(verification.cause.code)}`;
    parts.push([`dkim=${verification.result}${reason}`, ...props].join(' '));
  }
  switch (spf.kind) {
    case 'checked': {
      const property = spf.check.identity === 'mfrom' ? `smtp.mailfrom=${pvalue(spf.check.sender)}` : `smtp.helo=${pvalue(spf.check.domain)}`;
      // The client came from the message's own Received header: say so in a comment.
      const comment = spf.source === 'trace-headers' ? ' (trace-headers)' : '';
      parts.push(`spf=${spf.check.result}${comment} ${property}`);
      break;
    }
    case 'not-checked':
      break;
    default: {
      const never: never = spf;
      throw new Error(`unhandled spf ${String(never)}`);
    }
  }
  if (dmarc.kind === 'evaluated') {
    const policy = dmarc.outcome.policy === undefined ? '' : ` policy.dmarc=${dmarc.outcome.policy.effective}`;
    parts.push(`dmarc=${dmarc.outcome.result}${policy} header.from=${pvalue(dmarc.fromDomain)}`);
  } else if (from.kind !== 'one') {
    parts.push('dmarc=permerror');
  }
  return `${authservId}; ${parts.join(';\r\n\t')}`;
}

/**
 * Evaluates a received message: DKIM, SPF, DMARC, our Authentication-Results. Never throws for
 * anything a message or DNS can hold (a binary blob gives no headers and no signatures).
 *
 * @example
 * const evaluation = await evaluateMessage(raw, { ip: '192.0.2.1', helo: 'mail.example.com', mailFrom: 'a@example.com' }, { resolver, now: Date.now() });
 * evaluation.dkim.map((d) => d.result); evaluation.dmarc; evaluation.authenticationResults;
 */
export async function evaluateMessage(raw: Uint8Array | string, client: MessageClient, deps: MessageDeps): Promise<MessageEvaluation> {
  const message = parseMessage(raw);
  const { headers } = message;
  const from = fromIdentity(headers);
  const trace = deps.traceHeaders === true && (client.ip === undefined || client.ip === '');
  const spfClient = trace ? { ...clientFromTraceHeaders(headers), ...Object.fromEntries(Object.entries(client).filter(([, v]) => v !== undefined && v !== '')) } : client;
  const [dkim, spf] = await Promise.all([verifyDkim(message, { resolver: deps.resolver, now: deps.now }), checkSpf(spfClient, trace ? 'trace-headers' : 'given', deps)]);

  let dmarc: MessageDmarc;
  switch (from.kind) {
    case 'none':
      dmarc = { kind: 'not-evaluated', reason: 'no-from' };
      break;
    case 'several':
      dmarc = { kind: 'not-evaluated', reason: 'several-from' };
      break;
    case 'unreadable':
      dmarc = { kind: 'not-evaluated', reason: 'unreadable-from' };
      break;
    case 'one': {
      const orgCache = new Map<string, Promise<string | undefined>>();
      const discovery = await discoverDmarc(from.domain, deps.resolver, deps.suffixes ?? bundledPublicSuffixList());
      const fromOrg = discovery.kind === 'temporary-failure' ? undefined : discovery.organizationalDomain;
      orgCache.set(from.domain, Promise.resolve(fromOrg));
      const policy = policyLookupOf(discovery);
      const exists = policy.kind === 'found' && policy.source !== 'author' ? await domainExists(from.domain, deps.resolver) : true;
      const spfDomain = spfIdentifier(spf);
      const spfIdentity: IdentifierDomain = spfDomain === undefined ? { domain: '', organizationalDomain: undefined } : { domain: spfDomain, organizationalDomain: await organizationalDomain(spfDomain, deps.resolver, orgCache) };
      const signed = dkim.filter((d): d is DkimVerification & { domain: string } => d.domain !== undefined);
      const dkimIdentities = await Promise.all(signed.map(async (d) => ({ domain: d.domain, organizationalDomain: await organizationalDomain(d.domain, deps.resolver, orgCache), result: d.result })));
      const outcome = dmarcOutcome({
        from: { domain: from.domain, organizationalDomain: fromOrg, exists },
        spf: { ...spfIdentity, result: spf.kind === 'checked' ? spf.check.result : 'none' },
        dkim: dkimIdentities,
        policy,
      });
      dmarc = { kind: 'evaluated', fromDomain: from.domain, outcome };
      break;
    }
    default: {
      const never: never = from;
      throw new Error(`unhandled from ${String(never)}`);
    }
  }

  const subject = lastField(headers, 'subject');
  const messageId = lastField(headers, 'message-id');
  return {
    message: {
      headerFields: headers.length,
      bodyOctets: message.body.length,
      issues: message.issues,
      ...(subject === undefined ? {} : { subject: unfold(subject.value).slice(0, 300) }),
      ...(messageId === undefined ? {} : { messageId: unfold(messageId.value).slice(0, 300) }),
    },
    from,
    dkim,
    spf,
    dmarc,
    untrusted: headers.filter((header) => UNTRUSTED.has(header.key)).map((header) => ({ name: header.name, value: unfold(header.value).slice(0, 2000) })),
    authenticationResults: authenticationResults(deps.authservId ?? 'spfkit', dkim, spf, dmarc, from),
  };
}
