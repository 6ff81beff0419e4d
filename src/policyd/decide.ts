/**
 * The policy decision for one request, as policyd-spf makes it (policyd-spf.conf(5)): skip
 * local and whitelisted clients, check the HELO identity first, then MAIL FROM (a null sender
 * is its HELO identity, RFC 7208 §2.4), reject / defer / prepend per the settings. SPF itself
 * is the library's `evaluateSpf`; this module only chooses what to answer.
 */
import { budgetResolver } from '../dns/budget.ts';
import { type Resolver, normalizeName } from '../dns/resolver.ts';
import { t } from '../i18n/catalog.ts';
import { addressValue, cidrHas } from '../spf/cidr.ts';
import { evaluateSpf } from '../spf/evaluate.ts';
import { parseClientIp } from '../spf/ip.ts';
import type { RecordCache } from '../spf/record-cache.ts';
import type { SpfCheck, SpfResult } from '../spf/types.ts';
import { authResultsHeader, receivedSpfHeader } from './headers.ts';
import type { PolicyRequest, RequestProblem } from './protocol.ts';
import type { PolicySettings, RejectLevel } from './settings.ts';

/** What was decided and why, for the answer and the log line. */
export interface PolicyDecision {
  /** The `action=` value sent to Postfix. */
  action: string;
  verdict: 'prepend' | 'reject' | 'defer' | 'dunno';
  reason:
    | 'checked'
    | 'skip-address'
    | 'whitelist-ip'
    | 'whitelist-helo'
    | 'whitelist-domain'
    | 'whitelist-ptr'
    | 'not-checked-stage'
    | 'repeat'
    | 'bad-request'
    | 'malformed'
    | 'deadline'
    | 'error';
  client: string;
  helo: string;
  sender: string;
  heloResult?: SpfResult;
  mailFromResult?: SpfResult;
  /** Milliseconds the decision took. */
  ms: number;
  /** Internal error text, for the log only. */
  error?: string;
}

/** What a decision needs from outside: DNS and the clock. */
export interface PolicyContext {
  resolver: Resolver;
  /** Milliseconds clock (for the deadline and `ms`). */
  now: () => number;
  /** Parsed records shared across requests. */
  records?: RecordCache;
}

/**
 * One client connection's memory: Postfix sends a request per recipient (and per message)
 * on one connection, so the HELO check is made once per connection and a message's header
 * is prepended once (policyd-spf keeps the same per-instance cache).
 */
export interface ConnectionState {
  heloChecks: Map<string, SpfCheck>;
  instances: Map<string, PolicyDecision>;
}

export function newConnectionState(): ConnectionState {
  return { heloChecks: new Map(), instances: new Map() };
}

/** Most queries one request may make (HELO, MAIL FROM and whitelists together). */
const MAX_QUERIES = 300;

/** The longest explanation quoted from a domain's exp= in a reply. */
const EXPLANATION_LIMIT = 300;

/** RFC 7372 enhanced status codes for SPF. */
const CODES = { fail: '550 5.7.23', permerror: '550 5.7.24', temperror: '451 4.7.24' } as const;

/**
 * Decides one request. Never throws and always settles within `settings.deadlineMs` (plus
 * timer slack): an internal error or the deadline answers `settings.onFailure`.
 *
 * @example
 * const state = newConnectionState();
 * const d = await decidePolicy(request, settings, { resolver, now: () => performance.now() }, state);
 * socket.write(formatResponse(d.action));
 */
