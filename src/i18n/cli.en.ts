/**
 * Labels and lines of the command-line output (`spfkit explain`, `spfkit check`) in
 * English. Sentences about SPF itself live in spf.en.ts and are shared with the web.
 */
import type { AreaMessages } from './types.ts';

export const cliEn = {
  'cli.explain.record': (p: { domain?: string }) => (p.domain ? `SPF record of ${p.domain}:` : `SPF record:`),
  'cli.check.reason': () => `Reason`,
  'cli.check.advice': () => `Advice`,
  'cli.check.result': (p: { result: string }) => `Result:  ${p.result}`,
  'cli.check.domain': (p: { domain: string; identity: string }) => `Domain:  ${p.domain} (${p.identity})`,
  'cli.check.client': (p: { ip: string }) => `Client:  ${p.ip}`,
  'cli.check.exp': (p: { text: string }) => `Explanation published by the domain (exp=): ${p.text}`,
  'cli.check.overrides': (p: { domains: string[] }) => `Candidate records used for: ${p.domains.join(', ')}`,
  'cli.check.evaluation': () => `Evaluation:`,
  'cli.check.lookups': (p: { count: number; limit: number; voidCount: number; voidLimit: number }) =>
    `Lookups: ${p.count} of ${p.limit} DNS-querying terms, ${p.voidCount} of ${p.voidLimit} void lookups`,
  'cli.check.problem': (p: { domain: string; problem: string }) => `Problem at ${p.domain}: ${p.problem}`,
  'cli.check.candidate': () => `[candidate]`,
  'cli.check.decided': () => `◀ decided the result`,
  'cli.check.matched-term': () => `(matched)`,
  'cli.check.error-term': () => `(error)`,
} satisfies AreaMessages<'cli'>;
