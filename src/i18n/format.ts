import type { BranchCount } from './spf.en.ts';

/**
 * Small text helpers shared by the catalogues, so that every language marks code and
 * joins lists the same way (one place to change it).
 */

/**
 * Marks record text (a term, a record, a command) as code. Shells may style what is
 * between the backticks (the web page renders `<code>`).
 *
 * @example
 * code('-all') // '`-all`'
 */
export function code(text: string): string {
  return '`' + text + '`';
}

/** Terms longer than this are shortened in sentences (a 10 000-character macro stays readable). */
export const TERM_QUOTE_LIMIT = 120;
/** Records longer than this are shortened where they are shown beside other output (trees). */
export const RECORD_QUOTE_LIMIT = 600;

/**
 * Marks one term of a record as code, shortened in the middle when it is very long, so a
 * sentence about a pathological term stays one readable sentence. Whole records keep `code`.
 *
 * @example
 * codeTerm('include:spf.example.net') // '`include:spf.example.net`'
 * codeTerm('exists:' + '%{l}'.repeat(100) + '.x.nl') // '`exists:%{l}%{l}…%{l}.x.nl`' (120 characters or fewer inside the backticks)
 */
export function codeTerm(text: string): string {
  return code(elide(text, TERM_QUOTE_LIMIT));
}

/**
 * Text of at most `limit` characters: longer text keeps its start and end, with "…" between.
 *
 * @example
 * elide('abcdefghij', 5) // 'abc…j'
 */
export function elide(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = Math.ceil((limit - 1) * (2 / 3));
  return `${text.slice(0, head)}…${text.slice(text.length - (limit - 1 - head))}`;
}

/**
 * The DNS lookups per include/redirect branch, as a sentence to append (the same in every
 * language: terms and numbers); empty when there are no branches.
 *
 * @example
 * branchText([{ term: 'include:spf.example.net', count: 4 }]) // ' Per include/redirect: `include:spf.example.net` 4.'
 */
export function branchText(branches: readonly BranchCount[]): string {
  return branches.length === 0 ? '' : ` Per include/redirect: ${branches.map((b) => `${codeTerm(b.term)} ${b.count}`).join(', ')}.`;
}

/**
 * Joins items with commas and a final conjunction: `a, b or c`.
 *
 * @example
 * joinList(['a', 'b', 'c'], 'or') // 'a, b or c'
 * joinList(['a'], 'of')           // 'a'
 */
export function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * Upper-cases the first letter of a phrase that starts a sentence. (Sentences that start
 * with a domain name keep it in lower case, as DNS writes it: do not call this on them.)
 *
 * @example
 * capitalize('the SPF record of example.com') // 'The SPF record of example.com'
 */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A count with the word in the form for it.
 *
 * @example
 * plural(1, 'lookup', 'lookups') // '1 lookup'
 * plural(2, 'lookup', 'lookups') // '2 lookups'
 */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A whole number with thousands separators, without depending on the ICU data Node was
 * built with.
 *
 * @example
 * groupDigits(16777216, ',') // '16,777,216'
 * groupDigits(16777216, '.') // '16.777.216'
 */
export function groupDigits(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
