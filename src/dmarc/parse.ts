/**
 * The DMARC record parser (RFC 9989 §4.7 tags, §4.8 grammar, §4.10.1 policy fallback; RFC
 * 7489's removed `pct`, `rf` and `ri` are still read and reported as removed). It never throws: every problem is
 * an issue with a span, and the result says whether a receiver would apply the record.
 */
import { assertNever } from '../common/assert-never.ts';
import {
  collectTags,
  findForeignWhitespace,
  findRunOnTag,
  isOneEditApart,
  splitTagList,
  type Tag,
} from '../common/tag-list.ts';
import { dmarcIssue, type DmarcIssueData } from './issues.ts';
import type {
  DmarcAlignment,
  DmarcFailureOption,
  DmarcIssue,
  DmarcParseResult,
  DmarcPolicy,
  DmarcRecord,
  DmarcReportFormat,
  DmarcTagName,
  DmarcUri,
  Span,
} from './types.ts';
import { parseDmarcUri, splitUriList } from './uri.ts';

/**
 * The tags of RFC 9989 §4.7, then RFC 7489's tags that RFC 9989 removed.
 *
 * @example
 * DMARC_TAGS.includes('np'); // true
 */
export const DMARC_TAGS: readonly DmarcTagName[] = ['v', 'p', 'sp', 'np', 'psd', 't', 'rua', 'ruf', 'adkim', 'aspf', 'fo', 'ri', 'rf', 'pct'];

/** RFC 9989 Appendix C: tags of RFC 7489 that RFC 9989 removed. */
const REMOVED_TAGS: ReadonlySet<DmarcTagName> = new Set(['pct', 'rf', 'ri']);

/**
 * The defaults of RFC 7489 §6.3 (`sp` defaults to `p`, so it is not here).
 *
 * @example
 * DMARC_DEFAULTS.reportInterval; // 86400
 */
export const DMARC_DEFAULTS: {
  readonly dkimAlignment: DmarcAlignment;
  readonly spfAlignment: DmarcAlignment;
  readonly percent: number;
  readonly failureOptions: readonly DmarcFailureOption[];
  readonly reportFormats: readonly DmarcReportFormat[];
  readonly reportInterval: number;
} = {
  dkimAlignment: 'r',
  spfAlignment: 'r',
  percent: 100,
  failureOptions: ['0'],
  reportFormats: ['afrf'],
  reportInterval: 86400,
};

// RFC 7489 §6.4: dmarc-sep = *WSP %x3b *WSP, and WSP is SP / HTAB (RFC 5234).
const WSP: ReadonlySet<string> = new Set([' ', '\t']);

// RFC 7489 §6.2: receivers "MUST support the ability to send to at least two" URIs.
const GUARANTEED_URIS = 2;

const MAX_UINT32 = 4294967295n;

function isDmarcTagName(name: string): name is DmarcTagName {
  return (DMARC_TAGS as readonly string[]).includes(name);
}

function isPolicy(value: string): value is DmarcPolicy {
  return value === 'none' || value === 'quarantine' || value === 'reject';
}

function isAlignment(value: string): value is DmarcAlignment {
  return value === 'r' || value === 's';
}

function isFailureOption(value: string): value is DmarcFailureOption {
  return value === '0' || value === '1' || value === 'd' || value === 's';
}

function isReportFormat(value: string): value is DmarcReportFormat {
  return value === 'afrf';
}

/** A colon-separated list (`fo`, `rf`): `item *(*WSP ":" *WSP item)`, case-insensitive. */
function parseColonList<T extends string>(value: string, accept: (item: string) => item is T): T[] | undefined {
  const items = value.split(/[ \t]*:[ \t]*/).map((item) => item.toLowerCase());
  if (!items.every(accept)) return undefined;
  return [...new Set(items)];
}

function suggestTag(name: string): DmarcTagName | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 2) return undefined;
  const candidates = DMARC_TAGS.filter((known) => known.length >= 2 && isOneEditApart(lower, known));
  return candidates.length === 1 ? candidates[0] : undefined;
}


/**
 * Parses the text of a DMARC TXT record (the character-strings already joined).
 *
 * @example
 * const result = parseDmarcRecord('v=DMARC1; p=reject; rua=mailto:dmarc@example.com; pct=100');
 * if (result.ok) result.record.policy; // 'reject'
 */
