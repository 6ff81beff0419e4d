/**
 * "Did you mean …?" for a term whose mechanism name is a near miss (`~al`, `inclde:x.nl`,
 * `mxx`): the one known mechanism it most likely meant, as data for the issue. Only a single
 * clear candidate is offered; an ambiguous near miss (`ip:` — ip4 or ip6?) gets none.
 */
import type { Mechanism } from './types.ts';

/** RFC 7208 §5: the mechanism names, and whether each takes (or requires) an argument after ":". */
const MECHANISMS: ReadonlyArray<{ name: Mechanism['kind']; colon: 'never' | 'optional' | 'required' }> = [
  { name: 'all', colon: 'never' },
  { name: 'include', colon: 'required' },
  { name: 'a', colon: 'optional' },
  { name: 'mx', colon: 'optional' },
  { name: 'ptr', colon: 'optional' },
  { name: 'ip4', colon: 'required' },
  { name: 'ip6', colon: 'required' },
  { name: 'exists', colon: 'required' },
];

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`: optimal string alignment. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The mechanism name `typed` most likely meant, or undefined: within one edit (two for names
 * of five letters or more), fitting whether an argument follows (`hasColon`); among equally
 * near names, the one `typed` is the beginning of (a cut-off `al` is `all`, not `a`).
 *
 * @example
 * suggestMechanism('al', false)    // 'all'
 * suggestMechanism('inclde', true) // 'include'
 * suggestMechanism('ip', true)     // undefined (ip4 or ip6)
 */
export function suggestMechanism(typed: string, hasColon: boolean): Mechanism['kind'] | undefined {
  const name = typed.toLowerCase();
  if (name === '') return undefined;
  const limit = name.length >= 5 ? 2 : 1;
  const fitting = MECHANISMS.filter((m) => (hasColon ? m.colon !== 'never' : m.colon !== 'required'));
  let best = Infinity;
  let nearest: Mechanism['kind'][] = [];
  for (const m of fitting) {
    // Each edit changes the length by at most one: names further apart cannot be near.
    if (Math.abs(name.length - m.name.length) > limit) continue;
    const distance = editDistance(name, m.name);
    if (distance > limit || distance > best) continue;
    if (distance < best) nearest = [];
    best = distance;
    nearest.push(m.name);
  }
  if (nearest.length > 1) nearest = nearest.filter((m) => m.startsWith(name));
  return nearest.length === 1 ? nearest[0] : undefined;
}
