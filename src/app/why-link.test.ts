import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWhyQuery } from './why-link.ts';

describe('parseWhyQuery: our Why? query and openspf’s', () => {
  const cases: [string, Record<string, string | string[]>][] = [
    ['scope=mfrom;identity=info%40klant.nl;ip=5.255.64.53', { scope: 'mfrom', identity: 'info@klant.nl', ip: '5.255.64.53' }],
    ['?scope=helo&identity=smtp1.blueinkt.com&ip=5.255.64.53', { scope: 'helo', identity: 'smtp1.blueinkt.com', ip: '5.255.64.53' }],
    // Mail::SPF / policyd-spf / Exim: s=%{_scope};id=%{S};ip=%{C};r=%{R}
    ['s=mfrom;id=info%40klant.nl;ip=5.255.64.53;r=mx.example.org', { scope: 'mfrom', identity: 'info@klant.nl', ip: '5.255.64.53', receiver: 'mx.example.org' }],
    ['s=helo;id=mail.blueinkt.com;ip=2001:db8::1', { scope: 'helo', identity: 'mail.blueinkt.com', ip: '2001:db8::1' }],
    // libspf2: Why?id=%{S}&ip=%{C}&receiver=%{R} — no scope, always MAIL FROM
    ['id=info%40google.com&ip=8.8.8.8&receiver=spfquery', { identity: 'info@google.com', ip: '8.8.8.8', receiver: 'spfquery', scope: 'mfrom' }],
    // Asked twice, under either name: a list, which the schema refuses.
    ['s=mfrom;scope=helo;id=a@b.nl', { scope: ['mfrom', 'helo'], identity: 'a@b.nl' }],
    ['a=1;a=2&b=3', { a: ['1', '2'], b: '3' }],
    ['', {}],
  ];
  for (const [query, expected] of cases) {
    it(query === '' ? '(empty)' : query, () => assert.deepEqual(parseWhyQuery(query), expected));
  }
});
