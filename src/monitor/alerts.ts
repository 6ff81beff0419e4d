/**
 * Alerts: each stored event posted as JSON to the operator's webhooks, signed with the
 * hook's secret (`X-Spfkit-Signature: sha256=<hex HMAC-SHA256 of the raw body>`), retried
 * with exponential backoff, each delivery logged in the store; an e-mail digest per
 * operator over SMTP (nodemailer); and per customer a ready message (en, nl) that says
 * what is wrong and the exact record to publish (the check's `recordToPublish`).
 */
import { createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { type Lang, t } from '../i18n/index.ts';
import type { MonitorStore, Webhook, WebhookDelivery } from './store.ts';
import type { CheckSnapshot, StoredEvent } from './types.ts';

/** The header a receiver checks. */
export const SIGNATURE_HEADER = 'X-Spfkit-Signature';

/**
 * The signature of a body: `sha256=` and the hex HMAC-SHA256 of the raw bytes with the secret.
 * A receiver computes the same over the bytes it received and compares in constant time.
 *
 * @example
 * signBody('s3cret', '{"kind":"record-changed"}'); // 'sha256=5c1f…'
 */
export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The JSON body posted for one event. */
export function eventBody(event: StoredEvent): string {
  return JSON.stringify({ type: 'spfkit.monitor.event', event });
}

export interface DeliveryOptions {
  /** Tries in all (default 5). */
  attempts?: number;
  /** The wait before the second try; it doubles each time (default 1 s: 1, 2, 4, 8 s). */
  backoffMs?: number;
  /** Per-try deadline (default 10 s). */
  timeoutMs?: number;
  /** Waits between tries (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/** A receiver's answer worth another try: no answer, a server error, 408 or 429. */
const retryable = (status: number): boolean => status >= 500 || status === 408 || status === 429;

/**
 * Posts one event to one webhook, trying again with exponential backoff, and returns the
 * delivery as logged (without its id). Never throws.
 *
 * @example
 * const delivery = await deliverEvent(hook, event, { attempts: 5 }); // { status: 'delivered', attempts: 2, responseStatus: 204, … }
 */
export async function deliverEvent(hook: Webhook, event: StoredEvent, options: DeliveryOptions = {}): Promise<Omit<WebhookDelivery, 'id'>> {
  const attempts = options.attempts ?? 5;
  const backoffMs = options.backoffMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const now = options.now ?? (() => new Date());
  const body = eventBody(event);
  const headers = { 'content-type': 'application/json', 'user-agent': 'spfkit-monitor', [SIGNATURE_HEADER]: signBody(hook.secret, body), 'X-Spfkit-Event': event.kind };
  let last: { responseStatus?: number; error?: string } = {};
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2));
    try {
      const res = await fetch(hook.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000), redirect: 'manual' });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) return { hookId: hook.id, eventId: event.id, at: now().toISOString(), attempts: attempt, status: 'delivered', responseStatus: res.status };
      last = { responseStatus: res.status, error: `HTTP ${res.status}` };
      if (!retryable(res.status)) return { hookId: hook.id, eventId: event.id, at: now().toISOString(), attempts: attempt, status: 'failed', ...last };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      last = { error: cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)) };
    }
  }
  return { hookId: hook.id, eventId: event.id, at: now().toISOString(), attempts, status: 'failed', ...last };
}

/**
 * Posts each event to every webhook in the store and logs each delivery. For the
 * scheduler's `onChecked`: `(outcome) => sendWebhooks(store, outcome.events)`.
 *
 * @example
 * const log = await sendWebhooks(store, outcome.events);
 */
export async function sendWebhooks(store: MonitorStore, events: readonly StoredEvent[], options: DeliveryOptions = {}): Promise<WebhookDelivery[]> {
  if (events.length === 0) return [];
  const hooks = await store.listWebhooks();
  const logged: WebhookDelivery[] = [];
  for (const hook of hooks) {
    for (const event of events) logged.push(await store.logDelivery(await deliverEvent(hook, event, options)));
  }
  return logged;
}

/** A message ready to send or paste. */
export interface ReadyMessage {
  subject: string;
  text: string;
}

/**
 * The message for the customer of a checked domain: what is wrong and the exact record to
 * publish; undefined when nothing is wrong (authorised) or nothing can be said (could not check).
 *
 * @example
 * customerMessage(check, 'nl')?.text; // 'Beste klant,\n\nHet SPF-record van klant.nl staat coachview niet toe. …\n\n  v=spf1 … -all\n…'
 */
