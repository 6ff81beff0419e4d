// spfkit policyd behind a real Postfix (Debian's, installed by scripts/ensure-apt.mjs): a
// private instance with its own config and queue directories under a temp dir, smtpd on
// loopback ports, `check_policy_service inet:127.0.0.1:PORT` to spawned `spfkit policyd
// --listen` daemons, delivery by virtual(8) into a maildir we read, no other transport (mail
// for anywhere else is refused by the error transport: nothing leaves the machine). swaks is
// the SMTP client; XCLIENT (smtpd_authorized_xclient_hosts = 127.0.0.0/8) makes each message
// come from Blue Inkt's 5.255.64.53. DNS is a loopback server the policy service asks.
// Assertions are on Postfix's own replies and on the headers of the delivered messages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zoneFromText } from '../../src/dns/zone.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { type RunningPolicyd, startPolicyd } from '../support/policyd.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BLUEINKT = '5.255.64.53';
const RECEIVER = 'mx.spfkit.test';
/** The one domain Postfix delivers for (virtual(8), into one maildir). */
const RCPT = 'postmaster@ontvanger.test';

const ZONE = `zone:
  smtp1.blueinkt.com: [{A: ${BLUEINKT}}, {TXT: "v=spf1 a -all"}]
  spf.blueinkt.com: [{TXT: "v=spf1 ip4:5.255.64.0/24 -all"}]
  klant-zonder-spf.nl: [{A: 192.0.2.80}]
  sluit-uit.nl: [{TXT: "v=spf1 ip4:192.0.2.0/24 -all exp=uitleg.sluit-uit.nl"}]
  uitleg.sluit-uit.nl: [{TXT: "%{i} mag niet namens %{d} mailen"}]
  staat-toe.nl: [{TXT: "v=spf1 include:spf.blueinkt.com -all"}]
  vervalst.sluit-uit.nl: [{TXT: "v=spf1 -all"}]
  traag.nl: [TIMEOUT]
`;

/** Seconds the policy service has per request here (its default is 10; short keeps the test fast). */
const DEADLINE_S = 1.5;
/** The per-lookup DNS timeout, far above the deadline: only the deadline can answer in time. */
const DNS_TIMEOUT_MS = 8000;

/** A free TCP port on loopback (closed again; Postfix binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function uid(user: string): number {
  const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`id -u ${user}: ${r.stderr.trim()} (the postfix package creates the user)`);
  return Number(r.stdout.trim());
}

interface Swaks {
  code: number | null;
  transcript: string;
  ms: number;
}

/** Runs swaks (asynchronously: the DNS server lives in this process and must keep answering). */
function swaks(port: number, args: string[]): Promise<Swaks> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn('/usr/bin/swaks', ['--server', `127.0.0.1:${port}`, '--to', RCPT, '--xclient-addr', BLUEINKT, '--timeout', '60', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let transcript = '';
    child.stdout.on('data', (c: Buffer) => void (transcript += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (transcript += c.toString()));
    child.once('close', (code) => done({ code, transcript, ms: performance.now() - started }));
  });
}

/** The server's reply lines to RCPT TO in a swaks transcript (`<-  250 …` or `<** 550 …`). */
function rcptReply(transcript: string): string {
  const lines = transcript.split('\n');
  const at = lines.findIndex((l) => l.startsWith(' -> RCPT TO:'));
  return at === -1 ? '' : (lines[at + 1] ?? '').replace(/^<(?:-|\*\*) +/, '');
}