export function parseDmarcRecord(text: string): DmarcParseResult {
  const issues: DmarcIssue[] = [];
  const report = (data: DmarcIssueData): void => {
    issues.push(dmarcIssue(data));
  };
  const whole: Span = { start: 0, end: text.length };
  let usable = true;

  // RFC 7489 §6.4: the record starts with "v"; only WSP may surround ";" and "=".
  const leading = /^\s+/u.exec(text)?.[0].length ?? 0;
  if (leading > 0 && leading < text.length) report({ code: 'leading-whitespace', span: { start: 0, end: leading } });
  for (const { span, char } of findForeignWhitespace(text, WSP)) report({ code: 'bad-whitespace', value: char, span });

  const terms = splitTagList(text);
  // ABNF strings are case-insensitive (RFC 5234 §2.3), so "P=reject" is the p tag. RFC 7489
  // §6.3: "unknown tags MUST be ignored"; RFC 6376 §3.2 (whose syntax §6.3 adopts) forbids
  // duplicates, and we keep the first.
  const { tags, unknownTags, known, problems } = collectTags<DmarcTagName>(terms, {
    known: (name) => {
      const lower = name.toLowerCase();
      return isDmarcTagName(lower) ? lower : undefined;
    },
    suggest: suggestTag,
  });
  for (const problem of problems) report(problem);

  // RFC 7489 §6.3: v "MUST be the first tag in the list"; §6.6.3: records that do not start
  // with a "v=" tag identifying the current version are discarded.
  const versionTag = known.get('v');
  const first = terms[0];
  if (versionTag === undefined) {
    usable = false;
    report({ code: 'missing-version', span: whole });
  } else if (first?.kind !== 'tag' || first.tag !== versionTag) {
    usable = false;
    report({ code: 'version-not-first', tag: 'v', span: versionTag.span });
  }

  /** Reports what is wrong with a value's shape; true when the value is unusable. */
  const badShape = (name: DmarcTagName, tag: Tag): boolean => {
    if (tag.value.endsWith('\\')) {
      report({ code: 'escaped-semicolon', tag: name, span: { start: tag.valueSpan.end - 1, end: tag.valueSpan.end } });
    }
    if (tag.value === '') {
      report({ code: 'empty-value', tag: name, span: tag.span });
      return true;
    }
    const runOn = findRunOnTag(tag.value, DMARC_TAGS);
    if (runOn !== undefined) {
      const start = tag.valueSpan.start + runOn.offset;
      report({ code: 'missing-semicolon', tag: name, value: runOn.name, span: { start, end: start + runOn.length } });
      return true;
    }
    return false;
  };
  const badValue = (name: DmarcTagName, tag: Tag): void => {
    report({ code: 'bad-tag-value', tag: name, value: tag.value, span: tag.valueSpan });
  };

  let explicit: DmarcTagName[] = [];
  let policy: DmarcPolicy | undefined;
  let subdomainPolicy: DmarcPolicy | undefined;
  let nonexistentPolicy: DmarcPolicy | undefined;
  let publicSuffix: 'y' | 'n' | 'u' = 'u';
  let testing = false;
  let dkimAlignment = DMARC_DEFAULTS.dkimAlignment;
  let spfAlignment = DMARC_DEFAULTS.spfAlignment;
  let percent = DMARC_DEFAULTS.percent;
  let failureOptions = [...DMARC_DEFAULTS.failureOptions];
  let reportFormats = [...DMARC_DEFAULTS.reportFormats];
  let reportInterval = DMARC_DEFAULTS.reportInterval;
  const uris: Record<'rua' | 'ruf', DmarcUri[]> = { rua: [], ruf: [] };

  for (const [name, tag] of known) {
    if (name === 'v') {
      // §6.3: "The value of this tag MUST match precisely" (%x44 %x4d ... is case-sensitive).
      if (!badShape(name, tag) && tag.value !== 'DMARC1') {
        report({ code: 'bad-version', tag: 'v', value: tag.value, span: tag.valueSpan });
      }
      if (tag.value === 'DMARC1') explicit.push(name);
      else usable = false;
      continue;
    }
    if (badShape(name, tag)) continue;
    const lower = tag.value.toLowerCase();
    if (REMOVED_TAGS.has(name)) report({ code: 'removed-tag', tag: name as 'pct' | 'rf' | 'ri', value: tag.value, span: tag.span });
    switch (name) {
      case 'p':
      case 'sp':
      case 'np':
        if (isPolicy(lower)) {
          if (name === 'p') policy = lower;
          else if (name === 'sp') subdomainPolicy = lower;
          else nonexistentPolicy = lower;
          explicit.push(name);
        } else {
          report({ code: 'unknown-policy', tag: name, value: tag.value, span: tag.valueSpan });
        }
        break;
      case 'psd':
        // RFC 9989 §4.7: psd = "y" / "n" / "u".
        if (lower === 'y' || lower === 'n' || lower === 'u') {
          publicSuffix = lower;
          explicit.push(name);
        } else {
          badValue(name, tag);
        }
        break;
      case 't':
        // RFC 9989 §4.7: t = "y" / "n"; y asks receivers to apply the next weaker policy.
        if (lower === 'y' || lower === 'n') {
          testing = lower === 'y';
          explicit.push(name);
        } else {
          badValue(name, tag);
        }
        break;
      case 'adkim':
      case 'aspf':
        if (!isAlignment(lower)) {
          badValue(name, tag);
        } else {
          if (name === 'adkim') dkimAlignment = lower;
          else spfAlignment = lower;
          explicit.push(name);
        }
        break;
      case 'pct':
        // §6.3: "integer between 0 and 100, inclusive"; §6.4: 1*3DIGIT.
        if (!/^\d{1,3}$/.test(tag.value) || Number(tag.value) > 100) {
          badValue(name, tag);
        } else {
          percent = Number(tag.value);
          explicit.push(name);
        }
        break;
      case 'ri':
        // §6.3: "32-bit unsigned integer"; §6.4: 1*DIGIT.
        if (!/^\d+$/.test(tag.value) || BigInt(tag.value) > MAX_UINT32) {
          badValue(name, tag);
        } else {
          reportInterval = Number(tag.value);
          explicit.push(name);
        }
        break;
      case 'fo': {
        const options = parseColonList(tag.value, isFailureOption);
        if (options === undefined) {
          badValue(name, tag);
        } else {
          failureOptions = options;
          explicit.push(name);
        }
        break;
      }
      case 'rf': {
        const formats = parseColonList(tag.value, isReportFormat);
        if (formats === undefined) {
          badValue(name, tag);
        } else {
          reportFormats = formats;
          explicit.push(name);
        }
        break;
      }
      case 'rua':
      case 'ruf': {
        for (const entry of splitUriList(tag.value, tag.valueSpan.start)) {
          const parsed = parseDmarcUri(entry.text, entry.span);
          if (!parsed.ok) {
            report({ code: 'bad-uri', tag: name, value: entry.text, reason: parsed.reason, span: entry.span });
            continue;
          }
          uris[name].push(parsed.uri);
          // §6.2: "A Mail Receiver MUST implement support for a 'mailto:' URI".
          if (parsed.uri.scheme !== 'mailto') {
            report({ code: 'unsupported-uri-scheme', tag: name, value: parsed.uri.scheme, span: entry.span });
          }
        }
        if (uris[name].length > GUARANTEED_URIS) {
          report({ code: 'too-many-uris', tag: name, count: uris[name].length, limit: GUARANTEED_URIS, span: tag.valueSpan });
        }
        if (uris[name].length > 0) explicit.push(name);
        break;
      }
      default:
        assertNever(name);
    }
  }

  // §6.3: "the 'v' and 'p' tags MUST be present and MUST appear in that order"; the §6.4
  // grammar puts dmarc-request right after dmarc-version.
  const policyTag = known.get('p');
  const second = terms[1];
  if (usable && policyTag !== undefined && (second?.kind !== 'tag' || second.tag !== policyTag)) {
    report({ code: 'policy-not-second', tag: 'p', span: policyTag.span });
  }

  // RFC 9989 §4.10.1 (as RFC 7489 §6.6.3): without a valid "p" (or with an invalid "sp" or
  // "np"), a record whose "rua" has a valid URI is treated as "v=DMARC1; p=none"; any other
  // such record is not applied at all.
  const subdomainTag = known.get('sp');
  const nonexistentTag = known.get('np');
  const badTag =
    policy === undefined ? 'p'
    : subdomainTag !== undefined && subdomainPolicy === undefined ? 'sp'
    : nonexistentTag !== undefined && nonexistentPolicy === undefined ? 'np'
    : undefined;
  if (badTag !== undefined) {
    if (uris.rua.length > 0) {
      report({ code: 'policy-fallback-none', tag: badTag, span: known.get(badTag)?.span ?? whole });
      policy = 'none';
      subdomainPolicy = undefined;
      nonexistentPolicy = undefined;
      explicit = explicit.filter((name) => name !== 'p' && name !== 'sp' && name !== 'np');
    } else {
      usable = false;
      if (policyTag === undefined) report({ code: 'missing-policy', tag: 'p', span: whole });
    }
  }

  issues.sort((a, b) => a.span.start - b.span.start);
  if (!usable || policy === undefined) return { ok: false, issues };
  const record: DmarcRecord = {
    version: 'DMARC1',
    policy,
    subdomainPolicy: subdomainPolicy ?? policy,
    nonexistentPolicy: nonexistentPolicy ?? subdomainPolicy ?? policy,
    publicSuffix,
    testing,
    dkimAlignment,
    spfAlignment,
    percent,
    aggregateReportUris: uris.rua,
    failureReportUris: uris.ruf,
    failureOptions,
    reportFormats,
    reportInterval,
    explicit,
    tags,
    unknownTags,
  };
  return { ok: true, record, issues };
}
