/**
 * A prediction in words (en, nl), made only from its data and the src/i18n catalogue: what
 * the CLI prints and the API and page show. The fixes keep their records as data beside the
 * sentence.
 */
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Alignment, DeliveryPrediction, DkimVerdict, DmarcNote, RecordToPublish, Rfc7489Reading, VerdictFix, VerdictInputIssue } from './types.ts';

/** One fix: its sentence and the records to publish. */
export interface FixWords {
  code: VerdictFix['code'];
  text: string;
  records: RecordToPublish[];
}

/** Every sentence of a prediction. */
export interface VerdictWords {
  headline: string;
  spf: string[];
  dkim: string[][];
  policy?: string;
  notes: string[];
  fixes: FixWords[];
  rfc7489?: string;
}

function alignmentText(alignment: Alignment, fromDomain: string, lang: Lang): string {
  const params = { domain: alignment.domain, fromDomain, mode: alignment.mode, organization: alignment.organizationalDomain ?? alignment.domain };
  switch (alignment.state) {
    case 'aligned':
      return t(lang, 'verdict.alignment.aligned', params);
    case 'not-aligned':
      return t(lang, 'verdict.alignment.not-aligned', params);
    case 'unknown':
      return t(lang, 'verdict.alignment.unknown', params);
    default: {
      const never: never = alignment.state;
      throw new Error(`unhandled alignment ${String(never)}`);
    }
  }
}

function dkimText(d: DkimVerdict, fromDomain: string, lang: Lang): string[] {
  const params = { selector: d.selector, name: d.name, target: d.cname ?? '', bits: d.bits ?? 0 };
  const line = t(lang, `verdict.dkim.${d.key}`, params);
  return [line, ...(d.testing ? [t(lang, 'verdict.dkim.testing')] : []), alignmentText(d.alignment, fromDomain, lang)];
}

function noteText(note: DmarcNote, lang: Lang): string {
  switch (note.code) {
    case 'record-invalid':
    case 'multiple-records':
    case 'dns-failure':
      return t(lang, `verdict.note.${note.code}`, { name: note.name });
    case 'removed-tags':
      return t(lang, 'verdict.note.removed-tags', { names: note.tags });
    case 'existence-unknown':
      return t(lang, 'verdict.note.existence-unknown', { domain: note.domain });
    default: {
      const never: never = note;
      throw new Error(`unhandled note ${String(never)}`);
    }
  }
}

/**
 * One fix in words.
 *
 * @example
 * describeFix({ code: 'dmarc-publish', domain: 'klant.nl', records: [] }, 'nl'); // 'Publiceer een DMARC-record op `_dmarc.klant.nl`; …'
 */
export function describeFix(fix: VerdictFix, lang: Lang): string {
  switch (fix.code) {
    case 'spf-authorise':
      return t(lang, 'verdict.fix.spf-authorise', { domain: fix.domain, mechanism: fix.mechanism, ip: fix.ip });
    case 'spf-align':
      return t(lang, 'verdict.fix.spf-align', { domain: fix.domain, fromDomain: fix.fromDomain, suggested: fix.suggestedDomain });
    case 'dkim-publish':
      return t(lang, 'verdict.fix.dkim-publish', { selector: fix.selector, name: fix.name });
    case 'dkim-align':
      return t(lang, 'verdict.fix.dkim-align', { selector: fix.selector, domain: fix.domain, fromDomain: fix.fromDomain });
    case 'dkim-add':
      return t(lang, 'verdict.fix.dkim-add', { fromDomain: fix.fromDomain });
    case 'dmarc-publish':
      return t(lang, 'verdict.fix.dmarc-publish', { domain: fix.domain });
    case 'dns-retry':
      return t(lang, 'verdict.fix.dns-retry', { names: fix.names });
    default: {
      const never: never = fix;
      throw new Error(`unhandled fix ${String(never)}`);
    }
  }
}

function rfc7489Text(old: Rfc7489Reading, lang: Lang): string {
  const what = old.differences
    .map((d) => (d === 'pct' ? t(lang, 'verdict.rfc7489.pct', { percent: old.policy?.percent ?? 100 }) : t(lang, `verdict.rfc7489.${d}`)))
    .join('; ');
  return t(lang, 'verdict.rfc7489', { organization: old.organizationalDomain, result: old.result, what });
}

/**
 * The whole prediction in words.
 *
 * @example
 * describeVerdict(await predictDelivery(input, deps), 'en').headline; // 'Mail with From klant.nl fails DMARC: …'
 */
export function describeVerdict(p: DeliveryPrediction, lang: Lang): VerdictWords {
  const domain = p.from.domain;
  const { dmarc } = p;
  const headline =
    dmarc.result === 'fail' ? t(lang, 'verdict.headline.fail', { domain, policy: dmarc.disposition }) : t(lang, `verdict.headline.${dmarc.result}`, { domain });
  const policy =
    dmarc.policy === undefined || dmarc.record === undefined
      ? undefined
      : dmarc.policy.testing
        ? t(lang, 'verdict.policy.testing', { tag: dmarc.policy.tag, policy: dmarc.policy.effective, name: dmarc.record.name, value: dmarc.policy.requested })
        : t(lang, 'verdict.policy', { tag: dmarc.policy.tag, policy: dmarc.policy.effective, name: dmarc.record.name });
  return {
    headline,
    spf: [t(lang, 'verdict.spf', { result: p.spf.result, domain: p.spf.domain, ip: p.input.ip }), alignmentText(p.spf.alignment, domain, lang)],
    dkim: p.dkim.length === 0 ? [[t(lang, 'verdict.dkim.none')]] : p.dkim.map((d) => dkimText(d, domain, lang)),
    ...(policy === undefined ? {} : { policy }),
    notes: dmarc.notes.map((n) => noteText(n, lang)),
    fixes: p.fixes.map((fix) => ({ code: fix.code, text: describeFix(fix, lang), records: fix.records })),
    ...(p.rfc7489 ? { rfc7489: rfc7489Text(p.rfc7489, lang) } : {}),
  };
}

/** The name a shell gives an input field (`mailFrom` is `--mail-from` on the command line). */
export type FieldName = (field: VerdictInputIssue['field'], index?: number) => string;

/**
 * One input issue in words, naming the field as the shell does.
 *
 * @example
 * describeVerdictInputIssue({ field: 'ip', code: 'bad-ip', value: '300.1.1.1' }, 'en', (f) => f, []); // 'ip: `300.1.1.1` is not an IPv4 or IPv6 address.'
 */
export function describeVerdictInputIssue(issue: VerdictInputIssue, lang: Lang, fieldName: FieldName, known: readonly string[]): string {
  const name = fieldName(issue.field, issue.index);
  const value = issue.value;
  switch (issue.code) {
    case 'bad-ip':
    case 'sender-without-domain':
    case 'bad-selector':
      return t(lang, `verdict.input.${issue.code}`, { name, value });
    case 'bad-domain':
      return t(lang, 'verdict.input.bad-domain', { name, value, problem: issue.problem === undefined ? '' : t(lang, `spf.domain.${issue.problem}`) });
    case 'missing-helo':
      return t(lang, 'verdict.input.missing-helo', { name });
    case 'unknown-provider':
      return t(lang, 'verdict.input.unknown-provider', { name, value, known: [...known] });
    default: {
      const never: never = issue.code;
      throw new Error(`unhandled input issue ${String(never)}`);
    }
  }
}
