import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { CARET_WINDOW, MAX_EXPLAINED_ISSUES, MAX_EXPLAINED_TERMS, explainRecord, lookupPtrName, renderCaret, renderRecordExplanation } from './describe.ts';
import { lookupCost } from './lookup-rules.ts';
import { parseRecord } from './parse.ts';

describe('explainRecord: terms', () => {
  const text = 'v=spf1 +mx a:mail.x.nl/24 include:spf.byte.nl ip4:82.94.214.0/24 ip6:2001:db8::/32 ptr exists:%{i}._spf.%{d} ?a -all exp=e.x.nl foo=bar';
  const x = explainRecord(text);

  it('lists every term with its span, kind, qualifier and lookups', () => {
    assert.equal(x.ok, true);
    assert.deepEqual(
      x.terms.map((term) => [term.text, term.kind, term.qualifier ?? '', term.lookups]),
      [
        ['v=spf1', 'version', '', 0],
        ['+mx', 'mx', '+', 1],
        ['a:mail.x.nl/24', 'a', '+', 1],
        ['include:spf.byte.nl', 'include', '+', 1],
        ['ip4:82.94.214.0/24', 'ip4', '+', 0],
        ['ip6:2001:db8::/32', 'ip6', '+', 0],
        ['ptr', 'ptr', '+', 1],
        ['exists:%{i}._spf.%{d}', 'exists', '+', 1],
        ['?a', 'a', '?', 1],
        ['-all', 'all', '-', 0],
        ['exp=e.x.nl', 'exp', '', 0],
        ['foo=bar', 'unknown-modifier', '', 0],
      ],
    );
    for (const term of x.terms) assert.equal(text.slice(term.span.start, term.span.end), term.text);
    assert.equal(x.lookups, 6);
    assert.equal(x.limit, 10);
  });

  it('says what each qualifier does (seed 002 wording)', () => {
    const meaning = (i: number): string => x.terms[i]?.meaning ?? '';
    assert.match(meaning(3), /^Servers that the SPF record of spf\.byte\.nl authorises .*: pass, the mail is accepted\.$/);
    assert.match(meaning(8), /neutral, no statement/);
    assert.match(meaning(9), /^Every server not matched by an earlier term: fail, the mail is refused\.$/);
    assert.match(meaning(4), /The 256 addresses of 82\.94\.214\.0\/24/);
    assert.match(meaning(2), /mail\.x\.nl, widened to \/24 networks/);
    assert.match(meaning(6), /deprecated \(RFC 7208 §5\.5\)/);
    assert.match(meaning(7), /macros/);
    assert.match(meaning(11), /Unknown modifier `foo=`: receivers ignore it/);
    const nl = explainRecord('v=spf1 include:spf.byte.nl ~all', { lang: 'nl' });
    assert.equal(nl.terms[2]?.meaning, 'Elke server die niet door een eerdere term is genoemd: softfail, de e-mail wordt wel toegelaten, maar kan als spam worden gemarkeerd.');
    assert.match(nl.terms[1]?.meaning ?? '', /^Servers die het SPF-record van spf\.byte\.nl autoriseert/);
  });

  it('names the domain for a, mx and ptr without a domain when it is known', () => {
    const y = explainRecord('v=spf1 mx a ptr -all', { domain: 'post.nl' });
    assert.match(y.terms[1]?.meaning ?? '', /mail servers \(MX\) of post\.nl/);
    assert.match(y.terms[2]?.meaning ?? '', /addresses \(A\/AAAA\) of post\.nl/);
    assert.match(explainRecord('v=spf1 mx -all').terms[1]?.meaning ?? '', /of the domain itself/);
  });

  it('notes terms after all, an ignored redirect, a missing all, +all and the lookup limit', () => {
    assert.match(explainRecord('v=spf1 -all mx').notes.join('\n'), /Terms after `all` are never used: `mx`/);
    assert.match(explainRecord('v=spf1 mx ~all redirect=x.nl').notes.join('\n'), /`redirect=x\.nl` is ignored/);
    assert.match(explainRecord('v=spf1 mx').notes.join('\n'), /no `all` and no `redirect=`/);
    assert.deepEqual(explainRecord('v=spf1 redirect=x.nl').notes, []);
    assert.match(explainRecord('v=spf1 +all').terms[1]?.meaning ?? '', /every server in the world/);
    const many = 'v=spf1 ' + Array.from({ length: 11 }, (_, i) => `include:i${i}.example.net`).join(' ') + ' -all';
    const y = explainRecord(many, { lang: 'nl' });
    assert.equal(y.lookups, 11);
    assert.match(y.notes.join('\n'), /11 DNS-lookups is meer dan de toegestane 10/);
  });

  it('counts lookups per term kind (RFC 7208 §4.6.4)', () => {
    const parsed = parseRecord('v=spf1 include:a.nl a mx ptr exists:b.nl ip4:192.0.2.1 ip6:::1 all redirect=c.nl exp=d.nl x=y');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.record.terms.map(lookupCost), [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0]);
  });
});

