/**
 * Verdicts per area and the overall grade — the one place these rules live.
 */
import { AUDIT_AREAS, type AuditArea, type Finding, type Grade, type Verdict } from './types.ts';

/**
 * The verdict on an area from its findings:
 * - `unknown` when any of its DNS queries timed out or failed (`dns-unavailable`), or spfkit's
 *   own resolver could not be reached (`dns-resolver-unreachable`): the area could not be
 *   checked, whatever else was found;
 * - otherwise the worst severity: `error`; then `not-found` when no DKIM key was found at the
 *   guessed selectors (`dkim-none-found`: not "ok", as a key under another name was not seen);
 *   then `warning`; only `info` (or nothing) is `ok`.
 *
 * @example
 * areaVerdict([{ id: 'spf-no-all', severity: 'warning', … }]); // 'warning'
 */
export function areaVerdict(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.id === 'dns-unavailable' || f.id === 'dns-resolver-unreachable')) return 'unknown';
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.id === 'dkim-none-found')) return 'not-found';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'ok';
}

/**
 * How much each area weighs in the grade: SPF and DMARC decide whether others can send as
 * the domain and what receivers do about it; DKIM is what survives forwarding; MX only
 * matters for replies, bounces and reports.
 */
export const AREA_WEIGHTS: Readonly<Record<AuditArea, number>> = Object.freeze({ spf: 3, dmarc: 3, dkim: 2, mx: 1 });

/**
 * Points per verdict, out of 2. An area that could not be checked earns nothing. `not-found`
 * (no DKIM key at the guessed selectors) keeps the points it had as `ok` before it had its own
 * verdict: the key may well exist under another name, and the grade should not move on a guess.
 */
export const VERDICT_POINTS: Readonly<Record<Verdict, number>> = Object.freeze({ ok: 2, warning: 1, error: 0, unknown: 0, 'not-found': 2 });

const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * The overall grade from the area verdicts.
 *
 * 1. score = Σ weight × points / Σ weight × 2, with the weights of `AREA_WEIGHTS`
 *    (spf 3, dmarc 3, dkim 2, mx 1) and points ok 2, not-found 2, warning 1, error 0, unknown 0;
 * 2. A when the score is 100 % (every area ok), B from 80 %, C from 65 %, D from 50 %,
 *    E from 30 %, F below;
 * 3. caps: an error in SPF or DMARC gives at best D (mail from the domain fails or anyone
 *    can send as it); an area that could not be checked gives at best C (nothing better
 *    can be vouched for).
 *
 * @example
 * gradeAudit({ spf: 'ok', dkim: 'ok', dmarc: 'warning', mx: 'ok' }); // 'B' (83 %)
 * gradeAudit({ spf: 'error', dkim: 'ok', dmarc: 'ok', mx: 'ok' });   // 'D' (67 %, capped)
 */
export function gradeAudit(verdicts: Readonly<Record<AuditArea, Verdict>>): Grade {
  let points = 0;
  let max = 0;
  for (const area of AUDIT_AREAS) {
    points += AREA_WEIGHTS[area] * VERDICT_POINTS[verdicts[area]];
    max += AREA_WEIGHTS[area] * 2;
  }
  // Integer comparisons: points/max ≥ p %  ⇔  100 × points ≥ p × max.
  const atLeast = (percent: number): boolean => 100 * points >= percent * max;
  let grade: Grade = points === max ? 'A' : atLeast(80) ? 'B' : atLeast(65) ? 'C' : atLeast(50) ? 'D' : atLeast(30) ? 'E' : 'F';
  const cap = (best: Grade): void => {
    if (GRADES.indexOf(grade) < GRADES.indexOf(best)) grade = best;
  };
  if (verdicts.spf === 'error' || verdicts.dmarc === 'error') cap('D');
  if (AUDIT_AREAS.some((area) => verdicts[area] === 'unknown')) cap('C');
  return grade;
}
