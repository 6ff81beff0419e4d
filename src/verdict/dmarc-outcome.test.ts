import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDmarcRecord } from '../dmarc/parse.ts';
import type { DmarcPolicySource } from '../dmarc/tree-walk.ts';
import { alignDomains, appliedDmarcPolicy, dmarcOutcome, rfc7489Reading, type DmarcOutcomeInput, type DmarcPolicyLookup } from './dmarc-outcome.ts';

function found(text: string, domain = 'klant.nl', source: DmarcPolicySource = 'author'): DmarcPolicyLookup {
  const parsed = parseDmarcRecord(text);
  assert.ok(parsed.ok);
  return { kind: 'found', domain, name: `_dmarc.${domain}`, text, source, record: parsed.record };
}

const from = { domain: 'klant.nl', organizationalDomain: 'klant.nl', exists: true } as const;
const coachviewSpf = { result: 'pass', domain: 'bounce.coachview.net', organizationalDomain: 'coachview.net' } as const;

function input(over: Partial<DmarcOutcomeInput>): DmarcOutcomeInput {
  return { from, spf: coachviewSpf, dkim: [], policy: found('v=DMARC1; p=reject'), ...over };
}

describe('alignDomains (RFC 9989 §4.4)', () => {
  const cases = [
    ['klant.nl', 'klant.nl', 'r', 'aligned'],
    ['KLANT.nl.', 'klant.nl', 's', 'aligned'],
    ['mail.klant.nl', 'klant.nl', 'r', 'aligned'],
    ['mail.klant.nl', 'klant.nl', 's', 'not-aligned'],
    ['coachview.net', 'coachview.net', 'r', 'not-aligned'],
  ] as const;
  for (const [domain, org, mode, state] of cases) {
    it(`${domain} vs From klant.nl (${mode}): ${state}`, () => {
      assert.equal(alignDomains({ domain, organizationalDomain: org }, { domain: 'klant.nl', organizationalDomain: 'klant.nl' }, mode).state, state);
    });
  }

  it('is unknown when relaxed alignment needs an Organizational Domain a DNS failure hid', () => {
    assert.equal(alignDomains({ domain: 'mail.klant.nl', organizationalDomain: undefined }, { domain: 'klant.nl', organizationalDomain: 'klant.nl' }, 'r').state, 'unknown');
    // Strict alignment needs no Organizational Domain.
    assert.equal(alignDomains({ domain: 'mail.klant.nl', organizationalDomain: undefined }, { domain: 'klant.nl', organizationalDomain: 'klant.nl' }, 's').state, 'not-aligned');
  });
});

describe('appliedDmarcPolicy', () => {
  const record = (text: string) => {
    const parsed = parseDmarcRecord(text);
    assert.ok(parsed.ok);
    return parsed.record;
  };
  const cases = [
    ['v=DMARC1; p=reject; sp=quarantine; np=none', 'author', true, 'p', 'reject', 'reject'],
    ['v=DMARC1; p=reject; sp=quarantine; np=none', 'organizational', true, 'sp', 'quarantine', 'quarantine'],
    ['v=DMARC1; p=reject; sp=quarantine; np=none', 'organizational', false, 'np', 'none', 'none'],
    ['v=DMARC1; p=reject; sp=quarantine', 'organizational', false, 'np', 'quarantine', 'quarantine'],
    ['v=DMARC1; p=reject; t=y', 'author', true, 'p', 'reject', 'quarantine'],
    ['v=DMARC1; p=quarantine; t=y', 'author', true, 'p', 'quarantine', 'none'],
    ['v=DMARC1; p=reject; sp=none', 'organizational', 'unknown', 'sp', 'none', 'none'],
  ] as const;
  for (const [text, source, exists, tag, requested, effective] of cases) {
    it(`${text} (${source}, exists ${String(exists)}): ${tag}=${requested} → ${effective}`, () => {
      const applied = appliedDmarcPolicy(record(text), source, exists);
      assert.deepEqual([applied.tag, applied.requested, applied.effective], [tag, requested, effective]);
    });
  }
});

