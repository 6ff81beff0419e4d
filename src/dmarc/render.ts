/**
 * The one place that writes DMARC record text. The output is canonical: `v` and `p` first
 * (what RFC 7489 §6.3 required and RFC 9989 still reads best), then RFC 9989's tags, then the
 * RFC 7489 ones it removed (only when the record has them), lower-case tokens, `; ` between tags; unknown tags last, as they were.
 */
import { assertNever } from '../common/assert-never.ts';
import { DMARC_DEFAULTS } from './parse.ts';
import type { DmarcRecord, DmarcTagName } from './types.ts';
import { renderDmarcUri } from './uri.ts';

const OPTIONAL_TAGS: readonly Exclude<DmarcTagName, 'v' | 'p'>[] = ['sp', 'np', 'psd', 't', 'rua', 'ruf', 'adkim', 'aspf', 'ri', 'fo', 'rf', 'pct'];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The value of an optional tag, or undefined when the record leaves it at its default. */
function renderValue(record: DmarcRecord, name: Exclude<DmarcTagName, 'v' | 'p'>): string | undefined {
  const set = record.explicit.includes(name);
  switch (name) {
    case 'sp':
      return set || record.subdomainPolicy !== record.policy ? record.subdomainPolicy : undefined;
    case 'np':
      return set || record.nonexistentPolicy !== record.subdomainPolicy ? record.nonexistentPolicy : undefined;
    case 'psd':
      return set || record.publicSuffix !== 'u' ? record.publicSuffix : undefined;
    case 't':
      return set || record.testing ? (record.testing ? 'y' : 'n') : undefined;
    case 'rua':
      return record.aggregateReportUris.length > 0 ? record.aggregateReportUris.map(renderDmarcUri).join(',') : undefined;
    case 'ruf':
      return record.failureReportUris.length > 0 ? record.failureReportUris.map(renderDmarcUri).join(',') : undefined;
    case 'adkim':
      return set || record.dkimAlignment !== DMARC_DEFAULTS.dkimAlignment ? record.dkimAlignment : undefined;
    case 'aspf':
      return set || record.spfAlignment !== DMARC_DEFAULTS.spfAlignment ? record.spfAlignment : undefined;
    case 'ri':
      return set || record.reportInterval !== DMARC_DEFAULTS.reportInterval ? String(record.reportInterval) : undefined;
    case 'fo':
      return set || !sameList(record.failureOptions, DMARC_DEFAULTS.failureOptions) ? record.failureOptions.join(':') : undefined;
    case 'rf':
      return set || !sameList(record.reportFormats, DMARC_DEFAULTS.reportFormats) ? record.reportFormats.join(':') : undefined;
    case 'pct':
      return set || record.percent !== DMARC_DEFAULTS.percent ? String(record.percent) : undefined;
    default:
      return assertNever(name);
  }
}

/**
 * Writes a record as canonical DMARC text. A tag is written when the record set it
 * (`explicit`) or when its value differs from the RFC 7489 §6.3 default, so a record built
 * by hand renders what it says; parsing the output gives the same record values back.
 *
 * @example
 * const parsed = parseDmarcRecord('v=DMARC1;P=Reject;RUA=mailto:d@example.com;pct=100');
 * if (parsed.ok) renderDmarcRecord(parsed.record);
 * // 'v=DMARC1; p=reject; rua=mailto:d@example.com; pct=100'
 */
export function renderDmarcRecord(record: DmarcRecord): string {
  const parts = ['v=DMARC1', `p=${record.policy}`];
  for (const name of OPTIONAL_TAGS) {
    const value = renderValue(record, name);
    if (value !== undefined) parts.push(`${name}=${value}`);
  }
  for (const tag of record.unknownTags) parts.push(`${tag.name}=${tag.value}`);
  return parts.join('; ');
}
