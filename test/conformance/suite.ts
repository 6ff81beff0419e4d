/**
 * Loads the openspf RFC 7208 test suite (format: ../shared/conformance/FORMAT.md) and runs
 * it through `evaluateSpf` with any resolver. The copy in ../shared/conformance is used when
 * present (CI and developers have it); otherwise the vendored, byte-identical copy beside
 * this file (its licence travels with it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import yaml from 'js-yaml';
import type { Resolver } from '../../src/dns/resolver.ts';
import { evaluateSpf } from '../../src/spf/evaluate.ts';

const here = dirname(fileURLToPath(import.meta.url));

export interface ConformanceTest {
  name: string;
  spec: string;
  description: string;
  host: string;
  mailfrom: string;
  helo: string;
  results: string[];
  explanation: string | undefined;
}

export interface ConformanceScenario {
  description: string;
  zonedata: unknown;
  tests: ConformanceTest[];
}

export function suitePath(): string {
  const shared = resolve(here, '../../../shared/conformance/rfc7208-tests.yml');
  return existsSync(shared) ? shared : join(here, 'rfc7208-tests.yml');
}

export function loadSuite(path = suitePath()): ConformanceScenario[] {
  const docs = yaml.loadAll(readFileSync(path, 'utf8')) as unknown[];
  const scenarios: ConformanceScenario[] = [];
  for (const doc of docs) {
    if (doc === null || typeof doc !== 'object') continue;
    const d = doc as { description: string; tests: Record<string, Record<string, unknown>>; zonedata: unknown };
    const tests = Object.entries(d.tests).map(([name, t]) => ({
      name,
      spec: String(t.spec ?? ''),
      description: String(t.description ?? ''),
      host: String(t.host),
      mailfrom: String(t.mailfrom ?? ''),
      helo: String(t.helo ?? ''),
      results: (Array.isArray(t.result) ? t.result : [t.result]).map(String),
      explanation: t.explanation === undefined ? undefined : String(t.explanation),
    }));
    scenarios.push({ description: d.description, zonedata: d.zonedata, tests });
  }
  return scenarios;
}

/** What the suite's "DEFAULT" explanation stands for: no exp= text applied. */
const DEFAULT_EXPLANATION = 'DEFAULT';

/**
 * Registers one node:test per conformance case and prints `<label>: N passed, M failed`
 * once all have run.
 */
export function runSuite(
  label: string,
  setup: (scenario: ConformanceScenario) => Promise<{ resolver: Resolver; close(): Promise<void> | void }>,
): void {
  const scenarios = loadSuite();
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  after(() => {
    if (failures.length > 0) console.log(`${label} failures:\n  ${failures.join('\n  ')}`);
    console.log(`${label}: ${passed} passed, ${failed} failed`);
  });
  for (const scenario of scenarios) {
    describe(`${label} — ${scenario.description}`, () => {
      let env: { resolver: Resolver; close(): Promise<void> | void } | undefined;
      after(async () => env?.close());
      for (const t of scenario.tests) {
        it(`${t.name} [RFC 7208 ${t.spec}]`, async () => {
          let ok = false;
          try {
            env ??= await setup(scenario);
            const check = await evaluateSpf(
              { ip: t.host, sender: t.mailfrom, helo: t.helo },
              { resolver: env.resolver, receiver: 'receiver.example.org', now: () => 0 },
            );
            assert.ok(
              t.results.includes(check.result),
              `${t.name}: got ${check.result}, expected ${t.results.join(' or ')} (cause ${JSON.stringify(check.cause)})`,
            );
            if (t.explanation !== undefined) {
              if (t.explanation === DEFAULT_EXPLANATION) assert.equal(check.explanation, undefined, `${t.name}: explanation`);
              else assert.equal(check.explanation, t.explanation, `${t.name}: explanation`);
            }
            ok = true;
          } finally {
            if (ok) passed++;
            else {
              failed++;
              failures.push(t.name);
            }
          }
        });
      }
    });
  }
}
