import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type MessageArgs, type MessageKey, MESSAGES, t } from './catalog.ts';
import { LANGS } from './lang.ts';
import { code, groupDigits, joinList } from './format.ts';

/** All parameter objects of all messages, merged: the sample below must satisfy every one. */
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AllParams = UnionToIntersection<NonNullable<MessageArgs<MessageKey>[0]>>;

/**
 * One sample value per parameter name (text that other messages render goes in as a
 * ‹placeholder›, so that each message is judged on its own words) used anywhere in the catalogue. A new key with a new
 * parameter does not compile until its sample is added here; two keys giving one name
 * different types make this `never` (rename one of them).
 */
const SAMPLE: AllParams = {
  domain: 'example.com',
  organization: 'example.com',
  pslOrganization: 'mail.example.com',
  pslName: '_dmarc.mail.example.com',
  identity: 'MAIL FROM info@example.com',
  voidCount: 1,
  voidLimit: 2,
  domains: ['example.com', 'example.net'],
  host: '5.255.64.53 (smtp1.blueinkt.com)',
  ip: '5.255.64.53',
  record: { domain: 'spf.example.net', via: ['include:spf.example.net'] },
  term: 'include:spf.example.net',
  why: '‹why›',
  target: 'spf.example.net',
  widened: true,
  problem: '‹problem›',
  name: 'mail.example.net',
  type: 'TXT',
  detail: 'ETIMEOUT',
  servers: ['127.0.0.1:1'],
  error: 'refused',
  resolver: { servers: ['127.0.0.1:1'], error: 'refused', detail: 'ECONNREFUSED 127.0.0.1:1' },
  count: 11,
  provider: 'coachview',
  email: 'noc@provider.nl',
  checked: 120,
  affected: 3,
  current: 4,
  lookups: 5,
  domainCount: 1204,
  checkCount: 86311,
  eventCount: 977,
  code: 'bad-address',
  column: 12,
  more: 2,
  limit: 10,
  max: 86400,
  window: 60,
  names: ['a.example.net (A)', 'b.example.net (MX)'],
  mechanisms: ['ip4:5.255.64.53'],
  replaces: 'a:smtp1.blueinkt.com',
  result: 'softfail',
  decidedBy: '~all',
  text: '‹text›',
  ipTerm: 'ip4:5.255.64.53',
  aTerm: 'a:smtp1.blueinkt.com',
  before: '-all',
  example: 'v=spf1 a:smtp1.blueinkt.com ~all',
  branches: [{ term: 'include:spf.example.net', count: 4 }],
  token: 'ip4:1.2.3',
  spec: '%{d4r}.example.net',
  length: 300,
  what: '‹what›',
  outcome: '‹outcome›',
  cidr: '/24',
  address: '82.94.214.0',
  prefix: 24,
  terms: ['mx', 'a'],
  missing: 'no-spf',
  other: 'ip4:192.0.2.0/24',
  selector: 'prezent-a',
  bits: 1024,
  tag: 'rua',
  value: 'mailto:d@vendor.example',
  reason: 'no-scheme',
  suggestion: 'p',
  answer: 'timeout',
  policy: 'none',
  grade: 'B',
  qualifier: '~',
  range: '82.94.214.5',
  ips: ['5.255.64.53', '5.255.64.54'],
  from: 'a',
  includes: ['spf.example.net', 'spf.example.org'],
  lookupsBefore: 12,
  lookupsAfter: 9,
  moved: 3,
  mechanism: 'a:smtp1.blueinkt.com',
  problems: ['‹problem one›', '‹problem two›'],
  ttl: 3600,
  bytes: 512,
  strings: 2,
  cause: 'dns-timeout',
  ranges: ['82.94.214.0/24', '46.21.235.240/28'],
  expected: 'neutral',
  unchanged: 63,
  total: 64,
  exact: false,
  purpose: 'bounces',
  note: '‹note›',
  url: 'https://example.net/docs',
  subRecords: 2,
  verified: false,
  issue: 'multiple-records',
  message: 'resolver exploded',
  seconds: 1.25,
  where: 'policyd-spf.conf:3',
  rate: 7.2,
  out: 'report.csv',
  option: '--ip',
  options: ['--ip4', '--mx'],
  known: ['coachview', 'byte'],
  percent: 42,
  commands: '  check      ‹summary›',
  dns: '‹DNS options›',
  subject: 'field "ip"',
  values: ['"en"', '"nl"'],
  pattern: '^[a-z]+$',
  left: '1:05',
  receiver: 'mx.example.org',
  key: '__proto__',
  line: 17,
  added: 998,
  updated: 3,
  offset: 50,
  id: 4,
  when: '2026-12-03T12:00:00.000Z',
  services: ['Coachview'],
  // verdict (issue 13.1)
  fromDomain: 'klant.nl',
  mode: 'r',
  suggested: 'bounce.klant.nl',
};

