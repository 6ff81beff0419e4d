import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { auditDns } from './dns.ts';
import { MAX_NODES, lookupTreeEvidence, ownNodes, spfLookupTree, treeNodes, voidLookups } from './spf-tree.ts';
import { reachableTerms } from '../spf/lookup-rules.ts';
import { parseRecord } from '../spf/parse.ts';

function resolverFor(zone: Record<string, unknown[]>) {
  return zoneResolver(zoneFromObject(zone));
}

describe('spfLookupTree', () => {
  const zone = {
    'd.nl': [{ TXT: 'v=spf1 mx a include:_spf.p1.nl include:_spf.p2.nl -all' }, { MX: [10, 'mx.d.nl'] }, { A: '192.0.2.1' }],
    'mx.d.nl': [{ A: '192.0.2.25' }],
    '_spf.p1.nl': [{ TXT: 'v=spf1 include:_n1.p1.nl include:_n2.p1.nl ~all' }],
    '_n1.p1.nl': [{ TXT: 'v=spf1 ip4:198.51.100.0/24 -all' }],
    '_n2.p1.nl': [{ TXT: 'v=spf1 a:out.p1.nl -all' }],
    'out.p1.nl': [{ A: '198.51.100.200' }],
    '_spf.p2.nl': [{ TXT: 'v=spf1 ip4:203.0.113.0/24 -all' }],
  };

  it('counts each record itself and each branch with what is below it (RFC 7208 §4.6.4)', async () => {
    const tree = await spfLookupTree(resolverFor(zone), 'D.nl.');
    assert.equal(tree.domain, 'd.nl');
    assert.equal(tree.own, 4);
    assert.equal(tree.total, 4 + 3 + 0);
    assert.deepEqual(lookupTreeEvidence(tree), {
      domain: 'd.nl',
      own: 4,
      total: 7,
      branches: [
        {
          term: 'include:_spf.p1.nl',
          domain: '_spf.p1.nl',
          own: 2,
          total: 4,
          branches: [
            { term: 'include:_n1.p1.nl', domain: '_n1.p1.nl', own: 0, total: 1, branches: [] },
            { term: 'include:_n2.p1.nl', domain: '_n2.p1.nl', own: 1, total: 2, branches: [] },
          ],
        },
        { term: 'include:_spf.p2.nl', domain: '_spf.p2.nl', own: 0, total: 1, branches: [] },
      ],
    });
    assert.deepEqual(
      treeNodes(tree).map((node) => [node.domain, node.path.join(' > ')]),
      [
        ['d.nl', ''],
        ['_spf.p1.nl', 'include:_spf.p1.nl'],
        ['_n1.p1.nl', 'include:_spf.p1.nl > include:_n1.p1.nl'],
        ['_n2.p1.nl', 'include:_spf.p1.nl > include:_n2.p1.nl'],
        ['_spf.p2.nl', 'include:_spf.p2.nl'],
      ],
    );
    assert.deepEqual(voidLookups(tree), []);
  });

  it('asks every name once per type through the audit memo', async () => {
    const zr = resolverFor(zone);
    await spfLookupTree(auditDns(zr).forArea('spf'), 'd.nl');
    const asked = zr.queries.map((q) => `${q.type} ${q.name}`);
    assert.equal(new Set(asked).size, asked.length, asked.join('\n'));
  });

  it('stops at all and ignores redirect next to all (RFC 7208 §4.6.2, §6.1)', async () => {
    const tree = await spfLookupTree(resolverFor({ 'd.nl': [{ TXT: 'v=spf1 a -all mx redirect=_spf.d.nl' }, { A: '192.0.2.1' }], '_spf.d.nl': [{ TXT: 'v=spf1 -all' }] }), 'd.nl');
    assert.deepEqual(tree.terms.map((t) => t.text), ['a']);
    assert.equal(tree.total, 1);
    const parsed = parseRecord('v=spf1 mx redirect=x.nl');
    assert.ok(parsed.ok);
    assert.deepEqual(reachableTerms(parsed.record).map((t) => t.kind), ['mx', 'redirect']);
  });

  it('follows redirect as the domain\'s own policy', async () => {
    const tree = await spfLookupTree(resolverFor({ 'd.nl': [{ TXT: 'v=spf1 redirect=_spf.d.nl' }], '_spf.d.nl': [{ TXT: 'v=spf1 include:p.nl -all' }], 'p.nl': [{ TXT: 'v=spf1 -all' }] }), 'd.nl');
    assert.equal(tree.total, 2);
    assert.deepEqual(ownNodes(tree).map((n) => n.domain), ['d.nl', '_spf.d.nl']);
  });

  it('counts void lookups: names without records, MX hosts without address, missing include targets', async () => {
    const tree = await spfLookupTree(
      resolverFor({
        'd.nl': [{ TXT: 'v=spf1 a:geen.d.nl mx:mx.d.nl include:weg.d.nl include:tekst.d.nl -all' }],
        'mx.d.nl': [{ MX: [10, 'mx1.d.nl'] }, { MX: [20, 'mx2.d.nl'] }],
        'mx1.d.nl': [{ A: '192.0.2.1' }],
        'mx2.d.nl': [],
        'tekst.d.nl': [{ TXT: 'geen spf' }],
      }),
      'd.nl',
    );
    assert.deepEqual(voidLookups(tree), ['geen.d.nl (A/AAAA)', 'mx2.d.nl (A/AAAA)', 'weg.d.nl (TXT)']);
    assert.deepEqual(tree.terms.map((t) => t.lookup), ['void', 'found', 'void', 'found']);
  });

  it('keeps a timeout apart from "no record"', async () => {
    const tree = await spfLookupTree(resolverFor({ 'd.nl': [{ TXT: 'v=spf1 include:traag.nl a:traag.nl -all' }], 'traag.nl': ['TIMEOUT'] }), 'd.nl');
    const [include, a] = tree.terms;
    assert.equal(include?.lookup, 'unavailable');
    assert.equal(include?.child?.fetch.kind, 'dns-error');
    assert.equal(a?.lookup, 'unavailable');
    assert.deepEqual(voidLookups(tree), []);
  });

  it('stops at a loop, and keeps a hostile tree bounded', async () => {
    const loop = await spfLookupTree(resolverFor({ 'a.nl': [{ TXT: 'v=spf1 include:b.nl -all' }], 'b.nl': [{ TXT: 'v=spf1 include:a.nl -all' }] }), 'a.nl');
    assert.equal(loop.terms[0]?.child?.terms[0]?.stop, 'loop');

    // 1 + 12 + 144 records: more than MAX_NODES.
    const zone: Record<string, unknown[]> = {};
    const fan = (name: string, children: string[]) => (zone[name] = [{ TXT: `v=spf1 ${children.map((c) => `include:${c}`).join(' ')} -all` }]);
    const level1 = Array.from({ length: 12 }, (_, i) => `l${i}.nl`);
    fan('root.nl', level1);
    for (const l of level1) {
      const level2 = Array.from({ length: 12 }, (_, j) => `m${j}.${l}`);
      fan(l, level2);
      for (const m of level2) zone[m] = [{ TXT: 'v=spf1 -all' }];
    }
    const zr = resolverFor(zone);
    const tree = await spfLookupTree(zr, 'root.nl');
    assert.ok(treeNodes(tree).length <= MAX_NODES);
    assert.ok(treeNodes(tree).some((node) => node.terms.some((t) => t.stop === 'budget')));
    assert.ok(tree.total > 10);
  });

  it('does not follow macros', async () => {
    const tree = await spfLookupTree(resolverFor({ 'd.nl': [{ TXT: 'v=spf1 include:%{d}.spf.p.nl -all' }] }), 'd.nl');
    assert.deepEqual(
      tree.terms.map((t) => [t.dynamic, t.lookup, t.total]),
      [[true, 'skipped', 1]],
    );
  });
});
