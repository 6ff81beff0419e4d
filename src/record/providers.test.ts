import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type FieldSpec, CATALOGUE_SPEC, catalogueSelectors, findProvider, parseProviderCatalogue } from './providers.ts';

const shipped: unknown = JSON.parse(readFileSync(new URL('../../data/providers.json', import.meta.url), 'utf8'));
const schema = JSON.parse(readFileSync(new URL('../../data/providers.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function clone(): { providers: Array<Record<string, unknown>> } & Record<string, unknown> {
  return structuredClone(shipped) as { providers: Array<Record<string, unknown>> } & Record<string, unknown>;
}

describe('catalogueSelectors', () => {
  it('lists the literal DKIM selectors of the shipped catalogue once each, templated ones left out', () => {
    const parsed = parseProviderCatalogue(shipped);
    assert.ok(parsed.ok);
    const selectors = catalogueSelectors(parsed.catalogue);
    for (const s of ['prezent-a', 'prezent-b', 'google', 'selector1', 'k2', 's1']) assert.ok(selectors.includes(s), s);
    assert.equal(new Set(selectors).size, selectors.length);
    assert.ok(selectors.every((s) => !s.includes('{')), selectors.join(' '));
  });
});

describe('the shipped provider catalogue', () => {
  const parsed = parseProviderCatalogue(shipped);

  it('is valid', () => {
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.issues.map((i) => i.message).join('\n'));
  });

  it('has the seed providers and the big five, with their mechanisms and test IPs', () => {
    assert.ok(parsed.ok);
    const table = parsed.catalogue.providers.map((p) => [p.id, p.mechanism, p.testIps[0]]);
    assert.deepEqual(table, [
      ['coachview', 'include:spf.coachview.net', '212.83.209.204'],
      ['dmrmail', 'include:spf.dmrmail.nl', undefined],
      ['byte', 'include:spf.byte.nl', '82.94.214.10'],
      ['blueinkt', 'a:smtp1.blueinkt.com', '5.255.64.53'],
      ['google-workspace', 'include:_spf.google.com', '209.85.220.41'],
      ['microsoft-365', 'include:spf.protection.outlook.com', '40.107.22.54'],
      ['mailchimp', 'include:servers.mcsv.net', '205.201.131.98'],
      ['sendgrid', 'include:sendgrid.net', '149.72.123.24'],
      ['amazon-ses', 'include:amazonses.com', '54.240.27.11'],
    ]);
    assert.match(parsed.catalogue.note, /examples/);
  });

  it('carries the Prezent website include and DKIM CNAMEs of seed 001', () => {
    assert.ok(parsed.ok);
    const prezent = findProvider(parsed.catalogue, 'DMRMAIL');
    assert.deepEqual(prezent?.additional, [{ mechanism: 'include:awsspf.prezent.nl', purpose: 'website', note: prezent?.additional[0]?.note }]);
    assert.deepEqual(prezent?.dkim?.selectors.map((s) => [s.selector, s.type, s.target]), [
      ['prezent-a', 'CNAME', '_dkim-a.prezent.nl'],
      ['prezent-b', 'CNAME', '_dkim-b.prezent.nl'],
    ]);
  });

  it('Byte test IPs lie inside spf.byte.nl (seed 002)', () => {
    assert.ok(parsed.ok);
    assert.deepEqual(findProvider(parsed.catalogue, 'byte')?.testIps, ['82.94.214.10', '46.21.235.241']);
  });
});

describe('parseProviderCatalogue rejects broken entries precisely', () => {
  const cases: Array<[string, (c: ReturnType<typeof clone>) => void, { path: string; code: string; message: string }]> = [
    [
      'a bad test IP',
      (c) => ((c.providers[0] as Record<string, unknown>).testIps = ['212.83.209.999']),
      { path: '/providers/0/testIps/0', code: 'bad-ip', message: '/providers/0/testIps/0: "212.83.209.999" is not an IPv4 or IPv6 address' },
    ],
    [
      'a mechanism that is not one pass mechanism',
      (c) => ((c.providers[3] as Record<string, unknown>).mechanism = '-a:smtp1.blueinkt.com'),
      { path: '/providers/3/mechanism', code: 'bad-mechanism', message: '/providers/3/mechanism: "-a:smtp1.blueinkt.com" is not one mechanism to add (mechanism-not-pass)' },
    ],
    [
      'a syntax error in a mechanism',
      (c) => ((c.providers[1] as Record<string, unknown>).additional = [{ mechanism: 'include:', purpose: 'website' }]),
      { path: '/providers/1/additional/0/mechanism', code: 'bad-mechanism', message: '/providers/1/additional/0/mechanism: "include:" is not one mechanism to add (the domain name is missing)' },
    ],
    [
      'a duplicate id',
      (c) => ((c.providers[2] as Record<string, unknown>).id = 'coachview'),
      { path: '/providers/2/id', code: 'duplicate', message: '/providers/2/id: id "coachview" is already used by /providers/0' },
    ],
    [
      'a missing field',
      (c) => delete (c.providers[4] as Record<string, unknown>).docs,
      { path: '/providers/4', code: 'required', message: '/providers/4 is missing "docs"' },
    ],
    [
      'an unknown key',
      (c) => ((c.providers[5] as Record<string, unknown>).testIP = '1.2.3.4'),
      { path: '/providers/5/testIP', code: 'unknown-key', message: '/providers/5 has an unknown key "testIP" (allowed: id, name, mechanism, additional, testIps, dkim, docs, seed, note)' },
    ],
    [
      'a docs link that is not https',
      (c) => ((c.providers[6] as Record<string, unknown>).docs = 'http://mailchimp.com'),
      { path: '/providers/6/docs', code: 'pattern', message: '/providers/6/docs: "http://mailchimp.com" does not match ^https:\\/\\/' },
    ],
    [
      'a CNAME selector without target',
      (c) => ((c.providers[1] as { dkim: { selectors: Array<Record<string, unknown>> } }).dkim.selectors[0] = { selector: 'prezent-a', type: 'CNAME' }),
      { path: '/providers/1/dkim/selectors/0', code: 'required', message: '/providers/1/dkim/selectors/0 is a CNAME selector without "target"' },
    ],
    [
      'a test IP outside its own ip4 mechanism',
      (c) => Object.assign(c.providers[2] as Record<string, unknown>, { mechanism: 'ip4:82.94.214.0/24', testIps: ['46.21.235.241'] }),
      { path: '/providers/2/testIps/0', code: 'ip-outside-mechanism', message: '/providers/2/testIps/0: 46.21.235.241 is not inside ip4:82.94.214.0/24, so it could never pass' },
    ],
    ['a wrong version', (c) => (c.version = 2), { path: '/version', code: 'const', message: '/version must be 1, not 2' }],
  ];
  for (const [name, breakIt, expected] of cases) {
    it(name, () => {
      const c = clone();
      breakIt(c);
      const parsed = parseProviderCatalogue(c);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.deepEqual(parsed.issues, [expected]);
    });
  }

  it('a non-object', () => {
    const parsed = parseProviderCatalogue([]);
    assert.deepEqual(parsed.ok ? [] : parsed.issues, [{ path: '', code: 'type', message: 'the catalogue must be an object, not an array' }]);
  });
});

describe('the validator and data/providers.schema.json agree', () => {
  type Json = Record<string, unknown>;
  const resolve = (node: Json): Json => (typeof node.$ref === 'string' ? ((schema.$defs as Json)[node.$ref.replace('#/$defs/', '')] as Json) : node);

  function compare(spec: FieldSpec, node: Json, path: string): void {
    node = resolve(node);
    switch (spec.kind) {
      case 'object':
        assert.equal(node.type, 'object', path);
        assert.equal(node.additionalProperties, false, path);
        assert.deepEqual([...(node.required as string[])].sort(), [...spec.required].sort(), `${path}: required`);
        assert.deepEqual(Object.keys(node.properties as Json).sort(), Object.keys(spec.properties).sort(), `${path}: properties`);
        for (const [key, field] of Object.entries(spec.properties)) compare(field, (node.properties as Json)[key] as Json, `${path}/${key}`);
        return;
      case 'array':
        assert.equal(node.type, 'array', path);
        assert.equal(node.minItems, spec.minItems, `${path}: minItems`);
        assert.equal(node.uniqueItems, spec.uniqueItems, `${path}: uniqueItems`);
        compare(spec.items, node.items as Json, `${path}/items`);
        return;
      case 'string':
        if (spec.enum) assert.deepEqual(node.enum, spec.enum, `${path}: enum`);
        else assert.equal(node.type, 'string', path);
        assert.equal(node.pattern, spec.pattern?.source.replace(/\\\//g, '/'), `${path}: pattern`);
        assert.equal(node.minLength, spec.minLength, `${path}: minLength`);
        return;
      case 'const':
        assert.equal(node.const, spec.value, path);
        return;
      default: {
        const never: never = spec;
        throw new Error(`unhandled spec ${String(never)}`);
      }
    }
  }

  it('field by field', () => compare(CATALOGUE_SPEC, schema, ''));
});