describe('explainRecord: problems with carets', () => {
  it('renders a caret line under the span', () => {
    assert.equal(renderCaret('v=spf1 ip4:1.2.3 -all', { start: 11, end: 16 }), 'v=spf1 ip4:1.2.3 -all\n           ^^^^^');
    assert.equal(renderCaret('v=spf1 include:', { start: 14, end: 15 }), 'v=spf1 include:\n              ^');
    assert.equal(renderCaret('v=spf1', { start: 6, end: 6 }), 'v=spf1\n      ^');
    assert.equal(renderCaret('v=spf1\ta', { start: 6, end: 7 }), 'v=spf1·a\n      ^');
  });

  it('points at every syntax problem with code, column and caret', () => {
    const text = 'v=spf1 ip4:1.2.3 inclde:x.nl mx/99 -all';
    const x = explainRecord(text);
    assert.equal(x.ok, false);
    assert.deepEqual(
      x.issues.map((i) => [i.code, i.column, i.token]),
      [
        ['bad-address', 12, '1.2.3'],
        ['unknown-mechanism', 18, 'inclde:x.nl'],
        ['bad-cidr', 32, '/99'],
      ],
    );
    for (const issue of x.issues) {
      const [line, carets] = issue.caret.split('\n') as [string, string];
      assert.equal(line, text);
      assert.equal(carets.indexOf('^'), issue.span.start);
      assert.equal(carets.trim().length, issue.span.end - issue.span.start);
    }
    assert.equal(x.issues[0]?.message, '`1.2.3` is not a valid IP address');
    assert.deepEqual(
      x.terms.map((t) => t.kind),
      ['version', 'invalid', 'invalid', 'invalid', 'all'],
    );
    const nl = explainRecord(text, { lang: 'nl' });
    assert.equal(nl.issues[0]?.message, '`1.2.3` is geen geldig IP-adres');
  });

  it('explains a record without v=spf1, and invisible characters by code point', () => {
    const x = explainRecord('include:spf.byte.nl ~all');
    assert.equal(x.issues[0]?.code, 'missing-version');
    assert.match(x.issues[0]?.message ?? '', /does not start with `v=spf1`/);
    assert.equal(x.terms[0]?.kind, 'include');
    const y = explainRecord('v=spf1 mx\t-all');
    assert.equal(y.issues[0]?.code, 'illegal-character');
    assert.match(y.issues[0]?.message ?? '', /U\+0009/);
    assert.equal(y.issues[0]?.caret, 'v=spf1 mx·-all\n         ^');
  });

  it('renders text with the carets under the record', () => {
    const out = renderRecordExplanation(explainRecord('v=spf1 ip4:1.2.3 -all', { lang: 'nl' }), { lang: 'nl', title: 'SPF-record:' });
    assert.match(out, /^SPF-record:\n {2}v=spf1 ip4:1\.2\.3 -all\n/);
    assert.match(out, /1 syntaxprobleem:\n {2}Kolom 12: `1\.2\.3` is geen geldig IP-adres\.\n {4}v=spf1 ip4:1\.2\.3 -all\n {4} {11}\^{5}\n/);
    assert.match(out, /DNS-lookups in dit record: 0 van 10\./);
    const ok = renderRecordExplanation(explainRecord('v=spf1 include:spf.byte.nl ~all'));
    assert.match(ok, /include:spf\.byte\.nl {2}Servers that .* \(1 DNS lookup\)\n/);
    assert.match(ok, /No syntax problems\./);
  });
});

