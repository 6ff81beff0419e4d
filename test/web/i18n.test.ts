// The page's dictionary (web/src/i18n.ts): every key in English and Dutch, nothing empty,
// parameters filled in, and the language picked from the browser's list.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_LANGS, PAGE_MESSAGES, initialLang, pageText } from '../../web/src/i18n.ts';

/** Sample parameters: every parameterised message must use what it is given and nothing else. */
const SAMPLE = { domain: 'mydomain.nl', count: 2, limit: 10, term: 'include:spf.coachview.net', field: 'IP', status: 500, answer: 'timeout', before: 'neutral', after: 'softfail', ips: '192.0.2.1, 2001:db8::1', seconds: 49, time: '10:32', from: 51, to: 100, total: 1204 };

/** A message with every sample parameter (each message reads the ones it names). */
const render = (message: string | ((p: never) => string)): string => (typeof message === 'string' ? message : (message as (p: typeof SAMPLE) => string)(SAMPLE));

describe('web dictionary', () => {
  const en = Object.keys(PAGE_MESSAGES.en).sort();

  for (const lang of PAGE_LANGS) {
    it(`${lang}: has exactly the English keys`, () => {
      assert.deepEqual(Object.keys(PAGE_MESSAGES[lang]).sort(), en);
    });

    it(`${lang}: every text is non-empty and fills in its parameters`, () => {
      for (const [key, message] of Object.entries(PAGE_MESSAGES[lang])) {
        const text = render(message);
        assert.ok(text.trim().length > 0, `${lang} ${key} is empty`);
        assert.doesNotMatch(text, /undefined|NaN|\$\{/, `${lang} ${key}: ${text}`);
      }
    });
  }

  it('nl: is Dutch, not a copy of the English', () => {
    // Loan words Dutch uses as they are (provider, lookups) and RFC terms may stay; sentences may not.
    const same = en.filter((key) => {
      const a = PAGE_MESSAGES.en[key as keyof typeof PAGE_MESSAGES.en];
      const b = PAGE_MESSAGES.nl[key as keyof typeof PAGE_MESSAGES.nl];
      return render(a) === render(b);
    });
    assert.deepEqual(same, ['onboard.provider', 'tree.lookups', 'tree.via.include', 'tree.via.redirect']);
  });

  it('pageText: plain and parameterised', () => {
    assert.equal(pageText('nl', 'tab.test'), 'Testen');
    assert.equal(pageText('en', 'result.lookups', { count: 2, limit: 10 }), 'DNS lookups: 2 of 10');
    assert.equal(pageText('nl', 'result.lookups', { count: 2, limit: 10 }), 'DNS-lookups: 2 van 10');
  });

  it('every key the page uses exists (no texts outside the dictionary)', () => {
    const dir = join(import.meta.dirname, '../../web/src');
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'i18n.ts')) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const match of source.matchAll(/pageText\(\s*\w+,\s*'([^']+)'/g)) used.add(match[1] ?? '');
    }
    assert.ok(used.size > 40, `found only ${used.size} uses`);
    for (const key of used) assert.ok(key in PAGE_MESSAGES.en, `unknown key ${key}`);
  });

  it('initialLang: a saved choice, else the browser languages, else English', () => {
    assert.equal(initialLang('nl', ['en-US']), 'nl');
    assert.equal(initialLang(null, ['nl-BE', 'en']), 'nl');
    assert.equal(initialLang(undefined, ['de-DE', 'nl']), 'nl');
    assert.equal(initialLang('fr', ['de-DE', 'fr']), 'en');
    assert.equal(initialLang(null, []), 'en');
  });
});
