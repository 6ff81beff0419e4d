import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recipientToken } from './address.ts';
import { inboxStore, TOKEN_PATTERN } from './store.ts';

const REPORT = { receivedAt: 0, client: { ip: '192.0.2.1', helo: 'h.example', mailFrom: '' }, size: 1, evaluation: {} as never };

describe('inboxStore', () => {
  it('issues distinct tokens of the documented shape', () => {
    const store = inboxStore();
    const a = store.issue();
    const b = store.issue();
    assert.ok(a.ok && b.ok);
    assert.match(a.entry.token, TOKEN_PATTERN);
    assert.notEqual(a.entry.token, b.entry.token);
  });

  it('forgets a token and its reports after the TTL', () => {
    let now = 1000;
    const store = inboxStore({ ttlMs: 500, now: () => now });
    const issued = store.issue();
    assert.ok(issued.ok);
    assert.equal(store.add(issued.entry.token, REPORT), true);
    now = 1499;
    assert.equal(store.get(issued.entry.token)?.reports.length, 1);
    now = 1500;
    assert.equal(store.get(issued.entry.token), undefined);
    assert.equal(store.accepts(issued.entry.token), 'unknown');
    assert.equal(store.add(issued.entry.token, REPORT), false);
    assert.equal(store.size(), 0);
  });

  it('takes at most maxMessages per token, counting messages in flight', () => {
    const store = inboxStore({ maxMessages: 2 });
    const issued = store.issue();
    assert.ok(issued.ok);
    const { token } = issued.entry;
    assert.equal(store.accepts(token, 1), 'ok');
    assert.equal(store.accepts(token, 2), 'full');
    store.add(token, REPORT);
    store.add(token, REPORT);
    assert.equal(store.accepts(token), 'full');
    assert.equal(store.add(token, REPORT), false);
  });

  it('refuses to issue beyond maxTokens until old ones expire', () => {
    let now = 0;
    const store = inboxStore({ maxTokens: 2, ttlMs: 10, now: () => now });
    assert.ok(store.issue().ok && store.issue().ok);
    assert.deepEqual(store.issue(), { ok: false, code: 'full' });
    now = 10;
    assert.ok(store.issue().ok);
  });
});

describe('recipientToken', () => {
  const cases: Array<[string, ReturnType<typeof recipientToken>]> = [
    ['test-abcdefghijklmnopqrst@inbox.example', { ok: true, token: 'abcdefghijklmnopqrst' }],
    ['TEST-ABCDEFGHIJKLMNOPQRST@Inbox.Example.', { ok: true, token: 'abcdefghijklmnopqrst' }],
    ['test-abcdefghijklmnopqrst@other.example', { ok: false, code: 'other-domain' }],
    ['postmaster@inbox.example', { ok: false, code: 'not-a-test-address' }],
    ['test-short@inbox.example', { ok: false, code: 'not-a-test-address' }],
    ['test-abcdefghijklmnopqrs1@inbox.example', { ok: false, code: 'not-a-test-address' }],
  ];
  for (const [address, expected] of cases) it(address, () => assert.deepEqual(recipientToken(address, 'inbox.example'), expected));
});