export async function decidePolicy(
  request: PolicyRequest,
  settings: PolicySettings,
  context: PolicyContext,
  state: ConnectionState = newConnectionState(),
  problems: readonly RequestProblem[] = [],
): Promise<PolicyDecision> {
  const started = context.now();
  const base = { client: request.get('client_address') ?? '', helo: request.get('helo_name') ?? '', sender: request.get('sender') ?? '' };
  const failure = (reason: 'deadline' | 'error' | 'malformed', error?: string): PolicyDecision => {
    const decision: PolicyDecision = { ...base, ...failureAnswer(settings, reason), reason, ms: context.now() - started };
    if (error !== undefined) decision.error = error;
    return decision;
  };
  if (problems.length > 0) return failure('malformed');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<PolicyDecision>((resolve) => {
    timer = setTimeout(() => resolve(failure('deadline')), settings.deadlineMs);
  });
  // The DNS work gets the deadline too, so that a stuck query does not outlive the answer.
  const resolver = budgetResolver(context.resolver, { maxQueries: MAX_QUERIES, deadlineMs: settings.deadlineMs });
  const work = decide(request, settings, { ...context, resolver }, state, base).then(
    (partial): PolicyDecision => (resolver.stats.expired > 0 ? failure('deadline') : { ...base, ...partial, ms: context.now() - started }),
    (error: unknown) => failure('error', error instanceof Error ? error.message : String(error)),
  );
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

type Answer = Omit<PolicyDecision, 'client' | 'helo' | 'sender' | 'ms'>;

function failureAnswer(settings: PolicySettings, reason: 'deadline' | 'error' | 'malformed'): Pick<PolicyDecision, 'action' | 'verdict'> {
  if (settings.onFailure === 'DUNNO') return { action: 'DUNNO', verdict: 'dunno' };
  return { action: `DEFER ${t(settings.lang, reason === 'deadline' ? 'policyd.defer.deadline' : 'policyd.defer.error')}`, verdict: 'defer' };
}

async function decide(
  request: PolicyRequest,
  settings: PolicySettings,
  context: PolicyContext,
  state: ConnectionState,
  base: { client: string; helo: string; sender: string },
): Promise<Answer> {
  const stage = request.get('protocol_state') ?? 'RCPT';
  if (request.get('request') !== 'smtpd_access_policy' || (stage !== 'RCPT' && stage !== 'MAIL')) {
    return { action: 'DUNNO', verdict: 'dunno', reason: 'not-checked-stage' };
  }
  const ip = parseClientIp(base.client);
  if (!ip) return { action: 'DUNNO', verdict: 'dunno', reason: 'bad-request' };
  const instance = request.get('instance');
  const earlier = instance ? state.instances.get(instance) : undefined;
  if (earlier) {
    // A later recipient of the same message: the header is there already; a refusal stands.
    const repeat: Answer = earlier.verdict === 'prepend' ? { action: 'DUNNO', verdict: 'dunno', reason: 'repeat' } : { action: earlier.action, verdict: earlier.verdict, reason: 'repeat' };
    if (earlier.heloResult) repeat.heloResult = earlier.heloResult;
    if (earlier.mailFromResult) repeat.mailFromResult = earlier.mailFromResult;
    return repeat;
  }
  const decision = await decideChecked(settings, context, state, base, ip.text);
  if (instance) {
    state.instances.set(instance, { ...base, ...decision, ms: 0 });
    // Keep the per-connection memory small on a long-lived connection.
    if (state.instances.size > 100) state.instances.delete(state.instances.keys().next().value as string);
  }
  return decision;
}

async function decideChecked(
  settings: PolicySettings,
  context: PolicyContext,
  state: ConnectionState,
  base: { client: string; helo: string; sender: string },
  ip: string,
): Promise<Answer> {
  const lang = settings.lang;
  const address = addressValue(base.client) ?? addressValue(ip);
  const comment = (text: string): string => `PREPEND X-Comment: ${text}`;
  if (address && settings.skipAddresses.some((c) => cidrHas(c, address))) {
    return { action: comment(t(lang, 'policyd.skip.local', { ip })), verdict: 'prepend', reason: 'skip-address' };
  }
  if (address && settings.whitelist.some((c) => cidrHas(c, address))) {
    return { action: comment(t(lang, 'policyd.skip.whitelist-ip', { ip })), verdict: 'prepend', reason: 'whitelist-ip' };
  }
  const check = (sender: string, helo: string, overrides?: Record<string, string>): Promise<SpfCheck> =>
    evaluateSpf({ ip, sender, helo }, { resolver: context.resolver, records: context.records, receiver: settings.receiver, now: context.now, overrides });
  // HELO names compare without case and trailing dot.
  const heloName = normalizeName(base.helo.trim());
  if (heloName !== '' && settings.heloWhitelist.includes(heloName)) {
    // Only when the name's own A/AAAA has the client: a forged HELO must not pass (policyd-spf does the same).
    if ((await check('', heloName, { [heloName]: 'v=spf1 a -all' })).result === 'pass') {
      return { action: comment(t(lang, 'policyd.skip.whitelist-helo', { ip, name: heloName })), verdict: 'prepend', reason: 'whitelist-helo' };
    }
  }
  for (const domain of settings.domainWhitelist) {
    if ((await check(`postmaster@${domain}`, heloName)).result === 'pass') {
      return { action: comment(t(lang, 'policyd.skip.whitelist-domain', { ip, domain })), verdict: 'prepend', reason: 'whitelist-domain' };
    }
  }
  for (const domain of settings.domainWhitelistPtr) {
    // RFC 7208 §5.5's validated-PTR match, made by the evaluator itself on a stand-in record.
    if ((await check(`postmaster@${domain}`, heloName, { [domain]: 'v=spf1 ptr -all' })).result === 'pass') {
      return { action: comment(t(lang, 'policyd.skip.whitelist-ptr', { ip, domain })), verdict: 'prepend', reason: 'whitelist-ptr' };
    }
  }

  const nullSender = base.sender === '';
  let heloCheck: SpfCheck | undefined;
  const heloIdentity = async (): Promise<SpfCheck | undefined> => {
    if (heloName === '') return undefined;
    const key = `${ip} ${heloName}`;
    const cached = state.heloChecks.get(key);
    if (cached) return cached;
    const fresh = await check('', heloName);
    // A temporary error is not worth remembering: the next message may get an answer.
    if (fresh.result !== 'temperror') state.heloChecks.set(key, fresh);
    return fresh;
  };
  const results: Pick<Answer, 'heloResult' | 'mailFromResult'> = {};
  if (settings.heloReject !== 'No_Check') {
    heloCheck = await heloIdentity();
    if (heloCheck) {
      results.heloResult = heloCheck.result;
      const refusal = refuse(heloCheck, settings.heloReject, settings, nullSender);
      if (refusal) return { ...refusal, ...results };
    }
  }
  let mailCheck: SpfCheck | undefined;
  if (settings.mailFromReject !== 'No_Check') {
    // RFC 7208 §2.4: the null reverse-path is checked as postmaster@<HELO name>.
    if (nullSender) mailCheck = await heloIdentity();
    else mailCheck = await check(senderForCheck(base.sender), heloName);
    if (mailCheck) {
      results.mailFromResult = mailCheck.result;
      const refusal = refuse(mailCheck, settings.mailFromReject, settings, nullSender);
      if (refusal) return { ...refusal, ...results };
    }
  }
  const shown = mailCheck ?? heloCheck;
  if (!shown || settings.headerType === 'None') return { action: 'DUNNO', verdict: 'dunno', reason: 'checked', ...results };
  const receiver = settings.hideReceiver ? '<UNKNOWN>' : settings.receiver;
  const header =
    settings.headerType === 'SPF'
      ? `Received-SPF: ${receivedSpfHeader(shown, { receiver, helo: base.helo || undefined, envelopeFrom: base.sender, lang })}`
      : `Authentication-Results: ${authResultsHeader(shown, { authservId: settings.authservId, receiver, lang })}`;
  return { action: `PREPEND ${header}`, verdict: 'prepend', reason: 'checked', ...results };
}

/** Whether a reject level refuses a result (policyd-spf.conf(5), HELO/Mail From CHECKING). */
function rejectsResult(level: RejectLevel, result: SpfResult, identity: 'helo' | 'mfrom', nullSender: boolean): boolean {
  switch (level) {
    case 'Fail':
      return result === 'fail';
    case 'SPF_Not_Pass':
      return result === 'fail' || result === 'softfail' || result === 'neutral';
    case 'Softfail':
      return result === 'fail' || result === 'softfail';
    case 'Null':
      // "Only reject HELO Fail for Null sender (SPF Classic)".
      return result === 'fail' && (identity === 'mfrom' || nullSender);
    case 'False':
    case 'No_Check':
      return false;
    default: {
      const never: never = level;
      return never;
    }
  }
}

/** The reject or defer answer for a check, or undefined to go on. */
function refuse(check: SpfCheck, level: RejectLevel, settings: PolicySettings, nullSender: boolean): Pick<Answer, 'action' | 'verdict' | 'reason'> | undefined {
  const lang = settings.lang;
  const identity = check.identity === 'mfrom' ? check.sender : check.domain;
  const see = settings.whyUrl ? ` ${t(lang, 'policyd.see', { url: whyLink(settings.whyUrl, check) })}` : '';
  if (level === 'False' || level === 'No_Check') return undefined;
  if (check.result === 'permerror') {
    if (!settings.permErrorReject) return undefined;
    return { action: `${CODES.permerror} ${t(lang, 'policyd.reject.permerror', { identity })}${see}`, verdict: 'reject', reason: 'checked' };
  }
  if (check.result === 'temperror') {
    if (!settings.tempErrorDefer) return undefined;
    return { action: `${CODES.temperror} ${t(lang, 'policyd.defer.temperror', { identity })}`, verdict: 'defer', reason: 'checked' };
  }
  if (!rejectsResult(level, check.result, check.identity, nullSender)) return undefined;
  const key = check.result === 'fail' ? 'policyd.reject.fail' : check.result === 'softfail' ? 'policyd.reject.softfail' : 'policyd.reject.neutral';
  // RFC 7208 §8.4: the reply carries the explanation (the domain's exp= text when it gave one, §6.2).
  const explanation = check.explanation ? ` ${replyText(check.explanation)}` : '';
  return { action: `${CODES.fail} ${t(lang, key, { identity, ip: check.ip })}${explanation}${see}`, verdict: 'reject', reason: 'checked' };
}

/** Third-party text in an SMTP reply: printable ASCII only, one line, bounded. */
function replyText(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]+/g, ' ').trim();
  return clean.length > EXPLANATION_LIMIT ? `${clean.slice(0, EXPLANATION_LIMIT)}...` : clean;
}

/** This server's "Why?" page for a check (the permalink openspf.org had; see src/server). */
function whyLink(base: string, check: SpfCheck): string {
  const identity = check.identity === 'mfrom' ? check.sender : check.domain;
  const query = new URLSearchParams({ scope: check.identity, identity, ip: check.ip });
  return `${base}${base.includes('?') ? '&' : '?'}${query.toString()}`;
}


/**
 * A MAIL FROM as the evaluator takes it. Postfix passes what the client sent; one without a
 * domain ("info", "info@") is RFC 7208 §4.3's malformed domain → none, not an input error.
 */
function senderForCheck(sender: string): string {
  const at = sender.lastIndexOf('@');
  if (at === -1) return `@${sender}`;
  if (at === sender.length - 1) return `${sender}.`;
  return sender;
}
