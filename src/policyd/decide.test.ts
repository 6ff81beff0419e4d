import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DnsAnswer, RecordData, Resolver, RrType } from '../dns/resolver.ts';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { type ConnectionState, decidePolicy, newConnectionState } from './decide.ts';
import { type PolicySettings, defaultSettings, parseCidrList } from './settings.ts';

// The seeds: Blue Inkt sends from 5.255.64.53 (smtp1.blueinkt.com) for its customers.
const ZONE = zoneFromText(`
zone:
  blueinkt.com: [{TXT: "v=spf1 a:smtp1.blueinkt.com -all"}]
  smtp1.blueinkt.com: [{A: 5.255.64.53}, {TXT: "v=spf1 a -all"}]
  _spf.blueinkt.com: [{TXT: "v=spf1 ip4:5.255.64.0/24 -all"}]
  53.64.255.5.in-addr.arpa: [{PTR: smtp1.blueinkt.com}]
  zonder-spf.nl: [{A: 192.0.2.80}]
  sluit-uit.nl: [{TXT: "v=spf1 ip4:192.0.2.0/24 -all exp=why.sluit-uit.nl"}]
  why.sluit-uit.nl: [{TXT: "Only our own servers send mail for %{d}"}]
  staat-toe.nl: [{TXT: "v=spf1 include:_spf.blueinkt.com -all"}]
  zacht.nl: [{TXT: "v=spf1 ip4:192.0.2.0/24 ~all"}]
  neutraal.nl: [{TXT: "v=spf1 ?all"}]
  kapot.nl: [{TXT: "v=spf1 ip4:1.2.3 -all"}]
  traag.nl: [TIMEOUT]
  vals-helo.example: [{TXT: "v=spf1 -all"}]
  forwarder.example: [{TXT: "v=spf1 ip4:5.255.64.0/24 -all"}]
`);

const resolver = zoneResolver(ZONE, { log: false });
const context = { resolver, now: () => performance.now() };

function settings(changes: Partial<PolicySettings> = {}): PolicySettings {
  return { ...defaultSettings({ receiver: 'mx.ontvanger.nl' }), whyUrl: 'https://spf.ontvanger.nl/why', ...changes };
}

function request(fields: Record<string, string>): Map<string, string> {
  return new Map(Object.entries({ request: 'smtpd_access_policy', protocol_state: 'RCPT', client_address: '5.255.64.53', helo_name: 'smtp1.blueinkt.com', ...fields }));
}

async function decideFor(fields: Record<string, string>, changes: Partial<PolicySettings> = {}, state?: ConnectionState) {
  return decidePolicy(request(fields), settings(changes), context, state);
}

describe('decidePolicy: the seed situations', () => {
  it('a customer without SPF: accepted with Received-SPF: none', async () => {
    const d = await decideFor({ sender: 'info@zonder-spf.nl' });
    assert.equal(d.verdict, 'prepend');
    assert.equal(d.heloResult, 'pass');
    assert.equal(d.mailFromResult, 'none');
    assert.match(d.action, /^PREPEND Received-SPF: none \(mx\.ontvanger\.nl: domain of info@zonder-spf\.nl does not designate permitted sender hosts\) client-ip=5\.255\.64\.53;/);
    assert.match(d.action, /envelope-from="info@zonder-spf\.nl"; helo=smtp1\.blueinkt\.com; receiver=mx\.ontvanger\.nl; identity=mailfrom;$/);
  });

  it('a record that excludes it: rejected with the explanation and the /why link', async () => {
    const d = await decideFor({ sender: 'info@sluit-uit.nl' });
    assert.equal(d.verdict, 'reject');
    assert.equal(d.mailFromResult, 'fail');
    assert.equal(
      d.action,
      '550 5.7.23 SPF fail: the domain of info@sluit-uit.nl does not authorise 5.255.64.53 to send its mail. Only our own servers send mail for sluit-uit.nl ' +
        'See https://spf.ontvanger.nl/why?scope=mfrom&identity=info%40sluit-uit.nl&ip=5.255.64.53',
    );
  });

  it('a record that authorises it: accepted, header with the mechanism', async () => {
    const d = await decideFor({ sender: 'info@staat-toe.nl' });
    assert.equal(d.verdict, 'prepend');
    assert.match(d.action, /^PREPEND Received-SPF: pass \(mx\.ontvanger\.nl: domain of info@staat-toe\.nl designates 5\.255\.64\.53 as permitted sender\)/);
    assert.match(d.action, /identity=mailfrom; mechanism="include:_spf\.blueinkt\.com";$/);
  });

  it('in Dutch when asked', async () => {
    const d = await decideFor({ sender: 'info@sluit-uit.nl' }, { lang: 'nl' });
    assert.match(d.action, /^550 5\.7\.23 SPF fail: het domein van info@sluit-uit\.nl staat 5\.255\.64\.53 niet toe .* Zie https:/);
  });
});