describe('spfkit policyd behind a real Postfix', { timeout: 180_000 }, () => {
  let dir = '';
  let conf = '';
  let maildir = '';
  let dns: DnsServer;
  let dunno: RunningPolicyd;
  let defer: RunningPolicyd;
  let port = 0;
  let deferPort = 0;
  let started = false;

  const maillog = async (): Promise<string> => (await readFile(join(dir, 'maillog'), 'utf8').catch(() => '(no maillog)')).split('\n').slice(-30).join('\n');

  /** The delivered message whose Subject has `token`, waiting for virtual(8) to write it. */
  async function delivered(token: string): Promise<string> {
    for (let i = 0; i < 200; i++) {
      for (const sub of ['new', 'cur']) {
        const folder = join(maildir, sub);
        for (const name of await readdir(folder).catch(() => [] as string[])) {
          const text = await readFile(join(folder, name), 'utf8');
          if (text.includes(`Subject: ${token}`)) return text;
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no message "${token}" delivered within 20 s; Postfix log:\n${await maillog()}`);
  }

  /** The header section of a message, continuation lines unfolded. */
  const headers = (message: string): string[] => (message.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);

  before(async () => {
    const tools = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-apt.mjs'), 'postfix', 'swaks'], { encoding: 'utf8' });
    if (tools.status !== 0) throw new Error(`Postfix and swaks are needed for this test and could not be installed:\n${tools.stderr}${tools.stdout}`);
    if (process.getuid?.() !== 0) throw new Error('this test starts a private Postfix instance, which must be started as root');

    dns = await startDnsServer(zoneFromText(ZONE));
    const common = ['--log', 'stderr', '--dns', dns.address, '--timeout', String(DNS_TIMEOUT_MS), '--deadline', String(DEADLINE_S), '--receiver', RECEIVER, '--why-url', 'https://spf.example.nl/why'];
    [dunno, defer] = await Promise.all([startPolicyd(['--listen', 'inet:127.0.0.1:0', ...common]), startPolicyd(['--listen', 'inet:127.0.0.1:0', ...common, '--on-failure', 'DEFER'])]);

    dir = await mkdtemp(join(tmpdir(), 'spfkit-postfix-'));
    conf = join(dir, 'conf');
    maildir = join(dir, 'vmail', 'inbox');
    await chmod(dir, 0o755);
    for (const d of ['conf', 'queue', 'data', 'vmail']) await mkdir(join(dir, d));
    await chown(join(dir, 'data'), uid('postfix'), 0);
    const nobody = uid('nobody');
    await chown(join(dir, 'vmail'), nobody, nobody);
    [port, deferPort] = [await freePort(), await freePort()];
    const policy = (p: RunningPolicyd): string => `check_policy_service ${p.address}`;
    await writeFile(
      join(conf, 'main.cf'),
      `compatibility_level = 3.6
queue_directory = ${dir}/queue
data_directory = ${dir}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = ${RECEIVER}
mydomain = spfkit.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
maillog_file_prefixes = ${dir}
maillog_file = ${dir}/maillog
smtpd_peername_lookup = no
smtp_dns_support_level = disabled
# Nothing leaves the machine: every transport but virtual(8) refuses.
default_transport = error:no mail leaves this test
relay_transport = error:no mail leaves this test
local_transport = error:no local delivery in this test
virtual_mailbox_domains = ontvanger.test
virtual_mailbox_base = ${dir}/vmail
virtual_mailbox_maps = static:inbox/
virtual_uid_maps = static:${nobody}
virtual_gid_maps = static:${nobody}
virtual_minimum_uid = 100
alias_maps =
alias_database =
smtpd_authorized_xclient_hosts = 127.0.0.0/8
smtpd_relay_restrictions = reject_unauth_destination
smtpd_recipient_restrictions = reject_unauth_destination, ${policy(dunno)}
`,
    );
    await writeFile(
      join(conf, 'master.cf'),
      `127.0.0.1:${port} inet n - n - - smtpd
127.0.0.1:${deferPort} inet n - n - - smtpd -o { smtpd_recipient_restrictions = reject_unauth_destination, ${policy(defer)} }
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 300 1 qmgr
pickup    unix n - n 60 1 pickup
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce
defer     unix - - n - 0 bounce
trace     unix - - n - 0 bounce
verify    unix - - n - 1 verify
flush     unix n - n 1000? 0 flush
proxymap  unix - - n - - proxymap
showq     unix n - n - - showq
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
virtual   unix - n n - - virtual
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
`,
    );
    const start = spawnSync('/usr/sbin/postfix', ['-c', conf, 'start'], { encoding: 'utf8' });
    if (start.status !== 0) throw new Error(`postfix -c ${conf} start exited with ${start.status}:\n${start.stderr}${await maillog()}`);
    started = true;
  });

  after(async () => {
    if (started) spawnSync('/usr/sbin/postfix', ['-c', conf, 'stop'], { encoding: 'utf8' });
    await Promise.all([dunno?.stop(), defer?.stop(), dns?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a customer without SPF: accepted, Received-SPF: none prepended', async () => {
    const r = await swaks(port, ['--helo', 'smtp1.blueinkt.com', '--from', 'info@klant-zonder-spf.nl', '--header', 'Subject: geen-spf']);
    assert.equal(r.code, 0, r.transcript);
    assert.match(rcptReply(r.transcript), /^250 2\.1\.5 /);
    const spf = headers(await delivered('geen-spf')).filter((h) => h.startsWith('Received-SPF:'));
    assert.deepEqual(spf, [
      `Received-SPF: none (${RECEIVER}: domain of info@klant-zonder-spf.nl does not designate permitted sender hosts) client-ip=${BLUEINKT}; envelope-from="info@klant-zonder-spf.nl"; helo=smtp1.blueinkt.com; receiver=${RECEIVER}; identity=mailfrom;`,
    ]);
  });

  it("a record that excludes Blue Inkt: Postfix answers 550 5.7.23 with the domain's explanation and the /why link", async () => {
    const r = await swaks(port, ['--helo', 'smtp1.blueinkt.com', '--from', 'info@sluit-uit.nl', '--header', 'Subject: sluit-uit']);
    assert.notEqual(r.code, 0);
    assert.equal(
      rcptReply(r.transcript),
      `550 5.7.23 <${RCPT}>: Recipient address rejected: SPF fail: the domain of info@sluit-uit.nl does not authorise ${BLUEINKT} to send its mail. ${BLUEINKT} mag niet namens sluit-uit.nl mailen See https://spf.example.nl/why?scope=mfrom&identity=info%40sluit-uit.nl&ip=${BLUEINKT}`,
    );
    assert.doesNotMatch(r.transcript, / -> DATA/);
  });

  it('a record that authorises Blue Inkt (via include): accepted, Received-SPF: pass prepended', async () => {
    const r = await swaks(port, ['--helo', 'smtp1.blueinkt.com', '--from', 'info@staat-toe.nl', '--header', 'Subject: staat-toe']);
    assert.equal(r.code, 0, r.transcript);
    assert.match(r.transcript, /<- {2}250 2\.0\.0 Ok: queued as /);
    const message = await delivered('staat-toe');
    const spf = headers(message).filter((h) => h.startsWith('Received-SPF:'));
    assert.deepEqual(spf, [
      `Received-SPF: pass (${RECEIVER}: domain of info@staat-toe.nl designates ${BLUEINKT} as permitted sender) client-ip=${BLUEINKT}; envelope-from="info@staat-toe.nl"; helo=smtp1.blueinkt.com; receiver=${RECEIVER}; identity=mailfrom; mechanism="include:spf.blueinkt.com";`,
    ]);
    // The header is Postfix's own addition to the message, above the client's headers.
    assert.ok(message.indexOf('Received-SPF:') < message.indexOf('Subject: staat-toe'));
  });

  it('HELO is checked first: a HELO name whose record fails is refused even when MAIL FROM would pass', async () => {
    const r = await swaks(port, ['--helo', 'vervalst.sluit-uit.nl', '--from', 'info@staat-toe.nl', '--header', 'Subject: helo-fail']);
    assert.notEqual(r.code, 0);
    assert.match(rcptReply(r.transcript), new RegExp(`^550 5\\.7\\.23 <${RCPT}>: Recipient address rejected: SPF fail: the domain of vervalst\\.sluit-uit\\.nl does not authorise 5\\.255\\.64\\.53 `));
  });

  it('a null sender is checked as its HELO name: accepted with Received-SPF: pass, identity=helo', async () => {
    const r = await swaks(port, ['--helo', 'smtp1.blueinkt.com', '--from', '<>', '--header', 'Subject: null-sender']);
    assert.equal(r.code, 0, r.transcript);
    const spf = headers(await delivered('null-sender')).filter((h) => h.startsWith('Received-SPF:'));
    assert.equal(spf.length, 1);
    assert.match(spf[0] ?? '', /^Received-SPF: pass \(mx\.spfkit\.test: domain of smtp1\.blueinkt\.com designates 5\.255\.64\.53 as permitted sender\) client-ip=5\.255\.64\.53; envelope-from=""; helo=smtp1\.blueinkt\.com; receiver=mx\.spfkit\.test; identity=helo; mechanism=a;$/);
  });

  it('a DNS server that never answers: accepted without a header (DUNNO), or 450 with --on-failure DEFER, both at the deadline', async () => {
    const accepted = await swaks(port, ['--helo', 'smtp1.blueinkt.com', '--from', 'info@traag.nl', '--header', 'Subject: traag-dunno']);
    assert.equal(accepted.code, 0, accepted.transcript);
    assert.match(rcptReply(accepted.transcript), /^250 2\.1\.5 /);
    const message = await delivered('traag-dunno');
    assert.deepEqual(headers(message).filter((h) => h.startsWith('Received-SPF:')), []);

    const deferred = await swaks(deferPort, ['--helo', 'smtp1.blueinkt.com', '--from', 'info@traag.nl', '--header', 'Subject: traag-defer']);
    assert.notEqual(deferred.code, 0);
    assert.equal(rcptReply(deferred.transcript), `450 4.7.1 <${RCPT}>: Recipient address rejected: The SPF check took too long; try again later.`);

    // Each answer came at the deadline, long before one DNS timeout: loose bounds, CPU is shared.
    for (const r of [accepted, deferred]) assert.ok(r.ms < DNS_TIMEOUT_MS - 2000, `swaks took ${r.ms.toFixed(0)} ms`);
    assert.ok(dns.queries.some((q) => q.name === 'traag.nl'), 'the policy service asked the DNS server');
    for (const d of [dunno, defer]) assert.match(d.stderr(), /sender=info@traag\.nl .*reason=deadline/);
  });
});
