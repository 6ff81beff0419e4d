/**
 * Labels and lines of the command-line output (`spfkit explain`, `spfkit check`) in
 * English. Sentences about SPF itself live in spf.en.ts and are shared with the web.
 */
import type { AreaMessages } from './types.ts';

export const cliEn = {
  'cli.explain.record': (p: { domain?: string }) => (p.domain ? `SPF record of ${p.domain}:` : `SPF record:`),
  'cli.check.reason': () => `Reason`,
  'cli.check.advice': () => `Advice`,
} satisfies AreaMessages<'cli'>;
