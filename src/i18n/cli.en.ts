/**
 * Labels and lines of the command-line output (`spfkit explain`, `spfkit check`,
 * `spfkit add`, `spfkit bulk`'s summary) in
 * English. Sentences about SPF itself live in spf.en.ts and are shared with the web.
 */
import type { AreaMessages } from './types.ts';

const lookups = (n: number): string => `${n} DNS lookup${n === 1 ? '' : 's'}`;

export const cliEn = {
  'cli.explain.record': (p: { domain?: string }) => (p.domain ? `SPF record of ${p.domain}:` : `SPF record:`),
  'cli.check.reason': () => `Reason`,
  'cli.check.advice': () => `Advice`,
  'cli.deadline-reached': (p: { seconds: number }) =>
    `deadline reached: after ${p.seconds} s (--deadline) DNS answers were still missing; what needed them is shown as temperror (no answer in time), not as missing`,
  'cli.check.result': (p: { result: string }) => `Result:  ${p.result}`,
  'cli.check.domain': (p: { domain: string; identity: string }) => `Domain:  ${p.domain} (${p.identity})`,
  'cli.check.client': (p: { ip: string }) => `Server:  ${p.ip}`,
  'cli.check.exp': (p: { text: string }) => `Explanation published by the domain (exp=): ${p.text}`,
  'cli.check.overrides': (p: { domains: string[] }) => `Candidate records used for: ${p.domains.join(', ')}`,
  'cli.check.evaluation': () => `Evaluation:`,
  'cli.check.lookups': (p: { count: number; limit: number; voidCount: number; voidLimit: number }) =>
    `Lookups: ${p.count} of ${p.limit} DNS-querying terms, ${p.voidCount} of ${p.voidLimit} void lookups`,
  'cli.check.problem': (p: { domain: string; problem: string }) => `Problem at ${p.domain}: ${p.problem}`,
  'cli.check.candidate-note': (p: { domain: string; note: string }) => `Candidate record for ${p.domain}: ${p.note}`,
  'cli.check.candidate': () => `[candidate]`,
  'cli.check.decided': () => `◀ decided the result`,
  'cli.check.matched-term': () => `(matched)`,
  'cli.check.error-term': () => `(error)`,

  // ── spfkit add: labels (padded by the command to the longest of their group) ─────────
  'cli.add.label.domain': () => `Domain`,
  'cli.add.label.sender': () => `Sender`,
  'cli.add.label.plan': () => `Plan`,
  'cli.add.label.before': () => `Before`,
  'cli.add.label.after': () => `After`,
  'cli.add.label.zone-file': () => `Zone file`,
  'cli.add.label.control-panel': () => `Control panel`,
  'cli.add.label.json': () => `JSON`,
  'cli.add.why': () => `Why:`,
  'cli.add.changes': () => `Changes:`,
  'cli.add.publish': () => `Publish:`,
  'cli.add.sub-record': (p: { name: string }) => `Sub-record ${p.name}:`,
  'cli.add.flattening': () => `Flattening:`,
  'cli.add.warnings': () => `Warnings:`,
  // ── spfkit add: lines ─────────────────────────────────────────────────────────────────
  'cli.add.domain.not-given': () => `(not given)`,
  'cli.add.source.dns': () => `published record`,
  'cli.add.source.given': () => `given record`,
  'cli.add.source.none': () => `no record yet`,
  'cli.add.plan.blocked': () => `none — the record must be fixed first`,
  'cli.add.plan.added': (p: { mechanism: string }) => `add ${p.mechanism}`,
  'cli.add.plan.created': (p: { mechanism: string }) => `create a record with ${p.mechanism}`,
  'cli.add.plan.already-authorised': (p: { mechanism: string; term?: string }) =>
    `nothing to add: ${p.mechanism} is already authorised by ${p.term ?? 'the record'}`,
  'cli.add.no-record': () => `(no SPF record)`,
  'cli.add.size': (p: { count: number; bytes: number; strings?: number }) =>
    `${lookups(p.count)}, ${p.bytes} bytes${p.strings !== undefined && p.strings > 1 ? `, ${p.strings} strings` : ''}`,
  'cli.add.unflattened': (p: { text: string }) => `(before flattening/splitting: ${p.text})`,
  'cli.add.panel-value': (p: { name: string; type: string }) => `name ${p.name}, type ${p.type}, value:`,
  'cli.add.flattened': (p: { term: string; count: number; ranges: string[] }) =>
    `${p.term} (${lookups(p.count)}) → ${p.ranges.length > 0 ? p.ranges.join(' ') : '(no addresses)'}`,
  'cli.add.kept': (p: { term: string; count: number; problem: string }) => `kept ${p.term} (${lookups(p.count)}): ${p.problem}`,
  'cli.add.verification.passed': () => `Verification: passed`,
  'cli.add.verification.failed': () => `Verification: FAILED`,
  'cli.add.alternative': (p: { mechanisms: readonly string[]; replaces: string }) =>
    `Alternative: ${p.mechanisms.join(' ')} in place of ${p.replaces} — fixed addresses need no DNS lookup, so this stays within the limit (update it when the provider's addresses change):`,
  'cli.add.mark.ok': () => `ok`,
  'cli.add.mark.fail': () => `FAIL`,
  'cli.add.expected': (p: { expected: string }) => `(expected ${p.expected})`,
  'cli.add.decided-by': (p: { term: string }) => `by ${p.term}`,
  'cli.add.samples': (p: { unchanged: number; total: number }) => `${p.unchanged} of ${p.total} flattened sample addresses unchanged`,
  'cli.add.lookup-count': (p: { count: number; limit: number; exact: boolean }) => `${p.count} of ${p.limit} DNS lookups${p.exact ? '' : ' (not exact)'}`,
  'cli.add.provider.also': (p: { mechanism: string; purpose: string; note?: string }) => `also ${p.mechanism} (${p.purpose})${p.note ? `: ${p.note}` : ''}`,
  'cli.add.provider.docs': (p: { url: string }) => `Documentation: ${p.url}`,
} satisfies AreaMessages<'cli'>;
