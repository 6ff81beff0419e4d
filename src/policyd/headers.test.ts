import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { evaluateSpf } from '../spf/evaluate.ts';
import { authResultsHeader, receivedSpfHeader } from './headers.ts';

const resolver = zoneResolver(
  zoneFromText(`
zone:
  klant.nl: [{TXT: "v=spf1 ip4:5.255.64.53 -all"}]
  kapot.nl: [{TXT: "v=spf1 include:nergens.nl -all"}]
`),
  { log: false },
);
const check = (sender: string, helo = 'smtp1.blueinkt.com', ip = '5.255.64.53') => evaluateSpf({ ip, sender, helo }, { resolver });

describe('receivedSpfHeader (RFC 7208 §9.1)', () => {
  it('has the result, the comment and every key-value pair', async () => {
    assert.equal(
      receivedSpfHeader(await check('info@klant.nl'), { receiver: 'mx.example.org', helo: 'smtp1.blueinkt.com' }),
      'pass (mx.example.org: domain of info@klant.nl designates 5.255.64.53 as permitted sender) client-ip=5.255.64.53; envelope-from="info@klant.nl"; ' +
        'helo=smtp1.blueinkt.com; receiver=mx.example.org; identity=mailfrom; mechanism="ip4:5.255.64.53";',
    );
  });

  it('names the problem of a permerror', async () => {
    const header = receivedSpfHeader(await check('info@kapot.nl', 'h.example', '192.0.2.1'), { receiver: 'mx.example.org' });
    assert.match(header, /^permerror \(mx\.example\.org: permanent error in processing the SPF policy of info@kapot\.nl\) client-ip=192\.0\.2\.1;/);
    assert.match(header, /; problem="include:nergens\.nl has no SPF record";$/);
  });

  it('quotes and escapes what is not a dot-atom, and keeps the header on one line', async () => {
    const header = receivedSpfHeader(await check('"odd\\"name"@klant.nl'), { receiver: 'mx (1)', helo: 'bad\r\nX-Injected: yes' });
    assert.doesNotMatch(header, /[\r\n]/);
    assert.match(header, /\(mx \\\(1\\\): /);
    assert.match(header, /helo="badX-Injected: yes";/);
    assert.match(header, /envelope-from="\\"odd\\\\\\"name\\"@klant\.nl";/);
  });

  it('writes the comment in Dutch', async () => {
    assert.match(receivedSpfHeader(await check('info@klant.nl'), { receiver: 'mx', lang: 'nl' }), /^pass \(mx: het domein van info@klant\.nl staat 5\.255\.64\.53 toe als verzender\)/);
  });
});

describe('authResultsHeader (RFC 8601)', () => {
  it('names the authserv-id, the result and smtp.mailfrom', async () => {
    assert.equal(
      authResultsHeader(await check('info@klant.nl', 'h', '192.0.2.9'), { authservId: 'mx.example.org' }),
      'mx.example.org; spf=fail (mx.example.org: domain of info@klant.nl does not designate 192.0.2.9 as permitted sender) smtp.mailfrom=info@klant.nl',
    );
  });
  it('uses smtp.helo for the HELO identity', async () => {
    assert.match(authResultsHeader(await check('', 'klant.nl'), { authservId: 'mx.example.org' }), /; spf=pass \(.*\) smtp\.helo=klant\.nl$/);
  });
});