/** Keys whose text may be the same in both languages: pure composition of other messages, or a word Dutch shares (ok, JSON). */
const SAME_IN_BOTH = new Set<MessageKey>(['spf.term.directive', 'cli.add.label.json', 'cli.add.mark.ok', 'usage.dns.server', 'usage.audit.bad-selector']);

const KEYS = Object.keys(MESSAGES.en) as MessageKey[];

function render(lang: 'en' | 'nl', key: MessageKey): string {
  const message = MESSAGES[lang][key] as (params: AllParams) => string;
  return message(SAMPLE);
}

describe('message catalogue', () => {
  it('has the same keys in every language', () => {
    for (const lang of LANGS) assert.deepEqual(Object.keys(MESSAGES[lang]).sort(), [...KEYS].sort(), lang);
  });

  it('prefixes every key with its area', () => {
    for (const key of KEYS) assert.match(key, /^(spf|cli|audit|add|bulk|usage|api|help|policyd|monitor|alerts|verdict|message|inbox)\.[a-z0-9.-]+$/, key);
  });

  for (const key of KEYS) {
    it(`${key}: renders in every language`, () => {
      const texts = LANGS.map((lang) => render(lang, key));
      for (const [i, text] of texts.entries()) {
        const lang = LANGS[i];
        assert.equal(typeof text, 'string');
        assert.ok(text.trim().length > 0, `${lang} ${key} is empty`);
        assert.doesNotMatch(text, /undefined|\[object Object\]|NaN|\$\{/, `${lang} ${key}: ${text}`);
      }
      if (!SAME_IN_BOTH.has(key)) assert.notEqual(texts[1], texts[0], `${key} is not translated: ${texts[0]}`);
    });
  }

  it('Dutch texts contain no stray English words', () => {
    for (const key of KEYS) assert.doesNotMatch(render('nl', key), /\b(the|has|does|which|record of)\b/, key);
  });

  it('t() passes the parameters through', () => {
    assert.equal(t('en', 'spf.headline.none', { domain: 'klant.nl' }), 'klant.nl has not published an SPF policy.');
    assert.equal(t('nl', 'spf.headline.none', { domain: 'klant.nl' }), 'klant.nl heeft geen SPF-record gepubliceerd.');
    assert.equal(t('nl', 'spf.record.ok'), 'Geen syntaxproblemen.');
    assert.match(t('nl', 'spf.qualifier.softfail'), /^softfail, de e-mail wordt wel toegelaten, maar kan als spam worden gemarkeerd$/);
  });

  it('names the way to a nested record', () => {
    const record = { domain: 'b.example.net', via: ['include:a.example.net', 'include:b.example.net'] };
    assert.equal(
      t('en', 'spf.reason.matched', { record, term: 'ip4:192.0.2.0/24', ip: '192.0.2.1' }),
      '`ip4:192.0.2.0/24` in the SPF record of b.example.net (reached through `include:a.example.net` → `include:b.example.net`) matches 192.0.2.1.',
    );
    assert.equal(
      t('nl', 'spf.reason.matched', { record, term: 'ip4:192.0.2.0/24', ip: '192.0.2.1' }),
      '`ip4:192.0.2.0/24` in het SPF-record van b.example.net (bereikt via `include:a.example.net` → `include:b.example.net`) komt overeen met 192.0.2.1.',
    );
  });

  it('lists alternatives with the language’s own "or"', () => {
    const params = { domain: 'example.com', ipTerm: 'ip4:192.0.2.1' };
    assert.match(t('en', 'spf.advice.authorise', params), /`include:…` or `ip4:192\.0\.2\.1` to the SPF record of example\.com\.$/);
    assert.match(t('nl', 'spf.advice.authorise', params), /van je mailprovider of `ip4:192\.0\.2\.1` toe aan het SPF-record van example\.com\.$/);
  });
});

describe('format helpers', () => {
  it('joins lists', () => {
    assert.equal(joinList([], 'or'), '');
    assert.equal(joinList(['a'], 'or'), 'a');
    assert.equal(joinList(['a', 'b'], 'of'), 'a of b');
    assert.equal(joinList(['a', 'b', 'c'], 'or'), 'a, b or c');
  });
  it('groups digits and marks code', () => {
    assert.equal(groupDigits(256, ','), '256');
    assert.equal(groupDigits(16777216, '.'), '16.777.216');
    assert.equal(code('-all'), '`-all`');
  });
});