describe('decidePolicy: reject levels (policyd-spf meanings)', () => {
  const cases: [string, PolicySettings['mailFromReject'], string, 'reject' | 'prepend'][] = [
    ['Fail rejects fail', 'Fail', 'info@sluit-uit.nl', 'reject'],
    ['Fail lets softfail pass', 'Fail', 'info@zacht.nl', 'prepend'],
    ['Softfail rejects softfail', 'Softfail', 'info@zacht.nl', 'reject'],
    ['Softfail lets neutral pass', 'Softfail', 'info@neutraal.nl', 'prepend'],
    ['SPF_Not_Pass rejects neutral', 'SPF_Not_Pass', 'info@neutraal.nl', 'reject'],
    ['SPF_Not_Pass lets none pass', 'SPF_Not_Pass', 'info@zonder-spf.nl', 'prepend'],
    ['False never rejects', 'False', 'info@sluit-uit.nl', 'prepend'],
  ];
  for (const [name, level, sender, verdict] of cases) {
    it(`Mail_From_reject=${level}: ${name}`, async () => {
      const d = await decideFor({ sender }, { mailFromReject: level });
      assert.equal(d.verdict, verdict, d.action);
    });
  }

  it('No_Check does not check MAIL FROM: the header is the HELO result', async () => {
    const d = await decideFor({ sender: 'info@sluit-uit.nl' }, { mailFromReject: 'No_Check' });
    assert.equal(d.mailFromResult, undefined);
    assert.match(d.action, /^PREPEND Received-SPF: pass .* identity=helo;/);
  });

  it('HELO is checked first: a failing HELO rejects before MAIL FROM is looked at', async () => {
    const d = await decideFor({ helo_name: 'vals-helo.example', sender: 'info@staat-toe.nl' });
    assert.equal(d.verdict, 'reject');
    assert.equal(d.heloResult, 'fail');
    assert.equal(d.mailFromResult, undefined);
    assert.match(d.action, /scope=helo&identity=vals-helo\.example/);
  });

  it('HELO_reject=Null rejects a HELO fail only for the null sender', async () => {
    assert.equal((await decideFor({ helo_name: 'vals-helo.example', sender: 'info@staat-toe.nl' }, { heloReject: 'Null' })).verdict, 'prepend');
    const bounce = await decideFor({ helo_name: 'vals-helo.example', sender: '' }, { heloReject: 'Null' });
    assert.equal(bounce.verdict, 'reject');
  });

  it('the null sender is checked as its HELO identity (RFC 7208 §2.4)', async () => {
    const d = await decideFor({ sender: '' });
    assert.equal(d.mailFromResult, 'pass');
    assert.match(d.action, /Received-SPF: pass .*envelope-from=""; helo=smtp1\.blueinkt\.com; .*identity=helo;/);
  });

  it('PermError rejects only with PermError_reject', async () => {
    assert.equal((await decideFor({ sender: 'info@kapot.nl' })).verdict, 'prepend');
    const d = await decideFor({ sender: 'info@kapot.nl' }, { permErrorReject: true });
    assert.equal(d.verdict, 'reject');
    assert.match(d.action, /^550 5\.7\.24 SPF permerror/);
  });

  it('TempError defers only with TempError_Defer', async () => {
    const accepted = await decideFor({ sender: 'info@traag.nl' });
    assert.equal(accepted.verdict, 'prepend');
    assert.match(accepted.action, /Received-SPF: temperror .*problem="timeout looking up traag\.nl TXT";$/);
    const d = await decideFor({ sender: 'info@traag.nl' }, { tempErrorDefer: true });
    assert.equal(d.verdict, 'defer');
    assert.match(d.action, /^451 4\.7\.24 SPF temperror/);
  });

  it('a malformed or single-label sender domain is none, not an error (RFC 7208 §4.3)', async () => {
    for (const sender of ['info@localhost', 'info', 'info@', 'a@[192.0.2.1]']) {
      const d = await decideFor({ sender });
      assert.equal(d.mailFromResult, 'none', sender);
      assert.equal(d.verdict, 'prepend', sender);
    }
  });
});

