// Property tests: the parser never throws, and parse → render → parse round-trips.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRecord, parseRecordFully } from './parse.ts';
import { renderRecord } from './render.ts';
import type { SpfRecord, Term } from './types.ts';

/** Terms without spans or the written-out-ness of "+", for comparing trees. */
function shape(record: SpfRecord): unknown[] {
  return record.terms.map((t: Term) => {
    const { span: _span, ...rest } = t as Term & { explicitQualifier?: boolean };
    const copy: Record<string, unknown> = { ...rest };
    delete copy.explicitQualifier;
    for (const key of ['domainSpec', 'value']) {
      const ms = copy[key] as { text: string } | undefined;
      if (ms && typeof ms === 'object' && 'text' in ms) copy[key] = ms.text;
    }
    return copy;
  });
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const topLabel = fc.stringMatching(/^[a-z][a-z0-9]{1,5}$/);
const hostname = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), topLabel).map(([ls, tl]) => [...ls, tl].join('.'));
const macro = fc.constantFrom('%{d}', '%{i}', '%{ir}', '%{l1r-}', '%{S}', '%{o2}', '%{v}', '%{h}', '%%', '%_', '%-');
const domainSpec = fc.oneof(
  { weight: 4, arbitrary: hostname },
  { weight: 1, arbitrary: fc.tuple(macro, hostname).map(([m, h]) => `${m}.${h}`) },
  { weight: 1, arbitrary: fc.tuple(hostname, macro).map(([h, m]) => `${h}.${m}`) },
);
const qualifier = fc.constantFrom('', '+', '-', '~', '?');
const ip4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
const ip6 = fc.ipV6();
const cidr4 = fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined });
const cidr6 = fc.option(fc.integer({ min: 0, max: 128 }), { nil: undefined });
const dual = fc.tuple(cidr4, cidr6).map(([a, b]) => (a === undefined ? '' : `/${a}`) + (b === undefined ? '' : `//${b}`));

const mechanism = fc.oneof(
  fc.tuple(qualifier, domainSpec).map(([q, d]) => `${q}include:${d}`),
  fc.tuple(qualifier, fc.option(domainSpec, { nil: undefined }), dual, fc.constantFrom('a', 'mx')).map(
    ([q, d, c, k]) => `${q}${k}${d ? ':' + d : ''}${c}`,
  ),
  fc.tuple(qualifier, fc.option(domainSpec, { nil: undefined })).map(([q, d]) => `${q}ptr${d ? ':' + d : ''}`),
  fc.tuple(qualifier, ip4, cidr4).map(([q, a, c]) => `${q}ip4:${a}${c === undefined ? '' : '/' + c}`),
  fc.tuple(qualifier, ip6, cidr6).map(([q, a, c]) => `${q}ip6:${a}${c === undefined ? '' : '/' + c}`),
  fc.tuple(qualifier, domainSpec).map(([q, d]) => `${q}exists:${d}`),
);
const record = fc
  .tuple(
    fc.array(mechanism, { maxLength: 8 }),
    fc.option(fc.constantFrom('-all', '~all', '?all', '+all', 'all'), { nil: undefined }),
    fc.option(domainSpec.map((d) => `redirect=${d}`), { nil: undefined }),
    fc.option(domainSpec.map((d) => `exp=${d}`), { nil: undefined }),
    fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,6}$/), hostname).map(([n, v]) => `${n}=${v}`), { maxLength: 2 }),
  )
  .map(([ms, all, redirect, exp, unknown]) => {
    const usable = unknown.filter((u) => !/^(redirect|exp)=/i.test(u));
    return ['v=spf1', ...ms, ...(all ? [all] : []), ...(redirect ? [redirect] : []), ...(exp ? [exp] : []), ...usable].join(' ');
  });

/** The parse result as plain data (macro-strings through their toJSON). */
function plain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x)) as unknown;
}

describe('parser properties', () => {
  it('the fast path and the reference parser give the same result on every input', () => {
    const token = fc.constantFrom(' ', '  ', 'a', 'mx', 'ptr', 'all', 'exists', 'include', 'ip4', 'ip6', 'redirect', 'exp', 'foo', ':', '/', '//', '=', '-', '~', '+', '?', '.', 'com', 'example', '1.2.3.4', '::1', '2001:db8::', '24', '0', '33', '129', '%{d}', '%%', 'A', 'MX', '\t');
    const nearValid = fc.array(token, { maxLength: 40 }).map((ts) => 'v=spf1 ' + ts.join(''));
    fc.assert(
      fc.property(fc.oneof(record, nearValid, fc.string({ maxLength: 200 }).map((t) => 'v=spf1 ' + t)), (text) => {
        assert.deepStrictEqual(plain(parseRecord(text)), plain(parseRecordFully(text)), text);
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on arbitrary input up to 2000 characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 2000, unit: 'binary' }), fc.string({ maxLength: 2000 }).map((s) => 'v=spf1 ' + s)), (text) => {
        const parsed = parseRecord(text);
        assert.equal(typeof parsed.ok, 'boolean');
        if (!parsed.ok) assert.ok(parsed.issues.length > 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on near-valid input built from SPF tokens', () => {
    const token = fc.constantFrom('v=spf1', ' ', 'a', 'mx', ':', '/', '//', '%{', '}', '%', 'ip4:', 'ip6:', '1.2.3.4', '::1', 'include:', 'redirect=', '=', 'exp=', '-', '~', 'all', 'd', 'r', '.', 'com', '\0', '\t', 'é');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        parseRecord(tokens.join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips generated valid records through render', () => {
    fc.assert(
      fc.property(record, (text) => {
        const first = parseRecord(text);
        assert.ok(first.ok, `${text}: ${first.ok ? '' : JSON.stringify(first.issues)}`);
        const rendered = renderRecord(first.record);
        const second = parseRecord(rendered);
        assert.ok(second.ok, rendered);
        assert.deepEqual(shape(second.record), shape(first.record));
        assert.equal(renderRecord(second.record), rendered);
      }),
      { numRuns: 2000 },
    );
  });
});