export function customerMessage(check: CheckSnapshot, lang: Lang): ReadyMessage | undefined {
  const domain = check.domain;
  const missing = check.services.filter((s) => s.situation !== 'authorised').map((s) => s.service);
  let problem: string;
  switch (check.situation) {
    case 'authorised':
    case 'could-not-check':
      return undefined;
    case 'not-authorised':
      problem = t(lang, 'alerts.customer.not-authorised', { domain, services: missing });
      break;
    case 'none':
      problem = t(lang, 'alerts.customer.none', { domain, services: missing });
      break;
    case 'broken':
      problem = t(lang, 'alerts.customer.broken', { domain });
      break;
    default: {
      const never: never = check.situation;
      throw new Error(`unhandled situation ${String(never)}`);
    }
  }
  const fix = check.recordToPublish === undefined ? [t(lang, 'alerts.customer.help')] : [t(lang, check.situation === 'none' ? 'alerts.customer.publish-new' : 'alerts.customer.publish', { domain }), '', `  ${check.recordToPublish}`, '', t(lang, 'alerts.customer.help')];
  const text = [t(lang, 'alerts.customer.greeting'), '', problem, '', ...fix, '', t(lang, 'alerts.customer.closing')].join('\n');
  return { subject: t(lang, 'alerts.customer.subject', { domain }), text };
}

/** One event as a digest line: `klant.nl — situation changed: authorised → not-authorised`. */
function eventLine(event: StoredEvent, lang: Lang): string {
  const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  const subject = event.subject === '' ? '' : ` (${event.subject})`;
  return `- ${event.domain}${subject} — ${t(lang, `monitor.event.${event.kind}`)}: ${show(event.before)} → ${show(event.after)}`;
}

/**
 * The digest of events for an operator: one line per event, then the ready customer
 * message for each domain whose latest check is not in order.
 *
 * @example
 * composeDigest(events, latest, 'en').subject; // 'spfkit: 3 changes in watched domains'
 */
export function composeDigest(events: readonly StoredEvent[], latest: ReadonlyMap<string, CheckSnapshot>, lang: Lang): ReadyMessage {
  const domains = [...new Set(events.map((e) => e.domain))];
  const lines = [t(lang, 'alerts.digest.intro', { count: events.length, domainCount: domains.length }), '', ...events.map((e) => eventLine(e, lang))];
  for (const domain of domains) {
    const check = latest.get(domain);
    const message = check ? customerMessage(check, lang) : undefined;
    if (message) lines.push('', '', t(lang, 'alerts.digest.customer', { domain }), '', message.text);
  }
  return { subject: t(lang, 'alerts.digest.subject', { count: events.length }), text: lines.join('\n') };
}

/** An operator who gets the digest. */
export interface Operator {
  email: string;
  lang: Lang;
}

export interface DigestOptions {
  /** smtp://host:port (no auth) or smtps://user:pass@host:port. */
  smtpUrl: string;
  from: string;
  operators: readonly Operator[];
}

/**
 * Sends the digest of `events` to each operator (in the operator's language) and returns
 * who got it and who did not (the SMTP error). Never throws for a delivery failure.
 *
 * @example
 * await sendDigest(store, events, { smtpUrl: 'smtp://127.0.0.1:25', from: 'spfkit@provider.nl', operators: [{ email: 'noc@provider.nl', lang: 'nl' }] });
 */
export async function sendDigest(store: MonitorStore, events: readonly StoredEvent[], options: DigestOptions): Promise<Array<{ email: string; ok: true; messageId: string } | { email: string; ok: false; error: string }>> {
  if (events.length === 0) return [];
  const latest = new Map<string, CheckSnapshot>();
  for (const domain of new Set(events.map((e) => e.domain))) {
    const [check] = await store.recentChecks(domain, 1);
    if (check) latest.set(domain, check);
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  try {
    const out: Array<{ email: string; ok: true; messageId: string } | { email: string; ok: false; error: string }> = [];
    for (const operator of options.operators) {
      const digest = composeDigest(events, latest, operator.lang);
      try {
        const info = await transport.sendMail({ from: options.from, to: operator.email, subject: digest.subject, text: digest.text });
        out.push({ email: operator.email, ok: true, messageId: info.messageId });
      } catch (error) {
        out.push({ email: operator.email, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return out;
  } finally {
    transport.close();
  }
}
