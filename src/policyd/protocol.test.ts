import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RequestReader, formatRequest, formatResponse } from './protocol.ts';

const REQUEST = 'request=smtpd_access_policy\nprotocol_state=RCPT\nclient_address=5.255.64.53\nsender=info@klant.nl\n\n';

describe('RequestReader', () => {
  it('reads a request ending in an empty line', () => {
    const events = new RequestReader().push(REQUEST);
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event?.kind, 'request');
    if (event?.kind !== 'request') return;
    assert.deepEqual([...event.request], [
      ['request', 'smtpd_access_policy'],
      ['protocol_state', 'RCPT'],
      ['client_address', '5.255.64.53'],
      ['sender', 'info@klant.nl'],
    ]);
    assert.deepEqual(event.problems, []);
  });

  it('reads requests split anywhere, several per chunk, with CRLF too', () => {
    const reader = new RequestReader();
    const text = REQUEST + REQUEST.replaceAll('\n', '\r\n') + REQUEST;
    const events = [];
    for (let i = 0; i < text.length; i += 7) events.push(...reader.push(Buffer.from(text.slice(i, i + 7))));
    assert.equal(events.length, 3);
    for (const event of events) assert.equal(event.kind === 'request' && event.request.get('client_address'), '5.255.64.53');
    assert.equal(reader.inRequest, false);
  });

  it('knows when a request is half read (the stalled-client clock)', () => {
    const reader = new RequestReader();
    assert.equal(reader.inRequest, false);
    reader.push('request=smtpd_access_policy\nsend');
    assert.equal(reader.inRequest, true);
    reader.push('er=\n\n');
    assert.equal(reader.inRequest, false);
  });

  it('keeps an empty value (the null sender) and values with "="', () => {
    const [event] = new RequestReader().push('sender=\nccert_subject=CN=a=b\n\n');
    assert.ok(event?.kind === 'request');
    assert.equal(event.request.get('sender'), '');
    assert.equal(event.request.get('ccert_subject'), 'CN=a=b');
  });

  it('marks malformed lines and resynchronises at the empty line', () => {
    const reader = new RequestReader();
    const events = reader.push('request=smtpd_access_policy\nthis line has no equals sign\n=novalue\n\n' + REQUEST);
    assert.equal(events.length, 2);
    assert.ok(events[0]?.kind === 'request');
    assert.deepEqual(
      events[0].problems.map((p) => p.code === 'malformed-line' && [p.lineNumber, p.line]),
      [
        [2, 'this line has no equals sign'],
        [3, '=novalue'],
      ],
    );
    assert.ok(events[1]?.kind === 'request');
    assert.deepEqual(events[1].problems, []);
  });

  it('decodes UTF-8 values (SMTPUTF8 senders)', () => {
    const [event] = new RequestReader().push(Buffer.from('sender=jösé@bücher.de\n\n', 'utf8'));
    assert.ok(event?.kind === 'request');
    assert.equal(event.request.get('sender'), 'jösé@bücher.de');
  });

  it('refuses a request over the limit, also as one long line, and reads nothing after', () => {
    for (const body of ['x='.padEnd(2000, 'y'), Array.from({ length: 300 }, (_, i) => `n${i}=v`).join('\n')]) {
      const reader = new RequestReader({ maxRequestBytes: 1000 });
      const events = reader.push(body);
      assert.deepEqual(events.map((e) => e.kind), ['too-large'], body.slice(0, 10));
      assert.deepEqual(reader.push(REQUEST), []);
      assert.equal(reader.inRequest, false);
    }
  });

  it('counts the limit per request, not per connection', () => {
    const reader = new RequestReader({ maxRequestBytes: REQUEST.length + 1 });
    const events = reader.push(REQUEST.repeat(20));
    assert.equal(events.length, 20);
    assert.ok(events.every((e) => e.kind === 'request'));
  });

  it('takes a request of just under 1 MB by default', () => {
    const big = `request=smtpd_access_policy\nx=${'a'.repeat(1024 * 1024 - 100)}\n\n`;
    const events = new RequestReader().push(big);
    assert.equal(events[0]?.kind, 'request');
    const over = new RequestReader().push(`x=${'a'.repeat(1024 * 1024)}\n\n`);
    assert.equal(over[0]?.kind, 'too-large');
  });
});

describe('formatResponse / formatRequest', () => {
  it('ends the answer in an empty line', () => {
    assert.equal(formatResponse('DUNNO'), 'action=DUNNO\n\n');
  });
  it('keeps an answer on one line, whatever the text', () => {
    assert.equal(formatResponse('550 5.7.23 bad\r\naction=OK\n'), 'action=550 5.7.23 bad action=OK \n\n');
  });
  it('round-trips a request', () => {
    const attributes = { request: 'smtpd_access_policy', sender: '', helo_name: 'smtp1.blueinkt.com' };
    const [event] = new RequestReader().push(formatRequest(attributes));
    assert.ok(event?.kind === 'request');
    assert.deepEqual(Object.fromEntries(event.request), attributes);
  });
});
