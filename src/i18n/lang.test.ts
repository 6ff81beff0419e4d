import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectLang, isLang, localeLang } from './lang.ts';

describe('detectLang', () => {
  const cases: Array<[string | undefined, 'en' | 'nl']> = [
    [undefined, 'en'],
    ['', 'en'],
    ['nl', 'nl'],
    ['nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7', 'nl'],
    ['NL-be', 'nl'],
    ['en-GB,en;q=0.9,nl;q=0.8', 'en'],
    ['de-DE,de;q=0.9,nl;q=0.5', 'nl'],
    ['de-DE, fr;q=0.5', 'en'],
    ['en;q=0.2, nl;q=0.8', 'nl'],
    ['nl;q=0, *', 'en'],
    ['en;q=0, *;q=0.5', 'nl'],
    ['*', 'en'],
    ['nl;q=abc, en;q=0.1', 'en'],
    [' , ;q=1', 'en'],
  ];
  for (const [header, lang] of cases) {
    it(`${JSON.stringify(header)} → ${lang}`, () => assert.equal(detectLang(header), lang));
  }
});

describe('isLang', () => {
  it('accepts only supported languages', () => {
    assert.equal(isLang('en'), true);
    assert.equal(isLang('nl'), true);
    assert.equal(isLang('NL'), false);
    assert.equal(isLang('de'), false);
  });
});

describe('localeLang (POSIX: LC_ALL, then LC_MESSAGES, then LANG)', () => {
  const cases: Array<[Record<string, string>, 'en' | 'nl']> = [
    [{}, 'en'],
    [{ LANG: 'nl_NL.UTF-8' }, 'nl'],
    [{ LANG: 'nl_BE@euro' }, 'nl'],
    [{ LANG: 'nl' }, 'nl'],
    [{ LANG: 'NL_nl.utf8' }, 'nl'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'POSIX' }, 'en'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LANG: 'nld_NL' }, 'en'],
    [{ LC_ALL: 'C', LANG: 'nl_NL.UTF-8' }, 'en'],
    [{ LC_ALL: 'nl_NL.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'nl'],
    [{ LC_MESSAGES: 'nl_NL.UTF-8', LANG: 'en_US.UTF-8' }, 'nl'],
    [{ LC_MESSAGES: 'en_US.UTF-8', LANG: 'nl_NL.UTF-8' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'nl_NL.UTF-8' }, 'nl'],
    [{ LC_ALL: 'de_DE.UTF-8', LANG: 'nl_NL.UTF-8' }, 'en'],
  ];
  for (const [env, lang] of cases) {
    it(`${JSON.stringify(env)} → ${lang}`, () => assert.equal(localeLang(env), lang));
  }
});
