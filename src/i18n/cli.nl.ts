/** Labels en regels van de opdrachtregel in het Nederlands (zelfde sleutels als cli.en.ts). */
import type { cliEn } from './cli.en.ts';
import type { Translation } from './types.ts';

export const cliNl: Translation<typeof cliEn> = {
  'cli.explain.record': (p) => (p.domain ? `SPF-record van ${p.domain}:` : `SPF-record:`),
  'cli.check.reason': () => `Reden`,
  'cli.check.advice': () => `Advies`,
};