describe('explainRecord: long broken records (issue 17.1)', () => {
  /** Output size of an explanation in bytes (UTF-8): its JSON and its text form. */
  const size = (text: string): number => {
    const x = explainRecord(text);
    return Buffer.byteLength(JSON.stringify(x)) + Buffer.byteLength(renderRecordExplanation(x));
  };
  /** The larger of the two forms, in bytes: what one shell prints (CLI text or `--json`). */
  const largest = (text: string): number => {
    const x = explainRecord(text);
    return Math.max(Buffer.byteLength(JSON.stringify(x)), Buffer.byteLength(renderRecordExplanation(x)));
  };
  /** 8 000-character records that made large output: one run, many terms, characters JSON escapes six-fold. */
  const LONG = {
    'DEL run': 'v=spf1 a:' + '\x7f'.repeat(8000),
    'alternating DEL': 'v=spf1 a:' + 'a\x7f'.repeat(4000),
    'control run': 'v=spf1 a:' + '\x01'.repeat(8000),
    'lone surrogates': 'v=spf1 a:' + '\ud800'.repeat(8000),
    'unknown terms': 'v=spf1 ' + 'x '.repeat(4000),
    'ip4 terms': 'v=spf1 ' + 'ip4:192.0.2.1 '.repeat(571),
    'terms after all': 'v=spf1 -all ' + 'a '.repeat(4000),
    'control terms': 'v=spf1 ' + ('\x01'.repeat(63) + ' ').repeat(125),
    'bad modifiers': 'v=spf1 ' + ('-x=' + '\x01'.repeat(60) + ' ').repeat(125),
    'quote target': 'v=spf1 a:' + '"'.repeat(8000),
  };

  it('reports a run of bad characters as one issue with one whole code point', () => {
    const x = explainRecord('v=spf1 a:' + '\x7f'.repeat(8000));
    assert.equal(x.issues.length, 1);
    assert.equal(x.moreIssues, 0);
    assert.deepEqual([x.issues[0]?.code, x.issues[0]?.span], ['illegal-character', { start: 9, end: 8009 }]);
    const emoji = explainRecord('v=spf1 a:mail\u{1F600}.example.com -all');
    assert.deepEqual(
      emoji.issues.map((i) => [i.code, i.token, i.span]),
      [['illegal-character', '\u{1F600}', { start: 13, end: 15 }]],
    );
    assert.match(emoji.issues[0]?.message ?? '', /U\+1F600/);
  });

  it('explains the first problems and counts the rest', () => {
    const x = explainRecord('v=spf1 a:' + 'a\x7f'.repeat(4000));
    assert.equal(x.issues.length, MAX_EXPLAINED_ISSUES);
    assert.equal(x.moreIssues, 4000 - MAX_EXPLAINED_ISSUES);
    const out = renderRecordExplanation(x, { lang: 'nl' });
    assert.match(out, /4000 syntaxproblemen:/);
    assert.match(out, /… en nog 3980 problemen, niet getoond/);
    assert.match(renderRecordExplanation(x), /… and 3980 more problems, not shown/);
  });

  it('shows a long record around the problem only, carets still under it', () => {
    const text = 'v=spf1 ' + 'ip4:192.0.2.1 '.repeat(40) + 'ip4:1.2.3 -all';
    const caret = explainRecord(text).issues[0]?.caret ?? '';
    const [line, carets] = caret.split('\n') as [string, string];
    assert.ok(line.length <= CARET_WINDOW + 2, line);
    assert.ok(line.startsWith('…'));
    const at = carets.indexOf('^');
    assert.equal(line.slice(at, at + 5), '1.2.3');
    assert.equal(carets.trim().length, 5);
  });

  for (const [name, make] of [
    ['DEL characters', (n: number) => 'v=spf1 a:' + '\x7f'.repeat(n)],
    ['alternating bad characters', (n: number) => 'v=spf1 a:' + 'a\x7f'.repeat(n / 2)],
    ['control characters', (n: number) => 'v=spf1 a:' + '\x01'.repeat(n)],
    ['bad macros', (n: number) => 'v=spf1 a:' + '%q'.repeat(n / 2)],
    ['unknown terms', (n: number) => 'v=spf1 ' + 'x '.repeat(n / 2)],
  ] as const) {
    it(`grows linearly, not with the square, for ${name}`, () => {
      // Quadratic output would be 4× the size at twice the length; linear is 2× plus a constant.
      const small = size(make(4000));
      const large = size(make(8000));
      assert.ok(large < 2.2 * small + 10_000, `${small} → ${large}`);
    });
  }

  for (const [name, text] of Object.entries(LONG)) {
    it(`8 000 characters (${name}): under 100 KB of output, as JSON and as text`, () => {
      assert.ok(largest(text) < 100_000, `${largest(text)} bytes`);
    });
  }

  it('explains the first terms, counts the rest, and still counts all their lookups', () => {
    const text = 'v=spf1 ' + 'a:x.example '.repeat(60) + '-all';
    const x = explainRecord(text);
    assert.equal(x.terms.length, MAX_EXPLAINED_TERMS);
    assert.equal(x.moreTerms, 62 - MAX_EXPLAINED_TERMS);
    assert.equal(x.lookups, 60);
    assert.match(x.notes.join(' '), /60 DNS lookups is more than the 10/);
    assert.match(renderRecordExplanation(x), /… and 12 more terms, not explained one by one/);
    assert.match(renderRecordExplanation(x, { lang: 'nl' }), /… en nog 12 termen, niet één voor één uitgelegd/);
  });

  it('names at most five terms after all, and counts the rest', () => {
    const x = explainRecord('v=spf1 -all ' + 'a '.repeat(4000));
    const note = x.notes.find((n) => n.startsWith('Terms after')) ?? '';
    assert.equal(note.match(/`a`/g)?.length, 5);
    assert.match(note, /and 3995 more terms\.$/);
  });

  it('shows invisible characters in terms, sentences and the record text as ·', () => {
    const x = explainRecord('v=spf1 include:\x1b[31m.example -all');
    const out = renderRecordExplanation(x);
    assert.ok(!out.includes('\x1b'));
    assert.ok(x.terms.every((term) => !term.text.includes('\x1b')));
    assert.equal(x.text, 'v=spf1 include:\x1b[31m.example -all');
  });
});

