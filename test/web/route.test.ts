// The page's addresses (web/src/route.ts): shareable "Why?" links in spfkit's and openspf's form.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { basePath, parseRoute, routeHash, senderDomain, whyLink } from '../../web/src/route.ts';

const at = (hash: string, pathname = '/', search = '') => parseRoute({ pathname, search, hash });

describe('web routes', () => {
  it('reads a tab and its parameters from the hash', () => {
    assert.deepEqual(at('#why?scope=mfrom&identity=info%40klant.nl&ip=5.255.64.53'), { tab: 'why', params: { scope: 'mfrom', identity: 'info@klant.nl', ip: '5.255.64.53' } });
    assert.deepEqual(at('#audit?domain=byteklant.nl'), { tab: 'audit', params: { domain: 'byteklant.nl' } });
    assert.deepEqual(at('#onboard'), { tab: 'onboard', params: {} });
    assert.deepEqual(at(''), { tab: 'test', params: {} });
    assert.deepEqual(at('#nothing'), { tab: 'test', params: {} });
  });

  it("takes openspf's ; separators (seed 004's links)", () => {
    assert.deepEqual(at('#why?scope=mfrom;identity=info@example.com;ip=5.255.64.53').params, { scope: 'mfrom', identity: 'info@example.com', ip: '5.255.64.53' });
  });

  it("reads old openspf links: /Why?s=…;id=…;ip=…;r=… (and in the hash)", () => {
    const params = { scope: 'mfrom', identity: 'info@klant.nl', ip: '5.255.64.53', receiver: 'mx.example.org' };
    assert.deepEqual(at('', '/Why', '?s=mfrom;id=info%40klant.nl;ip=5.255.64.53;r=mx.example.org'), { tab: 'why', params });
    assert.deepEqual(at('#why?s=mfrom;id=info%40klant.nl;ip=5.255.64.53;r=mx.example.org'), { tab: 'why', params });
    // Only the Why tab renames them.
    assert.deepEqual(at('#audit?s=x.nl').params, { s: 'x.nl' });
  });

  it('reads /why?… as the Why tab', () => {
    assert.deepEqual(at('', '/why', '?scope=helo&identity=smtp1.blueinkt.com&ip=5.255.64.53'), { tab: 'why', params: { scope: 'helo', identity: 'smtp1.blueinkt.com', ip: '5.255.64.53' } });
  });

  it('writes routes that read back the same', () => {
    const params = { scope: 'mfrom', identity: 'a+b@klant.nl', ip: '2001:db8::1' };
    assert.deepEqual(at(routeHash('why', params)), { tab: 'why', params });
    assert.equal(routeHash('test'), '#test');
    assert.equal(routeHash('audit', { domain: 'x.nl', selectors: '' }), '#audit?domain=x.nl');
  });

  it('basePath drops a tab name at the end of the path', () => {
    assert.equal(basePath('/why'), '/');
    assert.equal(basePath('/'), '/');
    assert.equal(basePath('/spfkit/why'), '/spfkit/');
    assert.equal(basePath('/spfkit/'), '/spfkit/');
  });

  it('whyLink: the published-policy check as a Why? address', () => {
    assert.equal(whyLink('http://127.0.0.1:8025/', { ip: '212.83.209.204', sender: 'info@mydomain.nl', lang: 'en' }), 'http://127.0.0.1:8025/#why?scope=mfrom&identity=info%40mydomain.nl&ip=212.83.209.204&lang=en');
    assert.equal(whyLink('/', { ip: '5.255.64.53', sender: '', helo: 'smtp1.blueinkt.com', lang: 'nl' }), '/#why?scope=helo&identity=smtp1.blueinkt.com&ip=5.255.64.53&lang=nl');
  });

  it('senderDomain: the domain of a sender address', () => {
    assert.equal(senderDomain('Info@MyDomain.nl'), 'mydomain.nl');
    assert.equal(senderDomain('mydomain.nl.'), 'mydomain.nl');
    assert.equal(senderDomain('"a@b"@klant.nl'), 'klant.nl');
  });
});
