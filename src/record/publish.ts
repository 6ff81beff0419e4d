/**
 * A record ready to publish: as a zone-file line, as the value for a DNS control panel's
 * TXT field, and as JSON for APIs; plus the term-by-term difference with the old record.
 */
import { parseRecord } from '../spf/parse.ts';
import { renderTerm } from '../spf/render.ts';
import type { Term } from '../spf/types.ts';
import { splitTxtStrings } from './split.ts';
import { termKey } from './terms.ts';

/**
 * The default TTL proposed for a new TXT record, in seconds (one hour).
 *
 * @example
 * publishForms('klant.nl', record).ttl // 3600
 */
export const DEFAULT_TTL = 3600;

/** One record in the three forms people publish it in. */
export interface PublishForms {
  /** Owner name without trailing dot; `@` when the domain is not known (the zone's origin). */
  name: string;
  ttl: number;
  /** The TXT character-strings, each ≤ 255 octets (RFC 1035 §3.3). */
  strings: string[];
  /** `example.nl. 3600 IN TXT "v=spf1 …" "…"` (RFC 1035 §5.1 master-file syntax). */
  zoneLine: string;
  /** One line, unquoted, for a control panel's value field (the panel does the quoting). */
  panel: string;
  json: { name: string; type: 'TXT'; ttl: number; value: string; strings: string[] };
}

/**
 * The publication forms of `record` at `name`.
 *
 * @example
 * publishForms('example.nl', 'v=spf1 mx include:spf.coachview.net ~all').zoneLine
 * // 'example.nl. 3600 IN TXT "v=spf1 mx include:spf.coachview.net ~all"'
 */
export function publishForms(name: string, record: string, options: { ttl?: number } = {}): PublishForms {
  const ttl = options.ttl ?? DEFAULT_TTL;
  const bare = name === '' || name === '@' ? '@' : name.endsWith('.') ? name.slice(0, -1) : name;
  const owner = bare === '@' ? '@' : `${bare}.`;
  const strings = splitTxtStrings(record);
  const zoneLine = `${owner} ${ttl} IN TXT ${strings.map(quoteString).join(' ')}`;
  return { name: bare, ttl, strings, zoneLine, panel: record, json: { name: bare, type: 'TXT', ttl, value: record, strings } };
}

/** RFC 1035 §5.1: a quoted character-string; `"` and `\` escaped, other non-printables as `\DDD`. */
function quoteString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) out += `\\${text[i]}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${String(code & 0xff).padStart(3, '0')}`;
    else out += text[i];
  }
  return out + '"';
}

/** One line of a term diff. */
export interface TermChange {
  op: 'added' | 'removed' | 'unchanged';
  /** Canonical term text. */
  term: string;
}

/**
 * The terms added, removed and kept from `before` to `after` (a longest-common-subsequence
 * diff on canonical terms, so `+MX` and `mx` are the same term). `before` undefined = no
 * record yet: every term is added.
 *
 * @example
 * diffRecords('v=spf1 mx -all', 'v=spf1 mx include:spf.coachview.net -all');
 * // [{op:'unchanged',term:'mx'}, {op:'added',term:'include:spf.coachview.net'}, {op:'unchanged',term:'-all'}]
 */
export function diffRecords(before: string | undefined, after: string): TermChange[] {
  const a = termsOf(before);
  const b = termsOf(after);
  const ka = a.map(termKey);
  const kb = b.map(termKey);
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = ka[i] === kb[j] ? ((lcs[i + 1] as number[])[j + 1] as number) + 1 : Math.max((lcs[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const out: TermChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      out.push({ op: 'unchanged', term: renderTerm(b[j] as Term) });
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))) {
      // Removals before additions at the same place, as diffs read.
      out.push({ op: 'removed', term: renderTerm(a[i] as Term) });
      i++;
    } else {
      out.push({ op: 'added', term: renderTerm(b[j] as Term) });
      j++;
    }
  }
  return out;
}

/**
 * A diff as lines: `+ term`, `- term`, and two spaces before an unchanged term.
 *
 * @example
 * diffLines(diffRecords(old, next)).join('\n');
 */
export function diffLines(changes: readonly TermChange[]): string[] {
  return changes.map((c) => `${c.op === 'added' ? '+' : c.op === 'removed' ? '-' : ' '} ${c.term}`);
}

function termsOf(record: string | undefined): Term[] {
  if (record === undefined) return [];
  const parsed = parseRecord(record);
  return parsed.ok ? parsed.record.terms : (parsed.partial?.terms ?? []);
}
