import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { evaluateSpf } from '../spf/evaluate.ts';
import { branchLookups, evaluationTree } from '../spf/tree.ts';
import { countLookups } from './lookups.ts';

const resolver = zoneResolver(
  zoneFromObject({
    '_spf.google.com': [{ TXT: 'v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all' }],
    '_netblocks.google.com': [{ TXT: 'v=spf1 ip4:209.85.128.0/17 ~all' }],
    '_netblocks2.google.com': [{ TXT: 'v=spf1 ip6:2001:4860:4000::/36 ~all' }],
    '_netblocks3.google.com': [{ TXT: 'v=spf1 ip4:172.217.0.0/19 ~all' }],
    'loop-a.example': [{ TXT: 'v=spf1 include:loop-b.example -all' }],
    'loop-b.example': [{ TXT: 'v=spf1 include:loop-a.example -all' }],
    'redir.example': [{ TXT: 'v=spf1 a mx redirect=_spf.google.com' }, { A: '192.0.2.50' }, { MX: [10, 'redir.example'] }],
    'example.nl': [{ MX: [10, 'redir.example'] }],
    'slow.example': ['TIMEOUT'],
  }),
);

describe('countLookups', () => {
  it('counts every DNS-querying term of the tree, per branch', async () => {
    const tree = await countLookups('v=spf1 ip4:192.0.2.1 include:_spf.google.com mx a:mail.example.nl ptr exists:%{i}.x.example -all', resolver, { domain: 'example.nl' });
    assert.equal(tree.total, 8);
    assert.deepEqual(tree.root.terms.map((t) => [t.text, t.total]), [
      ['include:_spf.google.com', 4],
      ['mx', 1],
      ['a:mail.example.nl', 1],
      ['ptr', 1],
      ['exists:%{i}.x.example', 1],
    ]);
    assert.equal(tree.root.own, 5);
    assert.equal(tree.root.terms[0]?.child?.own, 3);
    assert.equal(tree.withinLimit, true);
    assert.equal(tree.complete, true); // exists is counted exactly; only macro includes/redirects are not
  });

  it('agrees with the evaluator where the evaluator walks everything', async () => {
    const record = 'v=spf1 include:_spf.google.com mx redirect=redir.example';
    const tree = await countLookups(record, resolver, { domain: 'example.nl' });
    const check = await evaluateSpf({ ip: '192.0.2.1', sender: 'x@example.nl' }, { resolver, overrides: { 'example.nl': record }, limits: { dnsTerms: 100 } });
    const walked = evaluationTree(check.trace);
    assert.ok(walked);
    assert.equal(tree.total, branchLookups(walked));
    assert.equal(tree.total, check.lookups.terms);
  });

  it('skips terms after all and a redirect next to all (§5.1, §6.1)', async () => {
    const tree = await countLookups('v=spf1 mx -all include:_spf.google.com redirect=redir.example', resolver);
    assert.equal(tree.total, 1);
  });

  it('counts a redirect and follows it', async () => {
    const tree = await countLookups('v=spf1 redirect=redir.example', resolver);
    // redirect (1) + a, mx (2) + redirect (1) + _spf.google.com's 3 includes.
    assert.equal(tree.total, 1 + 2 + 1 + 3);
    assert.deepEqual(tree.root.terms.map((t) => t.kind), ['redirect']);
  });

  it('reports loops, missing records, DNS errors, macros and syntax as problems', async () => {
    const loop = await countLookups('v=spf1 include:loop-a.example -all', resolver);
    assert.equal(loop.withinLimit, false);
    assert.deepEqual(loop.problems, [{ code: 'loop', domain: 'loop-a.example' }]);

    const other = await countLookups('v=spf1 include:missing.example include:slow.example include:%{d}.example -all', resolver, { domain: 'example.nl' });
    assert.deepEqual(other.problems.map((p) => p.code), ['no-record', 'dns-error', 'dynamic']);
    assert.equal(other.total, 3);
    assert.equal(other.complete, false);

    const bad = await countLookups('v=spf1 include: -all', resolver);
    assert.equal(bad.root.problem?.code, 'syntax');
  });

  it('uses overrides for records not yet published', async () => {
    const tree = await countLookups('v=spf1 include:_spf.example.nl -all', resolver, { overrides: { '_spf.example.nl': 'v=spf1 include:_spf.google.com -all' } });
    assert.equal(tree.total, 5);
  });
});
