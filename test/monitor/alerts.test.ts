/**
 * Alerts on real parts: a loopback DNS server whose zone changes between checks raises the
 * events; a real HTTP receiver on loopback checks each body's signature and fails the first
 * delivery (the retry must bring it); a real SMTP server (smtp-server) receives the digest;
 * the customer's ready message names the problem and the exact record to publish, en + nl.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { SIGNATURE_HEADER, customerMessage, deliverEvent, sendDigest, sendWebhooks } from '../../src/monitor/alerts.ts';
import { checkAndStore } from '../../src/monitor/run.ts';
import { openSqliteStore } from '../../src/monitor/sqlite-store.ts';
import type { MonitorStore } from '../../src/monitor/store.ts';
import type { StoredEvent } from '../../src/monitor/types.ts';
import { type ProviderCatalogue, parseProviderCatalogue } from '../../src/record/providers.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

const parsed = parseProviderCatalogue({
  version: 1,
  note: 'test catalogue',
  providers: [{ id: 'coachview', name: 'Coachview', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'], docs: 'https://example.test/coachview' }],
});
if (!parsed.ok) throw new Error('catalogue');
const catalogue: ProviderCatalogue = parsed.catalogue;

const SECRET = 'hook-secret-1';
const MOVED = 'v=spf1 include:spf.protection.outlook.com -all';
const TO_PUBLISH = 'v=spf1 include:spf.protection.outlook.com include:spf.coachview.net -all';

interface Received {
  body: string;
  signature: string;
  valid: boolean;
}

/** A webhook receiver: answers 503 to the first POST, then 204 to each whose signature is right (401 otherwise). */
async function startReceiver(secret: string): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signature = String(req.headers[SIGNATURE_HEADER.toLowerCase()] ?? '');
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
      const valid = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), expected);
      received.push({ body: raw.toString('utf8'), signature, valid });
      res.statusCode = received.length === 1 ? 503 : valid ? 204 : 401;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

/** The text part of a plain nodemailer message (quoted-printable soft breaks undone). */
function textOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const latin = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(latin, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}

