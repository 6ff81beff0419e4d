import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaVerdict, gradeAudit } from './grade.ts';
import type { Finding, Grade, Verdict } from './types.ts';

const finding = (id: Finding['id'], severity: Finding['severity']): Finding => ({ id, area: 'spf', severity, message: '', evidence: {} });

describe('areaVerdict', () => {
  it('is the worst severity, info counting as ok, and unknown when DNS failed', () => {
    assert.equal(areaVerdict([]), 'ok');
    assert.equal(areaVerdict([finding('spf-lookup-count', 'info')]), 'ok');
    assert.equal(areaVerdict([finding('spf-no-all', 'warning'), finding('spf-lookup-count', 'info')]), 'warning');
    assert.equal(areaVerdict([finding('spf-no-all', 'warning'), finding('spf-syntax', 'error')]), 'error');
    assert.equal(areaVerdict([finding('spf-syntax', 'error'), finding('dns-unavailable', 'warning')]), 'unknown');
  });
  it('is not-found, not ok, when no DKIM key was found at the selectors tried (issue 10.13)', () => {
    assert.equal(areaVerdict([finding('dkim-none-found', 'info')]), 'not-found');
  });
});

describe('gradeAudit', () => {
  const cases: Array<[Verdict, Verdict, Verdict, Verdict, Grade]> = [
    // spf, dkim, dmarc, mx → grade
    ['ok', 'ok', 'ok', 'ok', 'A'],
    ['ok', 'ok', 'warning', 'ok', 'B'], // 15/18
    ['ok', 'ok', 'ok', 'error', 'B'], // 16/18
    ['warning', 'ok', 'warning', 'ok', 'C'], // 12/18
    ['ok', 'error', 'ok', 'ok', 'C'], // 14/18
    ['error', 'ok', 'ok', 'ok', 'D'], // 12/18, capped at D
    ['ok', 'ok', 'error', 'ok', 'D'],
    ['unknown', 'ok', 'ok', 'ok', 'C'], // 12/18, capped at C
    ['ok', 'ok', 'ok', 'unknown', 'C'], // 16/18 = B, capped at C
    ['warning', 'ok', 'error', 'warning', 'E'], // 8/18
    ['error', 'ok', 'error', 'warning', 'F'], // 5/18
    ['error', 'error', 'error', 'error', 'F'],
    // No key at the guessed selectors scores as ok did before it had its own verdict.
    ['ok', 'not-found', 'ok', 'ok', 'A'],
    ['ok', 'not-found', 'warning', 'ok', 'B'],
  ];
  for (const [spf, dkim, dmarc, mx, grade] of cases) {
    it(`spf ${spf}, dkim ${dkim}, dmarc ${dmarc}, mx ${mx} → ${grade}`, () => {
      assert.equal(gradeAudit({ spf, dkim, dmarc, mx }), grade);
    });
  }
});