describe('dmarcOutcome', () => {
  it('Coachview with its own bounce domain: SPF passes, not aligned, no DKIM → fail, reject', () => {
    const outcome = dmarcOutcome(input({}));
    assert.equal(outcome.result, 'fail');
    assert.equal(outcome.alignment.spf.state, 'not-aligned');
    assert.deepEqual(outcome.policy, { tag: 'p', requested: 'reject', testing: false, effective: 'reject' });
    assert.equal(outcome.disposition, 'reject');
  });

  it('an aligned DKIM pass saves the same setup', () => {
    const outcome = dmarcOutcome(input({ dkim: [{ result: 'pass', domain: 'klant.nl', organizationalDomain: 'klant.nl' }] }));
    assert.equal(outcome.result, 'pass');
    assert.deepEqual(outcome.passedBy, ['dkim']);
    assert.equal(outcome.disposition, 'deliver');
  });

  it('a DKIM pass for the provider’s own d= does not align', () => {
    const outcome = dmarcOutcome(input({ dkim: [{ result: 'pass', domain: 'coachview.net', organizationalDomain: 'coachview.net' }] }));
    assert.equal(outcome.result, 'fail');
    assert.equal(outcome.alignment.dkim[0]?.state, 'not-aligned');
  });

  it('aspf=s makes a bounce subdomain of From unaligned; relaxed aligns it', () => {
    const spf = { result: 'pass', domain: 'bounce.klant.nl', organizationalDomain: 'klant.nl' } as const;
    assert.equal(dmarcOutcome(input({ spf })).result, 'pass');
    const strict = dmarcOutcome(input({ spf, policy: found('v=DMARC1; p=quarantine; aspf=s') }));
    assert.equal(strict.result, 'fail');
    assert.equal(strict.disposition, 'quarantine');
  });

  it('adkim=s: d= a subdomain of From does not align', () => {
    const dkim = [{ result: 'pass', domain: 'mail.klant.nl', organizationalDomain: 'klant.nl' }] as const;
    assert.equal(dmarcOutcome(input({ dkim })).result, 'pass');
    assert.equal(dmarcOutcome(input({ dkim, policy: found('v=DMARC1; p=reject; adkim=s') })).result, 'fail');
  });

  it('no record: none, delivered, and says what would pass', () => {
    const spf = { result: 'pass', domain: 'klant.nl', organizationalDomain: 'klant.nl' } as const;
    const outcome = dmarcOutcome(input({ spf, policy: { kind: 'none' } }));
    assert.equal(outcome.result, 'none');
    assert.deepEqual(outcome.passedBy, ['spf']);
    assert.equal(outcome.policy, undefined);
  });

  it('an invalid record is ignored: none, with a note', () => {
    const outcome = dmarcOutcome(input({ policy: { kind: 'invalid', domain: 'klant.nl', name: '_dmarc.klant.nl', text: 'v=DMARC1; p=bogus' } }));
    assert.equal(outcome.result, 'none');
    assert.deepEqual(outcome.notes, [{ code: 'record-invalid', name: '_dmarc.klant.nl' }]);
  });

  it('discovery timed out: temperror, never none', () => {
    const outcome = dmarcOutcome(input({ policy: { kind: 'temperror', name: '_dmarc.klant.nl' } }));
    assert.equal(outcome.result, 'temperror');
    assert.equal(outcome.disposition, 'unknown');
  });

  it('an SPF temperror for an aligned domain with nothing else passing is a temperror, not a fail', () => {
    const spf = { result: 'temperror', domain: 'klant.nl', organizationalDomain: 'klant.nl' } as const;
    assert.equal(dmarcOutcome(input({ spf })).result, 'temperror');
    // Not aligned anyway: the failure cannot change the answer.
    assert.equal(dmarcOutcome(input({ spf: { ...coachviewSpf, result: 'temperror' } })).result, 'fail');
  });

  it('sp for an existing subdomain, np for a nonexistent one; t=y weakens', () => {
    const policy = found('v=DMARC1; p=reject; sp=quarantine; np=reject; t=y', 'klant.nl', 'organizational');
    const sub = { domain: 'nieuws.klant.nl', organizationalDomain: 'klant.nl' };
    const existing = dmarcOutcome(input({ from: { ...sub, exists: true }, policy }));
    assert.deepEqual([existing.policy?.tag, existing.policy?.effective, existing.disposition], ['sp', 'none', 'deliver']);
    const missing = dmarcOutcome(input({ from: { ...sub, exists: false }, policy }));
    assert.deepEqual([missing.policy?.tag, missing.policy?.effective, missing.disposition], ['np', 'quarantine', 'quarantine']);
  });

  it('notes the tags RFC 9989 removed', () => {
    const outcome = dmarcOutcome(input({ policy: found('v=DMARC1; p=reject; pct=20; ri=3600') }));
    assert.deepEqual(outcome.notes, [{ code: 'removed-tags', tags: ['pct', 'ri'] }]);
  });
});

