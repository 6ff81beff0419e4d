import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRecord, isSpfRecordText } from './parse.ts';
import { renderRecord, renderTerm } from './render.ts';
import type { ParseIssueCode, Term } from './types.ts';
import { issueMessage } from './describe.ts';
import { LANGS } from '../i18n/lang.ts';

function ok(text: string) {
  const parsed = parseRecord(text);
  assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : JSON.stringify(parsed.issues)}`);
  return parsed.record;
}

describe('parseRecord: valid records', () => {
  const cases: Array<[string, string[]]> = [
    ['v=spf1', []],
    ['v=spf1 -all', ['all']],
    ['V=SPF1 +MX A:Example.COM/24 ~ALL', ['mx', 'a', 'all']],
    ['v=spf1 include:spf.coachview.net ~all', ['include', 'all']],
    ['v=spf1 +mx +a include:spf.dmrmail.nl include:awsspf.prezent.nl -all', ['mx', 'a', 'include', 'include', 'all']],
    ['v=spf1 ip4:82.94.214.0/24 ip4:46.21.235.240/28 ~all', ['ip4', 'ip4', 'all']],
    ['v=spf1 ip6:2001:db8::/32 ip6:::1 -all', ['ip6', 'ip6', 'all']],
    ['v=spf1 a/24//64 mx:mail.example.com//48 ptr ptr:example.org exists:%{ir}.%{l1r+-}._spf.%{d} -all', ['a', 'mx', 'ptr', 'ptr', 'exists', 'all']],
    ['v=spf1 redirect=_spf.example.com', []],
    ['v=spf1 -all exp=explain._spf.%{d} foo=bar moo.cow-far_out=man:dog/cat', ['all']],
    ['v=spf1 a -all ', ['a', 'all']],
    ['v=spf1  a  -all', ['a', 'all']],
    ['v=spf1 include:foo.%%%_%-', ['include']],
  ];
  for (const [text, kinds] of cases) {
    it(text, () => {
      const record = ok(text);
      assert.deepEqual(record.mechanisms.map((m) => m.kind), kinds);
    });
  }

  it('keeps spans that point at each term', () => {
    const text = 'v=spf1 ~include:a.example.com  ip4:192.0.2.0/24 redirect=b.example.com';
    const record = ok(text);
    assert.deepEqual(
      record.terms.map((t) => text.slice(t.span.start, t.span.end)),
      ['~include:a.example.com', 'ip4:192.0.2.0/24', 'redirect=b.example.com'],
    );
    assert.equal(record.redirect?.domainSpec.text, 'b.example.com');
  });

  it('parses dual cidr lengths and ip values', () => {
    const record = ok('v=spf1 a:foo.example.com/24//64 mx//0 ip4:10.0.0.1');
    const [a, mx, ip4] = record.mechanisms as [Extract<Term, { kind: 'a' }>, Extract<Term, { kind: 'mx' }>, Extract<Term, { kind: 'ip4' }>];
    assert.deepEqual(a.cidr, { ip4: 24, ip6: 64 });
    assert.equal(a.domainSpec?.text, 'foo.example.com');
    assert.deepEqual(mx.cidr, { ip4: undefined, ip6: 0 });
    assert.equal(ip4.value, 0x0a000001);
    assert.equal(ip4.prefix, undefined);
  });

  it('parses macros into parts', () => {
    const record = ok('v=spf1 exists:%{ir}.%{L2r-}.x.%{d}');
    const spec = (record.mechanisms[0] as Extract<Term, { kind: 'exists' }>).domainSpec;
    assert.equal(spec.hasMacros, true);
    const macros = spec.parts.filter((p) => p.kind === 'macro');
    assert.deepEqual(
      macros.map((m) => (m.kind === 'macro' ? [m.letter, m.urlEscape, m.digits, m.reverse, m.delimiters] : [])),
      [
        ['i', false, undefined, true, ''],
        ['l', true, 2, true, '-'],
        ['d', false, undefined, false, ''],
      ],
    );
  });
});

describe('parseRecord: issues with code and span', () => {
  const cases: Array<[string, ParseIssueCode, string]> = [
    ['v=spf1 foo:bar.com', 'unknown-mechanism', 'foo:bar.com'],
    ['v=spf1 a/33', 'bad-cidr', '/33'],
    ['v=spf1 ip4:1.2.3.4/024', 'bad-cidr', '/024'],
    ['v=spf1 ip6:::1/129', 'bad-cidr', '/129'],
    ['v=spf1 ip4:1.2.3.256', 'bad-address', '1.2.3.256'],
    ['v=spf1 ip4:01.2.3.4', 'bad-address', '01.2.3.4'],
    ['v=spf1 ip6:1.2.3.4', 'bad-address', '1.2.3.4'],
    ['v=spf1 ip6:fe80::1%eth0', 'bad-address', 'fe80::1%eth0'],
    ['v=spf1 redirect=a.example.com redirect=b.example.com', 'duplicate-modifier', 'redirect=b.example.com'],
    ['v=spf1 exp=a.example.com exp=b.example.com', 'duplicate-modifier', 'exp=b.example.com'],
    ['v=spf1 exists:%{x}.example.com', 'bad-macro', '%{x}'],
    ['v=spf1 exists:%{d0}.example.com', 'bad-macro', '%{d0}'],
    ['v=spf1 exists:%{c}.example.com', 'bad-macro', '%{c}'],
    ['v=spf1 a:foo%.example.com', 'bad-macro', '%.'],
    ['v=spf1 a\t-all', 'illegal-character', '\t'],
    ['v=spf1 a:b\u00e9.example.com', 'illegal-character', '\u00e9'],
    ['spf1 -all', 'missing-version', 'spf1'],
    ['v=spf10 -all', 'wrong-version', 'v=spf10'],
    ['v=spf1 include', 'missing-argument', 'include'],
    ['v=spf1 ip4', 'missing-argument', 'ip4'],
    ['v=spf1 all:foo.com', 'unexpected-argument', 'all:foo.com'],
    ['v=spf1 a:museum', 'bad-domain-spec', 'museum'],
    ['v=spf1 a:1.2.3.4', 'bad-domain-spec', '1.2.3.4'],
    ['v=spf1 include:', 'bad-domain-spec', ''],
    ['v=spf1 1foo=bar', 'bad-modifier-name', '1foo=bar'],
    ['v=spf1 -redirect=foo.com', 'bad-modifier-name', '-redirect=foo.com'],
  ];
  for (const [text, code, at] of cases) {
    it(`${JSON.stringify(text)} → ${code}`, () => {
      const parsed = parseRecord(text);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      const issue = parsed.issues.find((i) => i.code === code);
      assert.ok(issue, `expected ${code}, got ${JSON.stringify(parsed.issues)}`);
      if (at !== '') assert.equal(text.slice(issue.span.start, issue.span.end), at);
      // The parser has no words (issue 9.2): each issue is worded from the catalogue, in every language.
      for (const lang of LANGS) assert.ok(issueMessage(issue, lang).length > 0, lang);
    });
  }

  it('reports every problem, not just the first', () => {
    const parsed = parseRecord('v=spf1 foo ip4:1.2.3 a/99 -all');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.deepEqual(parsed.issues.map((i) => i.code), ['unknown-mechanism', 'bad-address', 'bad-cidr']);
  });

  it('keeps the terms that parsed in partial', () => {
    const parsed = parseRecord('v=spf1 include:a.example.com bogus -all');
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.partial?.mechanisms.map((m) => m.kind), ['include', 'all']);
  });
});

describe('isSpfRecordText', () => {
  const cases: Array<[string, boolean]> = [
    ['v=spf1', true],
    ['v=spf1 -all', true],
    ['V=SPF1 -all', true],
    ['v=spf10', false],
    ['v=spf1\t-all', false],
    ['spf2.0/pra -all', false],
    ['', false],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.equal(isSpfRecordText(text), expected));
});

describe('renderRecord', () => {
  const cases: Array<[string, string]> = [
    // A written "+" stays (the customer's spelling, issue 10.13); only comparisons drop it.
    ['v=spf1 +mx +a include:spf.dmrmail.nl -all', 'v=spf1 +mx +a include:spf.dmrmail.nl -all'],
    ['V=spf1  A:Foo.example.com/24//64 ?ALL', 'v=spf1 a:Foo.example.com/24//64 ?all'],
    ['v=spf1 ip4:10.0.0.0/8 ip6:2001:DB8::/32 redirect=x.example.com Foo=%{d}', 'v=spf1 ip4:10.0.0.0/8 ip6:2001:DB8::/32 redirect=x.example.com Foo=%{d}'],
  ];
  for (const [input, expected] of cases) {
    it(input, () => {
      const record = ok(input);
      assert.equal(renderRecord(record), expected);
      assert.equal(renderRecord(ok(renderRecord(record))), expected);
    });
  }
  it('canonical terms leave the "+" out', () => {
    const terms = ok('v=spf1 +mx mx -all').terms;
    assert.deepEqual(terms.map((t) => renderTerm(t)), ['+mx', 'mx', '-all']);
    assert.deepEqual(terms.map((t) => renderTerm(t, { canonical: true })), ['mx', 'mx', '-all']);
  });
});
