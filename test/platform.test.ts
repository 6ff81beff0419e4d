// The Node versions spfkit supports (package.json engines) and what they rely on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify from 'fastify';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { engines: { node: string } };

/** True when `version` (x.y.z) satisfies one of the `^a.b.c` / `>=a.b.c` ranges joined by `||`. */
function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  const at = (m: number, n: number, p: number): number => (major - m) * 1e6 + (minor - n) * 1e3 + (patch - p);
  return range.split('||').some((part) => {
    const match = /^\s*(\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    if (!match) throw new Error(`engines range not understood: ${part}`);
    const [, op, m, n, p] = match as unknown as [string, string, string, string, string];
    if (at(Number(m), Number(n), Number(p)) < 0) return false;
    return op === '>=' || major === Number(m);
  });
}

describe('platform', () => {
  it(`this Node (${process.version}) is one that package.json engines supports`, () => {
    assert.ok(satisfies(process.versions.node, pkg.engines.node), `${process.version} is outside ${pkg.engines.node}`);
    assert.equal(satisfies('20.18.0', pkg.engines.node), false, 'Node 20 before 20.19 has no unflagged require(esm)');
    assert.equal(satisfies('23.1.0', pkg.engines.node), false);
  });

  it('Fastify inject with cookies works (cookie@2, an ES module loaded through require(esm))', async () => {
    const app = Fastify();
    app.get('/', async (_request, reply) => {
      void reply.header('set-cookie', 'session=ok; Path=/');
      return 'x';
    });
    const response = await app.inject({ url: '/', cookies: { seen: '1' } });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.cookies.map((c) => [c.name, c.value]), [['session', 'ok']]);
    await app.close();
  });
});
