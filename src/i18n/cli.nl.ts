/** Labels en regels van de opdrachtregel in het Nederlands (zelfde sleutels als cli.en.ts). */
import type { cliEn } from './cli.en.ts';
import type { Translation } from './types.ts';

export const cliNl: Translation<typeof cliEn> = {
  'cli.explain.record': (p) => (p.domain ? `SPF-record van ${p.domain}:` : `SPF-record:`),
  'cli.check.reason': () => `Reden`,
  'cli.check.advice': () => `Advies`,
  'cli.check.result': (p) => `Resultaat: ${p.result}`,
  'cli.check.domain': (p) => `Domein:    ${p.domain} (${p.identity})`,
  'cli.check.client': (p) => `Server:    ${p.ip}`,
  'cli.check.exp': (p) => `Uitleg die het domein publiceert (exp=): ${p.text}`,
  'cli.check.overrides': (p) => `Kandidaat-records gebruikt voor: ${p.domains.join(', ')}`,
  'cli.check.evaluation': () => `Evaluatie:`,
  'cli.check.lookups': (p) => `Opzoekingen: ${p.count} van ${p.limit} DNS-opzoekende termen, ${p.voidCount} van ${p.voidLimit} lege opzoekingen`,
  'cli.check.problem': (p) => `Probleem bij ${p.domain}: ${p.problem}`,
  'cli.check.candidate': () => `[kandidaat]`,
  'cli.check.decided': () => `◀ bepaalde het resultaat`,
  'cli.check.matched-term': () => `(komt overeen)`,
  'cli.check.error-term': () => `(fout)`,
};
