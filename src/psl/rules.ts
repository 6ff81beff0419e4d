/**
 * A Public Suffix List built from rules in the list's own text format
 * (https://publicsuffix.org/list/, "Format"): one rule per line, `//` comments, `*.` wildcards
 * in the leftmost label, `!` exceptions. Used for tests and for callers who ship their own
 * copy of the list.
 */
import { toAsciiDomain } from './domain-name.ts';
import type { PublicSuffixList } from './types.ts';

/**
 * Builds a list from PSL text. Only the part of a line before the first whitespace counts;
 * Unicode rules are converted to A-labels so that they match DNS names.
 *
 * @example
 * const list = publicSuffixListFromRules('com\nco.uk\n*.ck\n!www.ck');
 * list.publicSuffix('a.b.example.co.uk'); // 'co.uk'
 * list.publicSuffix('www.ck');            // 'ck'
 */
export function publicSuffixListFromRules(text: string): PublicSuffixList {
  const plain = new Set<string>();
  const wildcardParents = new Set<string>();
  const exceptions = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const rule = line.trim().split(/\s/, 1)[0] ?? '';
    if (rule === '' || rule.startsWith('//')) continue;
    if (rule.startsWith('!')) exceptions.add(toAsciiDomain(rule.slice(1)));
    else if (rule.startsWith('*.')) wildcardParents.add(toAsciiDomain(rule.slice(2)));
    else plain.add(toAsciiDomain(rule));
  }

  return {
    publicSuffix(domain: string): string {
      const labels = toAsciiDomain(domain).split('.');
      const suffixOf = (count: number): string => labels.slice(labels.length - count).join('.');
      // An exception rule is the prevailing rule; the suffix is the rule minus its leftmost label.
      for (let count = labels.length; count >= 1; count--) {
        if (exceptions.has(suffixOf(count))) return suffixOf(count - 1);
      }
      // Otherwise the matching rule with the most labels; `*.x` matches one label below x.
      for (let count = labels.length; count >= 1; count--) {
        if (plain.has(suffixOf(count)) || (count >= 2 && wildcardParents.has(suffixOf(count - 1)))) {
          return suffixOf(count);
        }
      }
      // No rule matched: the default rule "*".
      return suffixOf(1);
    },
  };
}