describe('lookupPtrName', () => {
  const resolver = zoneResolver(
    zoneFromText(`zone:
  53.64.255.5.in-addr.arpa: [{PTR: "nep.example.net"}, {PTR: "SMTP1.blueinkt.com."}]
  smtp1.blueinkt.com: [{A: "5.255.64.53"}]
  nep.example.net: [{A: "192.0.2.99"}]
  1.2.0.192.in-addr.arpa: [{PTR: "unconfirmed.example.net"}]
  unconfirmed.example.net: [{A: "192.0.2.2"}]
  3.2.0.192.in-addr.arpa: [TIMEOUT]
  1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa: [{PTR: "v6.example.net"}]
  v6.example.net: [{AAAA: "2001:db8::1"}]`),
  );
  it('returns the forward-confirmed name', async () => {
    assert.equal(await lookupPtrName(resolver, '5.255.64.53'), 'smtp1.blueinkt.com');
    assert.equal(await lookupPtrName(resolver, '2001:db8::1'), 'v6.example.net');
  });
  it('returns undefined without a confirmed name, on DNS failure, or for a bad IP', async () => {
    assert.equal(await lookupPtrName(resolver, '192.0.2.1'), undefined);
    assert.equal(await lookupPtrName(resolver, '192.0.2.3'), undefined);
    assert.equal(await lookupPtrName(resolver, '198.51.100.1'), undefined);
    assert.equal(await lookupPtrName(resolver, 'not-an-ip'), undefined);
  });
});