describe('alerts (loopback DNS, HTTP receiver, SMTP sink, SQLite file)', () => {
  let dns: DnsServer;
  let dir = '';
  let store: MonitorStore;
  let zone: Record<string, unknown[]>;
  let clock = 0;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spfkit-alerts-'));
    zone = {
      'klant.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }],
      'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.0/24 -all' }],
      'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 -all' }],
    };
    dns = await startDnsServer(zoneFromObject(zone));
    store = await openSqliteStore({ file: join(dir, 'monitor.sqlite') });
    await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }], customerId: 'K-1' }, '2026-01-01T00:00:00.000Z');
  });
  after(async () => {
    await store.close();
    await dns.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function check(): Promise<StoredEvent[]> {
    dns.setZone(zoneFromObject(zone));
    clock += 60_000;
    const resolver = systemResolver({ servers: [dns.address], timeout: 700, tries: 1 });
    return (await checkAndStore(store, 'klant.nl', { resolver, catalogue, now: () => new Date(Date.UTC(2026, 0, 2) + clock) })).events;
  }

  let events: StoredEvent[] = [];

  it('the customer drops the include: the check raises the alarm, and nothing before', async () => {
    assert.deepEqual(await check(), []);
    zone['klant.nl'] = [{ TXT: MOVED }];
    events = await check();
    assert.deepEqual(events.map((e) => e.kind).sort(), ['record-changed', 'situation-changed']);
  });

  it('posts each event signed, retries after the receiver failed the first delivery, and logs every delivery', async () => {
    const receiver = await startReceiver(SECRET);
    const wrong = await startReceiver('not-the-secret');
    try {
      const hook = await store.addWebhook({ url: receiver.url, secret: SECRET, createdAt: '2026-01-01T00:00:00.000Z' });
      const waits: number[] = [];
      const log = await sendWebhooks(store, events, { backoffMs: 250, sleep: async (ms) => void waits.push(ms) });
      assert.deepEqual(log.map((d) => [d.hookId, d.status, d.responseStatus]), [[hook.id, 'delivered', 204], [hook.id, 'delivered', 204]]);
      assert.deepEqual(log.map((d) => d.attempts), [2, 1], 'the first delivery failed (503) and was retried');
      assert.deepEqual(waits, [250]);
      assert.equal(receiver.received.length, 3);
      assert.ok(receiver.received.every((r) => r.valid), 'every body carries a valid signature');
      const bodies = receiver.received.slice(1).map((r) => JSON.parse(r.body) as { type: string; event: StoredEvent });
      assert.deepEqual(bodies.map((b) => b.event.id).sort(), events.map((e) => e.id).sort());
      assert.ok(bodies.every((b) => b.type === 'spfkit.monitor.event' && b.event.domain === 'klant.nl'));
      const stored = await store.listDeliveries({ hookId: hook.id });
      assert.deepEqual(stored.map((d) => [d.eventId, d.attempts, d.status]).sort(), log.map((d) => [d.eventId, d.attempts, d.status]).sort());

      // A receiver with another secret refuses the signature: 401 is not retried, and is logged as failed.
      const other = await store.addWebhook({ url: wrong.url, secret: SECRET, createdAt: '2026-01-01T00:00:00.000Z' });
      const event = events[0] as StoredEvent;
      const refused = await deliverEvent(other, event, { sleep: async () => undefined });
      assert.deepEqual([refused.status, refused.responseStatus, refused.attempts], ['failed', 401, 2]);
      assert.equal(wrong.received.at(-1)?.valid, false);
    } finally {
      receiver.server.close();
      wrong.server.close();
    }
  });

  it('a receiver that is not there: every try fails, with backoff doubling, and the reason is logged', async () => {
    const gone = await startReceiver(SECRET);
    const url = gone.url;
    await new Promise((r) => gone.server.close(r));
    const waits: number[] = [];
    const result = await deliverEvent({ id: 99, url, secret: SECRET, createdAt: '' }, events[0] as StoredEvent, { attempts: 4, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    assert.deepEqual([result.status, result.attempts, result.error], ['failed', 4, 'ECONNREFUSED']);
    assert.deepEqual(waits, [100, 200, 400]);
  });

  it('the customer message says what is wrong and the exact record to publish, in English and Dutch', async () => {
    const [latest] = await store.recentChecks('klant.nl', 1);
    assert.ok(latest);
    assert.equal(latest.recordToPublish, TO_PUBLISH);
    const en = customerMessage(latest, 'en');
    const nl = customerMessage(latest, 'nl');
    assert.equal(en?.subject, 'Action needed: the SPF record of klant.nl');
    assert.match(en?.text ?? '', /The SPF record of klant\.nl does not authorise coachview\./);
    assert.match(nl?.text ?? '', /Het SPF-record van klant\.nl staat coachview niet toe\./);
    for (const message of [en, nl]) assert.ok(message?.text.includes(`\n  ${TO_PUBLISH}\n`), message?.text);
    // Nothing to tell a customer whose record is in order.
    zone['klant.nl'] = [{ TXT: TO_PUBLISH }];
    await check();
    const [fixed] = await store.recentChecks('klant.nl', 1);
    assert.equal(customerMessage(fixed as NonNullable<typeof fixed>, 'en'), undefined);
    // No SPF record at all: a new record with the service, said as a new record, not a replacement.
    zone['klant.nl'] = [];
    await check();
    const [bare] = await store.recentChecks('klant.nl', 1);
    assert.equal(bare?.situation, 'none');
    assert.equal(bare?.recordToPublish, 'v=spf1 include:spf.coachview.net ~all');
    const none = customerMessage(bare as NonNullable<typeof bare>, 'nl');
    assert.match(none?.text ?? '', /Publiceer dit TXT-record bij klant\.nl \(er is nog geen SPF-record\):\n\n {2}v=spf1 include:spf\.coachview\.net ~all\n/);
    zone['klant.nl'] = [{ TXT: MOVED }];
    await check();
  });

  it('sends the digest over SMTP to each operator in their language, with the ready customer message', async () => {
    const sink = await startSmtpSink();
    try {
      const result = await sendDigest(store, events, {
        smtpUrl: sink.url,
        from: 'spfkit@provider.test',
        operators: [
          { email: 'noc@provider.test', lang: 'en' },
          { email: 'beheer@provider.test', lang: 'nl' },
        ],
      });
      assert.deepEqual(result.map((r) => [r.email, r.ok]), [['noc@provider.test', true], ['beheer@provider.test', true]]);
      assert.deepEqual(sink.mails.map((m) => m.to), [['noc@provider.test'], ['beheer@provider.test']]);
      const [en, nl] = sink.mails.map((m) => m.raw);
      assert.match(en ?? '', /^Subject: spfkit: 2 changes in watched domains$/m);
      assert.match(nl ?? '', /^Subject: spfkit: 2 wijzigingen in gevolgde domeinen$/m);
      const enText = textOf(en ?? '');
      assert.match(enText, /- klant\.nl — situation changed: authorised → not-authorised/);
      assert.match(enText, /Ready message for the customer of klant\.nl:/);
      assert.ok(enText.includes(TO_PUBLISH), enText);
      assert.match(textOf(nl ?? ''), /Kant-en-klaar bericht voor de klant van klant\.nl:/);
    } finally {
      await sink.stop();
    }
  });

  it('an SMTP server that is not there is a failed delivery per operator, not a throw', async () => {
    const sink = await startSmtpSink();
    const url = sink.url;
    await sink.stop();
    const result = await sendDigest(store, events, { smtpUrl: url, from: 'spfkit@provider.test', operators: [{ email: 'noc@provider.test', lang: 'en' }] });
    assert.equal(result.length, 1);
    assert.equal(result[0]?.ok, false);
    assert.match(result[0] && !result[0].ok ? result[0].error : '', /ECONNREFUSED/);
  });
});
