/**
 * The test inbox over real SMTP (issue 13.4): nodemailer with DKIM signing and Debian's swaks
 * send to an issued address; the message is evaluated by evaluateMessage against the loopback
 * DNS server (SPF, DKIM key, DMARC); bad clients (10 000 pipelined RCPTs, a stalled session,
 * an oversized message, binary garbage) get a clear reply and are cut off, and a normal
 * session afterwards still works.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { startTestInbox, type TestInbox } from '../../src/app/inbox.ts';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { startDnsServer, type DnsServer } from '../support/dns-server.ts';
import { txtStrings } from '../support/dkim-sign.ts';

const HOST = 'inbox.spfkit.test';
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const P = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

/** A raw SMTP client: collects reply lines, tells when the server closed. */
function rawSession(port: number): { socket: Socket; replies: string[]; closed: Promise<void>; waitFor(re: RegExp, ms?: number): Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  const replies: string[] = [];
  let buffer = '';
  const waiters: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    const lines = buffer.split('\r\n');
    buffer = lines.pop() ?? '';
    replies.push(...lines);
    for (const w of waiters.splice(0)) w();
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const waitFor = (re: RegExp, ms = 20_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply matching ${re} in: ${replies.slice(-5).join(' | ')}`)), ms);
      const check = (): void => {
        const line = replies.find((l) => re.test(l));
        if (line !== undefined) {
          clearTimeout(timer);
          resolve(line);
        } else if (socket.destroyed) {
          clearTimeout(timer);
          reject(new Error(`closed without ${re}: ${replies.slice(-5).join(' | ')}`));
        } else waiters.push(check);
      };
      check();
    });
  return { socket, replies, closed, waitFor };
}

function runSwaks(args: string[]): Promise<{ code: number | null; transcript: string }> {
  return new Promise((done) => {
    const child = spawn('/usr/bin/swaks', ['--timeout', '30', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let transcript = '';
    child.stdout.on('data', (c: Buffer) => void (transcript += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (transcript += c.toString()));
    child.once('close', (code) => done({ code, transcript }));
  });
}

describe('spfkit test inbox over SMTP', { timeout: 120_000 }, () => {
  let dns: DnsServer;
  let inbox: TestInbox;

  before(async () => {
    dns = await startDnsServer(
      zoneFromObject({
        'klant.example': [{ TXT: 'v=spf1 ip4:127.0.0.1 -all' }, { MX: [10, 'mx.klant.example'] }],
        'sel1._domainkey.klant.example': [{ TXT: txtStrings(`v=DKIM1; k=rsa; p=${P}`) }],
        '_dmarc.klant.example': [{ TXT: 'v=DMARC1; p=reject' }],
        'ander.example': [{ TXT: 'v=spf1 ip4:192.0.2.1 -all' }],
        '_dmarc.ander.example': [{ TXT: 'v=DMARC1; p=quarantine' }],
        'mail.klant.example': [{ A: '127.0.0.1' }],
      }),
    );
    inbox = await startTestInbox({
      resolver: systemResolver({ servers: [dns.address], timeout: 2000, tries: 2 }),
      hostname: HOST,
      smtp: { port: 0, host: '127.0.0.1' },
      publicUrl: 'http://127.0.0.1:9/',
      store: { maxMessages: 3 },
      limits: { messageBytes: 256 * 1024, socketTimeoutMs: 800, maxRecipients: 3 },
    });
  });
  after(async () => {
    await inbox?.close();
    await dns?.stop();
  });

  async function sendSigned(to: string): Promise<string> {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inbox.smtp.port, secure: false, ignoreTLS: true, name: 'mail.klant.example', dkim: { domainName: 'klant.example', keySelector: 'sel1', privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() } });
    const info = await transport.sendMail({ from: 'Info <info@klant.example>', to, subject: 'Nieuwsbrief', text: 'Beste klant,\n\nHier is de nieuwsbrief.\n' });
    transport.close();
    return info.response;
  }

  it('a DKIM-signed message from nodemailer: IP, HELO, MAIL FROM recorded; SPF, DKIM and DMARC pass', async () => {
    const issued = inbox.issue();
    assert.ok(issued);
    assert.match(issued.address, /^test-[a-z2-7]{20}@inbox\.spfkit\.test$/);
    const response = await sendSigned(issued.address);
    assert.match(response, /^250 .*report\/[a-z2-7]{20}/);
    const entry = inbox.store.get(issued.token);
    assert.equal(entry?.reports.length, 1);
    const report = entry.reports[0]!;
    assert.deepEqual(report.client, { ip: '127.0.0.1', helo: 'mail.klant.example', mailFrom: 'info@klant.example' });
    assert.equal(report.evaluation.dkim[0]?.result, 'pass');
    assert.equal(report.evaluation.spf.kind === 'checked' && report.evaluation.spf.check.result, 'pass');
    assert.equal(report.evaluation.dmarc.kind === 'evaluated' && report.evaluation.dmarc.outcome.result, 'pass');
    assert.match(report.evaluation.authenticationResults, /^inbox\.spfkit\.test; dkim=pass/);
  });

  it('an unsigned message by swaks from an unauthorised domain: SPF and DMARC fail', async () => {
    const issued = inbox.issue();
    assert.ok(issued);
    const run = await runSwaks(['--server', `127.0.0.1:${inbox.smtp.port}`, '--to', issued.address, '--from', 'info@ander.example', '--helo', 'mail.klant.example', '--header', 'From: info@ander.example', '--header', 'Subject: test']);
    assert.equal(run.code, 0, run.transcript);
    const report = inbox.store.get(issued.token)?.reports[0];
    assert.ok(report, run.transcript);
    assert.equal(report.client.mailFrom, 'info@ander.example');
    assert.equal(report.evaluation.dkim.length, 0);
    assert.equal(report.evaluation.spf.kind === 'checked' && report.evaluation.spf.check.result, 'fail');
    assert.equal(report.evaluation.dmarc.kind === 'evaluated' && report.evaluation.dmarc.outcome.result, 'fail');
  });

  it('refuses other domains, made-up tokens and a full address, with 550/552', async () => {
    const issued = inbox.issue();
    assert.ok(issued);
    const s = rawSession(inbox.smtp.port);
    await s.waitFor(/^220 /);
    s.socket.write('EHLO c.example\r\nMAIL FROM:<a@klant.example>\r\nRCPT TO:<x@elders.example>\r\nRCPT TO:<test-aaaaaaaaaaaaaaaaaaaa@inbox.spfkit.test>\r\nRCPT TO:<postmaster@inbox.spfkit.test>\r\n');
    await s.waitFor(/test-<token>@inbox/);
    const refusals = s.replies.filter((l) => /^550 /.test(l));
    assert.equal(refusals.length, 3, s.replies.join('\n'));
    assert.match(refusals[0]!, /no relaying/);
    assert.match(refusals[1]!, /Unknown or expired/);
    s.socket.end('QUIT\r\n');
    await s.closed;
    for (let i = 0; i < 3; i++) await sendSigned(issued.address);
    await assert.rejects(sendSigned(issued.address), /552.*received its 3 messages/);
    assert.equal(inbox.store.get(issued.token)?.reports.length, 3);
  });

  it('10 000 pipelined RCPTs: 452 after the limit, then 421 and the connection closed; a normal session still works', async () => {
    const issued = inbox.issue();
    assert.ok(issued);
    const s = rawSession(inbox.smtp.port);
    await s.waitFor(/^220 /);
    let rcpts = '';
    // Four different test addresses, so the recipient limit (3) is reached, not just repeated.
    const addresses = [issued.address, ...[1, 2, 3].map(() => inbox.issue()?.address ?? '')];
    for (let i = 0; i < 10_000; i++) rcpts += `RCPT TO:<${addresses[i % 4]}>\r\n`;
    s.socket.write(`EHLO c.example\r\nMAIL FROM:<a@klant.example>\r\n${rcpts}`);
    await s.closed;
    assert.ok(s.replies.some((l) => /^452 .*at most 3/.test(l)), s.replies.slice(-3).join('\n'));
    assert.match(s.replies.at(-1) ?? '', /^421 .*Too many RCPT commands/);
    assert.ok(s.replies.length < 40, `${s.replies.length} replies before the cut`);
    assert.match(await sendSigned(issued.address), /^250 /);
  });

  it('a stalled client is cut off by the idle timeout (421) while another session is served', async () => {
    const stalled = rawSession(inbox.smtp.port);
    await stalled.waitFor(/^220 /);
    stalled.socket.write('EHLO slow.example\r\nMAIL FROM:<a@klant.example>\r\n');
    const issued = inbox.issue();
    assert.ok(issued);
    assert.match(await sendSigned(issued.address), /^250 /);
    await stalled.closed;
    assert.match(stalled.replies.at(-1) ?? '', /^421 /);
  });

  it('an oversized message: SIZE refused at MAIL FROM, 552 at the end of DATA, a huge one cut mid-stream', async () => {
    const issued = inbox.issue();
    assert.ok(issued);
    const s = rawSession(inbox.smtp.port);
    await s.waitFor(/^220 /);
    s.socket.write('EHLO c.example\r\n');
    assert.match(await s.waitFor(/^250[- ]SIZE /), /SIZE 262144/);
    s.socket.write('MAIL FROM:<a@klant.example> SIZE=52428800\r\n');
    assert.match(await s.waitFor(/^552 /), /size/i);
    s.socket.write(`MAIL FROM:<a@klant.example>\r\nRCPT TO:<${issued.address}>\r\nDATA\r\n`);
    await s.waitFor(/^354 /);
    s.socket.write(`From: a@klant.example\r\n\r\n${'x'.repeat(998)}\r\n`.repeat(300) + '.\r\n');
    assert.match(await s.waitFor(/^552 .*exceeds/), /262144/);
    // 50 MB in 1 MB writes: the server answers 552 and closes after twice the limit.
    s.socket.write(`MAIL FROM:<a@klant.example>\r\nRCPT TO:<${issued.address}>\r\nDATA\r\n`);
    await s.waitFor(/354 /);
    const line = `${'y'.repeat(998)}\r\n`.repeat(1024);
    for (let i = 0; i < 50 && !s.socket.destroyed; i++) {
      if (!s.socket.write(line)) await new Promise((resolve) => (s.socket.once('drain', resolve), s.socket.once('close', resolve)));
    }
    await s.closed;
    assert.ok(s.replies.some((l) => /^552 .*closing/.test(l)), s.replies.slice(-3).join('\n'));
    assert.equal(inbox.store.get(issued.token)?.reports.length, 0);
    assert.match(await sendSigned(issued.address), /^250 /);
  });

  it('binary garbage: 500 per line, 421 after ten; a binary blob as DATA gets a report, not a crash', async () => {
    const s = rawSession(inbox.smtp.port);
    await s.waitFor(/^220 /);
    const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 131 + 7) % 256).map((b) => (b === 13 || b === 10 ? 0 : b)));
    for (let i = 0; i < 12 && !s.socket.destroyed; i++) s.socket.write(Buffer.concat([junk.subarray(i * 300, i * 300 + 300), Buffer.from('\r\n')]));
    await s.closed;
    assert.ok(s.replies.some((l) => /^500 /.test(l)));
    assert.match(s.replies.at(-1) ?? '', /^421 /);

    const issued = inbox.issue();
    assert.ok(issued);
    const b = rawSession(inbox.smtp.port);
    await b.waitFor(/^220 /);
    b.socket.write(`EHLO c.example\r\nMAIL FROM:<>\r\nRCPT TO:<${issued.address}>\r\nDATA\r\n`);
    await b.waitFor(/^354 /);
    b.socket.write(Buffer.concat([junk.map((x) => (x === 46 ? 47 : x)), Buffer.from('\r\n.\r\n')]));
    assert.match(await b.waitFor(/^250 .*report/), /report/);
    b.socket.end('QUIT\r\n');
    const report = inbox.store.get(issued.token)?.reports[0];
    assert.equal(report?.client.mailFrom, '');
    assert.equal(report?.evaluation.dmarc.kind, 'not-evaluated');
  });
});
