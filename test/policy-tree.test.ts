// The one static policy tree (src/spf/policy-tree.ts) against what the three walkers it
// replaced counted. test/support/policy-counts.old.json is the output of `summarise` over
// POLICY_CASES made with the old walkers (record/lookups.ts, record/ranges.ts and
// audit/spf-tree.ts as of 2fe8790, each with its own fetch, loop, depth and size rule).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { zoneFromObject, zoneResolver } from '../src/dns/zone.ts';
import { spfLookupTree, treeNodes } from '../src/audit/spf-tree.ts';
import { countLookups } from '../src/record/lookups.ts';
import { resolvePassRanges } from '../src/record/ranges.ts';
import { describeLookupProblem, describePolicyProblem, describeStaticProblem } from '../src/record/words.ts';
import { MAX_NODES, expandPolicy, policyTree } from '../src/spf/policy-tree.ts';
import { POLICY_CASES, summarise } from './support/policy-cases.ts';

const OLD = JSON.parse(readFileSync(new URL('./support/policy-counts.old.json', import.meta.url), 'utf8')) as Record<string, Summary>;
const BIG = 'more than 100 records';

interface Summary {
  countLookups: { total: number; complete: boolean; withinLimit: boolean; problems: string[] };
  resolvePassRanges: { problem?: string };
  spfLookupTree: { total: number; nodes: number };
}

describe('the policy tree gives the counts of the three walkers it replaced', () => {
  it('has a baseline for every case', () => {
    assert.deepEqual(Object.keys(OLD).sort(), POLICY_CASES.map((c) => c.name).sort());
  });

  for (const policy of POLICY_CASES.filter((c) => c.name !== BIG)) {
    it(policy.name, async () => {
      assert.deepEqual(await summarise(policy), OLD[policy.name]);
    });
  }

  it('more than 100 records: the audit counts as before, and counting and ranges now keep to the same size rule', async () => {
    const policy = POLICY_CASES.find((c) => c.name === BIG);
    assert.ok(policy);
    const now = (await summarise(policy)) as Summary;
    const old = OLD[BIG] as Summary;
    assert.deepEqual((now as unknown as Record<string, unknown>).spfLookupTree, (old as unknown as Record<string, unknown>).spfLookupTree);
    assert.equal(old.spfLookupTree.nodes, MAX_NODES);
    // The old countLookups read all 157 records (204 lookups) and the old resolvePassRanges
    // resolved them; with the one node rule both stop where the audit stopped.
    assert.equal(old.countLookups.total, 204);
    assert.equal(now.countLookups.total, old.spfLookupTree.total);
    assert.equal(now.countLookups.withinLimit, false);
    assert.equal(now.countLookups.complete, false);
    assert.deepEqual(now.countLookups.problems, ['budget@m3.l7.fan.nl']);
    assert.equal(now.resolvePassRanges.problem, 'budget@m7.l7.fan.nl');
  });
});

describe('policyTree', () => {
  /** Ten levels of `width` records, each including every record of the level below: width^10 paths. */
  function diamond(width: number): Record<string, unknown[]> {
    const zone: Record<string, unknown[]> = {};
    for (let d = 0; d < 10; d++) {
      for (let w = 0; w < width; w++) zone[`n${w}.d${d}.nl`] = [{ TXT: `v=spf1 ${Array.from({ length: width }, (_, x) => `include:n${x}.d${d + 1}.nl`).join(' ')} -all` }];
    }
    for (let w = 0; w < width; w++) zone[`n${w}.d10.nl`] = [{ TXT: 'v=spf1 -all' }];
    return zone;
  }

  // The old countLookups walked every path of such a tree (width 4: 1.4 million records,
  // seconds; width 12: practically for ever) — a record anyone can publish.
  it('stays bounded on a tree whose branches meet again below, and asks each name once', { timeout: 60_000 }, async () => {
    const zone = diamond(12);
    const resolver = zoneResolver(zoneFromObject(zone));
    const counted = await countLookups(String((zone['n0.d0.nl']?.[0] as { TXT: string }).TXT), resolver, { domain: 'n0.d0.nl' });
    assert.equal(counted.withinLimit, false);
    assert.deepEqual(counted.problems.map((p) => p.code), ['budget']);
    const asked = resolver.queries.map((q) => `${q.type} ${q.name}`);
    assert.equal(new Set(asked).size, asked.length, 'one fetch memo per tree');

    const audit = await spfLookupTree(resolver, 'n0.d0.nl');
    assert.equal(treeNodes(audit).length, MAX_NODES);
    const ranges = await resolvePassRanges('n0.d0.nl', resolver);
    assert.deepEqual(ranges.ok ? undefined : ranges.problem.code, 'budget');
  });

  it('checks loop before depth before size, and counts a record met twice twice', async () => {
    const resolver = zoneResolver(zoneFromObject({ 'a.nl': [{ TXT: 'v=spf1 include:b.nl include:b.nl redirect=a.nl' }], 'b.nl': [{ TXT: 'v=spf1 -all' }] }));
    const tree = policyTree(resolver);
    const root = await expandPolicy(tree, await tree.root('A.nl.'));
    assert.deepEqual(
      root.branches.map((b) => (b.step.kind === 'node' ? `${b.step.node.via} ${b.step.node.domain} depth ${b.step.node.depth}` : b.step.kind === 'stop' ? b.step.problem.code : b.step.kind)),
      ['include b.nl depth 1', 'include b.nl depth 1', 'loop'],
    );
    assert.equal(resolver.queries.filter((q) => q.name === 'b.nl').length, 1);
  });

  it('words its problems once, for counting and for ranges, in both languages', () => {
    assert.equal(describeLookupProblem, describePolicyProblem);
    assert.equal(describeStaticProblem, describePolicyProblem);
    const budget = { code: 'budget', domain: 'm3.l7.fan.nl' } as const;
    assert.match(describePolicyProblem(budget, 'en'), /more than 100 records.*m3\.l7\.fan\.nl/);
    assert.match(describePolicyProblem(budget, 'nl'), /meer dan 100 records.*m3\.l7\.fan\.nl/);
    assert.equal(describePolicyProblem({ code: 'dns-error', domain: 'd.nl', name: 'd.nl', answer: 'timeout' }, 'en'), 'DNS for d.nl failed (timeout)');
  });
});