describe('rfc7489Reading', () => {
  it('says nothing where both RFCs agree', () => {
    const base = input({});
    const outcome = dmarcOutcome(base);
    assert.equal(rfc7489Reading(base, outcome, { organizationalDomains: { from: 'klant.nl', spf: 'coachview.net', dkim: [] }, policy: { kind: 'found', domain: 'klant.nl', name: '_dmarc.klant.nl', text: 'v=DMARC1; p=reject' } }), undefined);
  });

  it('pct sampling, np and t are RFC 9989 / RFC 7489 differences', () => {
    const text = 'v=DMARC1; p=reject; sp=none; np=reject; pct=50; t=y';
    const base = input({ from: { domain: 'weg.klant.nl', organizationalDomain: 'klant.nl', exists: false }, policy: found(text, 'klant.nl', 'organizational') });
    const outcome = dmarcOutcome(base);
    assert.deepEqual([outcome.policy?.tag, outcome.policy?.effective], ['np', 'quarantine']);
    const old = rfc7489Reading(base, outcome, { organizationalDomains: { from: 'klant.nl', spf: 'coachview.net', dkim: [] }, policy: { kind: 'found', domain: 'klant.nl', name: '_dmarc.klant.nl', text } });
    assert.ok(old);
    assert.deepEqual(old.policy, { tag: 'sp', requested: 'none', percent: 50 });
    assert.deepEqual(old.differences, ['np', 't']);
    const sampled = rfc7489Reading(input({ policy: found('v=DMARC1; p=reject; pct=50') }), dmarcOutcome(input({ policy: found('v=DMARC1; p=reject; pct=50') })), {
      organizationalDomains: { from: 'klant.nl', spf: 'coachview.net', dkim: [] },
      policy: { kind: 'found', domain: 'klant.nl', name: '_dmarc.klant.nl', text: 'v=DMARC1; p=reject; pct=50' },
    });
    assert.deepEqual(sampled?.differences, ['pct']);
  });

  it('a PSL organisational domain that differs changes relaxed alignment', () => {
    // The tree walk found psd=n at mail.klant.nl (its own organisation); the PSL says klant.nl.
    const spf = { result: 'pass', domain: 'klant.nl', organizationalDomain: 'klant.nl' } as const;
    const base = input({ from: { domain: 'mail.klant.nl', organizationalDomain: 'mail.klant.nl', exists: true }, spf, policy: found('v=DMARC1; p=reject; psd=n', 'mail.klant.nl') });
    const outcome = dmarcOutcome(base);
    assert.equal(outcome.result, 'fail');
    const old = rfc7489Reading(base, outcome, { organizationalDomains: { from: 'klant.nl', spf: 'klant.nl', dkim: [] }, policy: { kind: 'found', domain: 'mail.klant.nl', name: '_dmarc.mail.klant.nl', text: 'v=DMARC1; p=reject; psd=n' } });
    assert.deepEqual(old?.differences, ['organizational-domain', 'result']);
    assert.equal(old?.result, 'pass');
  });
});
