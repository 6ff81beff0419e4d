import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:net';
import { zoneFromText, zoneResolver } from '../../src/dns/zone.ts';
import { defaultSettings } from '../../src/policyd/settings.ts';
import { type ServiceOptions, listenPolicy, parseListenAddress } from '../../src/policyd/service.ts';
import { formatRequest } from '../../src/policyd/protocol.ts';
import { exchangePolicy } from '../support/policyd.ts';

const ZONE = zoneFromText(`
zone:
  smtp1.blueinkt.com: [{A: 5.255.64.53}, {TXT: "v=spf1 a -all"}]
  sluit-uit.nl: [{TXT: "v=spf1 ip4:192.0.2.0/24 -all"}]
  staat-toe.nl: [{TXT: "v=spf1 ip4:5.255.64.53 -all"}]
`);
const options: ServiceOptions = {
  settings: defaultSettings({ receiver: 'mx.test' }),
  context: { resolver: zoneResolver(ZONE, { log: false }), now: () => performance.now() },
  stallMs: 300,
};
const request = (sender: string): string =>
  formatRequest({ request: 'smtpd_access_policy', protocol_state: 'RCPT', client_address: '5.255.64.53', helo_name: 'smtp1.blueinkt.com', sender });

describe('policy service over real sockets', () => {
  let server: Server;
  let address: string;
  before(async () => {
    server = await listenPolicy({ kind: 'inet', host: '127.0.0.1', port: 0 }, options);
    address = `inet:127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => server.close());

  it('answers several requests on one connection, in order', async () => {
    const { answers } = await exchangePolicy(address, request('info@sluit-uit.nl') + request('info@staat-toe.nl'), 2);
    assert.match(answers[0] ?? '', /^action=550 5\.7\.23 /);
    assert.match(answers[1] ?? '', /^action=PREPEND Received-SPF: pass /);
  });

  it('answers a request with malformed lines (fail-safe) and goes on', async () => {
    const { answers } = await exchangePolicy(address, 'request=smtpd_access_policy\nno equals here\n\n' + request('info@sluit-uit.nl'), 2);
    assert.deepEqual(answers[0], 'action=DUNNO');
    assert.match(answers[1] ?? '', /^action=550 /);
  });

  it('answers a 1 MB request and closes the connection', async () => {
    const big = `request=smtpd_access_policy\nx=${'a'.repeat(1024 * 1024)}\n\n`;
    const { answers, closed } = await exchangePolicy(address, big, 2);
    assert.deepEqual(answers, ['action=DUNNO']);
    assert.equal(closed, true);
  });

  it('takes a request just under 1 MB', async () => {
    const { answers } = await exchangePolicy(address, `x=${'a'.repeat(1000 * 1000)}\n` + request('info@sluit-uit.nl'), 1);
    assert.match(answers[0] ?? '', /^action=550 /);
  });

  it('disconnects a client that stalls mid-request', async () => {
    const started = performance.now();
    const { answers, closed } = await exchangePolicy(address, 'request=smtpd_access_policy\nsender=in', 1);
    assert.deepEqual(answers, []);
    assert.equal(closed, true);
    assert.ok(performance.now() - started >= 250);
  });

  it('answers 1 000 concurrent connections, two requests each', async () => {
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => exchangePolicy(address, request(`u${i}@sluit-uit.nl`) + request(`u${i}@staat-toe.nl`), 2)));
    for (const { answers } of results) {
      assert.equal(answers.length, 2);
      assert.match(answers[0] ?? '', /^action=550 5\.7\.23 /);
      assert.match(answers[1] ?? '', /^action=PREPEND Received-SPF: pass /);
    }
  });

  it('listens on a unix socket too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spfkit-policyd-'));
    const path = join(dir, 'policy.sock');
    const unix = await listenPolicy({ kind: 'unix', path }, options);
    try {
      const { answers } = await exchangePolicy(`unix:${path}`, request('info@staat-toe.nl'), 1);
      assert.match(answers[0] ?? '', /^action=PREPEND Received-SPF: pass /);
    } finally {
      unix.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parseListenAddress', () => {
  it('reads Postfix notation', () => {
    assert.deepEqual(parseListenAddress('inet:127.0.0.1:10023'), { kind: 'inet', host: '127.0.0.1', port: 10023 });
    assert.deepEqual(parseListenAddress('inet:[::1]:10023'), { kind: 'inet', host: '::1', port: 10023 });
    assert.deepEqual(parseListenAddress('unix:/run/spfkit.sock'), { kind: 'unix', path: '/run/spfkit.sock' });
    for (const bad of ['inet:127.0.0.1', 'inet:h:99999', 'tcp:1.2.3.4:5', 'unix:']) assert.equal(parseListenAddress(bad), undefined, bad);
  });
});
