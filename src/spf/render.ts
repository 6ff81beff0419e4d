/**
 * Text of SPF terms and records — the one place records are rendered.
 * `parseRecord(renderRecord(r))` gives the same terms as `r` (spans aside), including a "+"
 * the customer wrote: a record we edit keeps their spelling of the terms we did not touch.
 */
import type { DualCidr, SpfRecord, Term } from './types.ts';

function cidrText(cidr: DualCidr): string {
  return (cidr.ip4 !== undefined ? `/${cidr.ip4}` : '') + (cidr.ip6 !== undefined ? `//${cidr.ip6}` : '');
}

/** How to render: `canonical` leaves out the "+" qualifier even where it was written (for comparing terms). */
export interface RenderOptions {
  canonical?: boolean;
}

/**
 * The text of one term: lower-case names; the "+" qualifier only where it was written
 * (`explicitQualifier`), or never with `canonical`.
 *
 * @example
 * renderTerm(parseRecord('v=spf1 +mx -all').record.terms[0]) // '+mx'
 * renderTerm(parseRecord('v=spf1 +mx -all').record.terms[0], { canonical: true }) // 'mx'
 */
export function renderTerm(term: Term, options: RenderOptions = {}): string {
  switch (term.kind) {
    case 'redirect':
    case 'exp':
      return `${term.kind}=${term.domainSpec.text}`;
    case 'unknown-modifier':
      return `${term.name}=${term.value.text}`;
    default:
      break;
  }
  const q = term.qualifier === '+' && (options.canonical === true || !term.explicitQualifier) ? '' : term.qualifier;
  switch (term.kind) {
    case 'all':
      return `${q}all`;
    case 'include':
    case 'exists':
      return `${q}${term.kind}:${term.domainSpec.text}`;
    case 'a':
    case 'mx':
      return `${q}${term.kind}${term.domainSpec ? ':' + term.domainSpec.text : ''}${cidrText(term.cidr)}`;
    case 'ptr':
      return `${q}ptr${term.domainSpec ? ':' + term.domainSpec.text : ''}`;
    case 'ip4':
    case 'ip6':
      return `${q}${term.kind}:${term.address}${term.prefix !== undefined ? '/' + term.prefix : ''}`;
    default: {
      const never: never = term;
      throw new Error(`unhandled term ${String(never)}`);
    }
  }
}

/** The canonical record: "v=spf1" and the terms in order, single-spaced. */
export function renderRecord(record: Pick<SpfRecord, 'terms'>): string {
  let out = 'v=spf1';
  for (const term of record.terms) out += ' ' + renderTerm(term);
  return out;
}
