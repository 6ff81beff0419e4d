// `spfkit policyd` as Postfix runs it: a spawn(8) child on stdin/stdout, a daemon on a unix
// socket, and on TCP against a real DNS server on loopback that times out (the deadline);
// `--check-config` on good and bad files, and bad flags, as one-line errors with exit 2.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zoneFromText } from '../../src/dns/zone.ts';
import { formatRequest } from '../../src/policyd/protocol.ts';
import { spfkit } from '../support/cli.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { askPolicy, spawnCli, startPolicyd } from '../support/policyd.ts';

const ZONE = `zone:
  smtp1.blueinkt.com: [{A: 5.255.64.53}, {TXT: "v=spf1 a -all"}]
  sluit-uit.nl: [{TXT: "v=spf1 ip4:192.0.2.0/24 -all"}]
  staat-toe.nl: [{TXT: "v=spf1 ip4:5.255.64.53 -all"}]
  traag.nl: [TIMEOUT]
`;

const request = (sender: string, extra: Record<string, string> = {}): string =>
  formatRequest({ request: 'smtpd_access_policy', protocol_state: 'RCPT', client_address: '5.255.64.53', helo_name: 'smtp1.blueinkt.com', sender, ...extra });

describe('spfkit policyd', () => {
  let dir = '';
  let zone = '';
  let dns: DnsServer;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spfkit-policyd-'));
    zone = join(dir, 'zone.yaml');
    await writeFile(zone, ZONE);
    dns = await startDnsServer(zoneFromText(ZONE));
  });
  after(async () => {
    await dns.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('without --listen answers on stdout, in order, writes nothing on stderr, and exits 0 at the end of input', async () => {
    const child = spawnCli(['policyd', '--zone', zone, '--receiver', 'mx.test']);
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => void (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (err += c.toString()));
    const code = new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
    child.stdin.end(request('info@sluit-uit.nl') + request('info@staat-toe.nl') + request('info@klant-zonder-spf.nl'));
    assert.equal(await code, 0, err);
    // Under spawn(8) stderr goes to Postfix too: by default nothing is logged there.
    assert.equal(err, '');
    const answers = out.split('\n\n').filter((a) => a !== '');
    assert.equal(answers.length, 3, out);
    assert.match(answers[0] ?? '', /^action=550 5\.7\.23 SPF fail: the domain of info@sluit-uit\.nl does not authorise 5\.255\.64\.53/);
    assert.match(answers[1] ?? '', /^action=PREPEND Received-SPF: pass \(mx\.test: domain of info@staat-toe\.nl designates 5\.255\.64\.53 as permitted sender\) client-ip=5\.255\.64\.53;/);
    assert.match(answers[2] ?? '', /^action=PREPEND Received-SPF: none \(mx\.test: /);
  });

  it('--listen unix:PATH serves a daemon, logs one line per decision, stops on SIGTERM with 0', async () => {
    const path = join(dir, 'policy.sock');
    const daemon = await startPolicyd(['--listen', `unix:${path}`, '--log', 'stderr', '--zone', zone, '--helo-reject', 'SPF_Not_Pass', '--lang', 'nl']);
    try {
      assert.equal(daemon.address, `unix:${path}`);
      const answers = await askPolicy(daemon.address, request('info@staat-toe.nl') + request('info@sluit-uit.nl'), 2);
      assert.match(answers[0] ?? '', /^action=PREPEND Received-SPF: pass \(/);
      // --lang nl words the reply too.
      assert.match(answers[1] ?? '', /^action=550 5\.7\.23 SPF fail: het domein van info@sluit-uit\.nl /);
      await new Promise((r) => setTimeout(r, 100));
      const lines = daemon.stderr().split('\n').filter((l) => l.includes(' decision '));
      assert.equal(lines.length, 2, daemon.stderr());
      assert.match(lines[1] ?? '', /client=5\.255\.64\.53 helo=smtp1\.blueinkt\.com sender=info@sluit-uit\.nl helo_result=pass mailfrom_result=fail verdict=reject/);
    } finally {
      assert.equal(await daemon.stop(), 0);
    }
  });

  it('--listen inet with --dns: a DNS server that never answers gets DUNNO, or DEFER with --on-failure, at the deadline', async () => {
    for (const [flags, expected] of [
      [[], /^action=DUNNO$/],
      [['--on-failure', 'DEFER'], /^action=DEFER The SPF check took too long; try again later\.$/],
    ] as const) {
      const daemon = await startPolicyd(['--listen', 'inet:127.0.0.1:0', '--log', 'stderr', '--log-format', 'json', '--dns', dns.address, '--timeout', '5000', '--deadline', '1', ...flags]);
      try {
        assert.match(daemon.address, /^inet:127\.0\.0\.1:\d+$/);
        const started = performance.now();
        const answers = await askPolicy(daemon.address, request('info@traag.nl'), 1);
        assert.match(answers[0] ?? '', expected);
        // Well before the 5 s DNS timeout (a loose bound: the deadline is 1 s).
        assert.ok(performance.now() - started < 4500, `answered after ${performance.now() - started} ms`);
        await new Promise((r) => setTimeout(r, 100));
        const logged = daemon.stderr().split('\n').find((l) => l.includes('"reason":"deadline"'));
        assert.ok(logged, daemon.stderr());
      } finally {
        assert.equal(await daemon.stop(), 0);
      }
    }
    assert.ok(dns.queries.some((q) => q.name === 'traag.nl' && q.type === 'TXT'), 'the DNS server was asked');
  });

  it('--check-config: a good file is OK (exit 0); a bad one lists each problem on its own line (exit 2)', async () => {
    const good = join(dir, 'good.conf');
    await writeFile(good, '# policyd-spf.conf\nHELO_reject = SPF_Not_Pass\nMail_From_reject = Fail\nPermError_reject = False\nTempError_Defer = True\nskip_addresses = 127.0.0.0/8,::1\nLookup_Time = 20\n');
    const ok = await spfkit('policyd', '--check-config', '--config', good);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, `${good}: configuration OK (5 settings set)\n`);
    // A policyd-spf setting spfkit has no use for is a warning, not an error.
    assert.equal(ok.stderr, `spfkit policyd: ${good}:7: Lookup_Time is a policyd-spf setting spfkit does not use; ignored\n`);

    const bad = join(dir, 'bad.conf');
    await writeFile(bad, 'HELO_reject = Sometimes\nnot a setting line\nColour = blue\nskip_addresses = 127.0.0.0/33\n');
    const r = await spfkit('policyd', '--check-config', '--config', bad, '--deadline', 'soon');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      `spfkit policyd: ${bad}:1: HELO_reject cannot be "Sometimes" (expected: Fail, SPF_Not_Pass, Softfail, Null, False, No_Check)`,
      `spfkit policyd: ${bad}:2: "not a setting line" is not a "Name = value" line`,
      `spfkit policyd: ${bad}:3: unknown setting "Colour" (see docs/policyd.md)`,
      `spfkit policyd: ${bad}:4: skip_addresses cannot be "127.0.0.0/33" (expected: IP/prefix, …)`,
      `spfkit policyd: --deadline: Deadline cannot be "soon" (expected: seconds (0–3600))`,
    ]);
  });

  it('refuses to start on a bad configuration, a bad --listen or --set, an unreadable file: one line each, exit 2', async () => {
    const bad = join(dir, 'start.conf');
    await writeFile(bad, 'Header_Type = XML\n');
    const cases: [string[], RegExp][] = [
      [['--config', bad], /^spfkit policyd: .*start\.conf:1: Header_Type cannot be "XML" \(expected: SPF, AR, None\)\nspfkit policyd: 1 error in the configuration; not started\n$/],
      [['--listen', 'tcp:10023'], /^spfkit policyd: --listen needs inet:HOST:PORT or unix:PATH, got "tcp:10023"\n$/],
      [['--set', 'HELO_reject'], /^spfkit policyd: --set needs Name=value, got "HELO_reject"\n$/],
      [['--config', join(dir, 'missing.conf')], /^spfkit policyd: cannot read config file .*missing\.conf: there is no such file\n$/],
      [['--config', join(dir, 'missing.conf'), '--lang', 'nl'], /^spfkit policyd: kan configuratiebestand .*missing\.conf niet lezen: /],
    ];
    for (const [args, pattern] of cases) {
      const r = await spfkit('policyd', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, pattern);
    }
  });

  it('--help names the command in the main help and describes its options', async () => {
    assert.match((await spfkit('--help')).stdout, /\n {2}policyd {4}a Postfix policy service/);
    const help = await spfkit('policyd', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--listen <address>/);
    assert.match(help.stdout, /--check-config/);
    assert.match(help.stdout, /--dns <server\[:port\]>/);
  });
});
