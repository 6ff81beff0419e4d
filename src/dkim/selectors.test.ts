import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMON_SELECTORS, dkimName } from './selectors.ts';

describe('COMMON_SELECTORS', () => {
  it('is a bounded list of distinct, valid selectors', () => {
    assert.ok(COMMON_SELECTORS.length >= 20 && COMMON_SELECTORS.length <= 30, String(COMMON_SELECTORS.length));
    assert.equal(new Set(COMMON_SELECTORS).size, COMMON_SELECTORS.length);
    for (const selector of COMMON_SELECTORS) assert.ok(dkimName(selector, 'example.com').ok, selector);
  });

  it('has the selectors of the big providers', () => {
    for (const selector of ['google', 'selector1', 'selector2', 'k1', 's1', 's2', 'default', 'mandrill']) {
      assert.ok(COMMON_SELECTORS.includes(selector), selector);
    }
  });
});

describe('dkimName (RFC 6376 §3.1, §3.6.2.1)', () => {
  const cases: Array<[string, string, string]> = [
    // Seed 001: a provider's help page publishes prezent-a._domainkey and prezent-b._domainkey CNAMEs.
    ['prezent-a', 'klant.nl', 'prezent-a._domainkey.klant.nl'],
    ['prezent-b', 'klant.nl', 'prezent-b._domainkey.klant.nl'],
    ['selector1', 'Example.COM.', 'selector1._domainkey.example.com'],
    ['Google', 'example.com', 'google._domainkey.example.com'],
    ['2024.eu', 'example.com', '2024.eu._domainkey.example.com'],
    ['s1', 'bücher.de', 's1._domainkey.xn--bcher-kva.de'],
    ['sélecteur', 'example.com', 'xn--slecteur-b1a._domainkey.example.com'],
  ];
  for (const [selector, domain, name] of cases) {
    it(`${selector} at ${domain} → ${name}`, () => assert.deepEqual(dkimName(selector, domain), { ok: true, name }));
  }

  const bad: Array<[string, string, string]> = [
    ['', 'example.com', 'bad-selector'],
    ['sel_1', 'example.com', 'bad-selector'],
    ['-sel', 'example.com', 'bad-selector'],
    ['sel.', 'example.com', 'bad-selector'],
    ['a..b', 'example.com', 'bad-selector'],
    ['sel ector', 'example.com', 'bad-selector'],
    ['selector1', '', 'bad-domain'],
    ['selector1', 'exa_mple.com', 'bad-domain'],
  ];
  for (const [selector, domain, code] of bad) {
    it(`rejects ${JSON.stringify(selector)} at ${JSON.stringify(domain)} (${code})`, () => {
      const result = dkimName(selector, domain);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.issue.code, code);
    });
  }
});