describe('decidePolicy: skips and whitelists', () => {
  it('skips loopback addresses by default, v4, mapped and v6', async () => {
    for (const ip of ['127.0.0.1', '::ffff:127.0.0.1', '::1']) {
      const d = await decideFor({ client_address: ip, sender: 'info@sluit-uit.nl' });
      assert.equal(d.reason, 'skip-address', ip);
      assert.match(d.action, /^PREPEND X-Comment: SPF not applicable to localhost connection/);
    }
  });

  it('whitelists an IP range', async () => {
    const range = parseCidrList('5.255.64.0/24');
    assert.ok(range.ok);
    const d = await decideFor({ sender: 'info@sluit-uit.nl' }, { whitelist: range.cidrs });
    assert.equal(d.reason, 'whitelist-ip');
  });

  it('whitelists a HELO name only when its address is the client', async () => {
    assert.equal((await decideFor({ sender: 'info@sluit-uit.nl' }, { heloWhitelist: ['smtp1.blueinkt.com'] })).reason, 'whitelist-helo');
    const forged = await decideFor({ client_address: '198.51.100.7', sender: 'info@sluit-uit.nl' }, { heloWhitelist: ['smtp1.blueinkt.com'] });
    assert.equal(forged.reason, 'checked');
  });

  it('whitelists clients that a listed domain’s SPF passes', async () => {
    assert.equal((await decideFor({ sender: 'info@sluit-uit.nl' }, { domainWhitelist: ['forwarder.example'] })).reason, 'whitelist-domain');
    assert.equal((await decideFor({ sender: 'info@sluit-uit.nl' }, { domainWhitelist: ['zacht.nl'] })).reason, 'checked');
  });

  it('whitelists clients whose validated PTR name is under a listed domain', async () => {
    assert.equal((await decideFor({ sender: 'info@sluit-uit.nl' }, { domainWhitelistPtr: ['blueinkt.com'] })).reason, 'whitelist-ptr');
    assert.equal((await decideFor({ sender: 'info@sluit-uit.nl' }, { domainWhitelistPtr: ['example.org'] })).reason, 'checked');
  });
});

describe('decidePolicy: per connection', () => {
  it('checks the HELO name once per connection', async () => {
    let asked = 0;
    const counting: Resolver = { query: (name, type) => ((asked += name === 'smtp1.blueinkt.com' && type === 'TXT' ? 1 : 0), resolver.query(name, type)) };
    const state = newConnectionState();
    for (const sender of ['a@zonder-spf.nl', 'b@staat-toe.nl', 'c@zacht.nl']) {
      const d = await decidePolicy(request({ sender }), settings(), { resolver: counting, now: () => performance.now() }, state);
      assert.equal(d.heloResult, 'pass');
    }
    assert.equal(asked, 1);
  });

  it('prepends the header once per message; a reject stands for every recipient', async () => {
    const state = newConnectionState();
    const first = await decideFor({ sender: 'info@staat-toe.nl', instance: 'a1' }, {}, state);
    const second = await decideFor({ sender: 'info@staat-toe.nl', instance: 'a1' }, {}, state);
    assert.equal(first.verdict, 'prepend');
    assert.deepEqual([second.action, second.reason], ['DUNNO', 'repeat']);
    const r1 = await decideFor({ sender: 'info@sluit-uit.nl', instance: 'b2' }, {}, state);
    const r2 = await decideFor({ sender: 'info@sluit-uit.nl', instance: 'b2' }, {}, state);
    assert.equal(r2.action, r1.action);
    assert.equal(r2.verdict, 'reject');
  });

  it('answers DUNNO outside RCPT/MAIL and for other requests', async () => {
    assert.equal((await decideFor({ protocol_state: 'DATA', sender: 'info@sluit-uit.nl' })).action, 'DUNNO');
    assert.equal((await decideFor({ request: 'junk', sender: 'info@sluit-uit.nl' })).action, 'DUNNO');
    assert.equal((await decideFor({ client_address: 'not-an-ip', sender: 'info@sluit-uit.nl' })).reason, 'bad-request');
  });
});

describe('decidePolicy: fail-safe', () => {
  /** A resolver that never answers anything under hang.example. */
  const hanging: Resolver = {
    query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      return name.endsWith('hang.example') ? new Promise(() => {}) : resolver.query(name, type);
    },
  };

  it('answers DUNNO at the deadline, or DEFER when configured', async () => {
    const ctx = { resolver: hanging, now: () => performance.now() };
    const d = await decidePolicy(request({ sender: 'info@hang.example' }), settings({ deadlineMs: 50 }), ctx);
    assert.deepEqual([d.action, d.reason], ['DUNNO', 'deadline']);
    const deferred = await decidePolicy(request({ sender: 'info@hang.example' }), settings({ deadlineMs: 50, onFailure: 'DEFER' }), ctx);
    assert.equal(deferred.verdict, 'defer');
    assert.match(deferred.action, /^DEFER The SPF check took too long/);
  });

  it('answers DUNNO on an internal error, with the error for the log', async () => {
    const broken: Resolver = { query: () => Promise.reject(new Error('resolver exploded')) };
    const d = await decidePolicy(request({ sender: 'info@staat-toe.nl' }), settings(), { resolver: broken, now: () => performance.now() });
    assert.deepEqual([d.action, d.reason, d.error], ['DUNNO', 'error', 'resolver exploded']);
  });

  it('answers a malformed request with the fail-safe action', async () => {
    const d = await decidePolicy(request({ sender: 'info@sluit-uit.nl' }), settings(), context, undefined, [{ code: 'malformed-line', line: 'x', lineNumber: 2 }]);
    assert.deepEqual([d.action, d.reason], ['DUNNO', 'malformed']);
  });
});
