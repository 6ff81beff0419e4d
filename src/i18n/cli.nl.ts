/** Labels en regels van de opdrachtregel in het Nederlands (zelfde sleutels als cli.en.ts). */
import type { cliEn } from './cli.en.ts';
import type { Translation } from './types.ts';

const lookups = (n: number): string => `${n} DNS-lookup${n === 1 ? '' : 's'}`;

export const cliNl: Translation<typeof cliEn> = {
  'cli.explain.record': (p) => (p.domain ? `SPF-record van ${p.domain}:` : `SPF-record:`),
  'cli.check.reason': () => `Reden`,
  'cli.check.advice': () => `Advies`,
  'cli.deadline-reached': (p) =>
    `deadline bereikt: na ${p.seconds} s (--deadline) ontbraken nog DNS-antwoorden; wat die nodig had staat er als temperror (geen antwoord op tijd), niet als ontbrekend`,
  'cli.check.result': (p) => `Resultaat: ${p.result}`,
  'cli.check.domain': (p) => `Domein:    ${p.domain} (${p.identity})`,
  'cli.check.client': (p) => `Server:    ${p.ip}`,
  'cli.check.exp': (p) => `Uitleg die het domein publiceert (exp=): ${p.text}`,
  'cli.check.overrides': (p) => `Kandidaat-records gebruikt voor: ${p.domains.join(', ')}`,
  'cli.check.evaluation': () => `Evaluatie:`,
  'cli.check.lookups': (p) => `Lookups: ${p.count} van ${p.limit} termen met een DNS-lookup, ${p.voidCount} van ${p.voidLimit} lege lookups`,
  'cli.check.problem': (p) => `Probleem bij ${p.domain}: ${p.problem}`,
  'cli.check.candidate-note': (p) => `Kandidaat-record voor ${p.domain}: ${p.note}`,
  'cli.check.candidate': () => `[kandidaat]`,
  'cli.check.decided': () => `◀ bepaalde het resultaat`,
  'cli.check.matched-term': () => `(komt overeen)`,
  'cli.check.error-term': () => `(fout)`,
  // ── spfkit add: labels ────────────────────────────────────────────────────────────────
  'cli.add.label.domain': () => `Domein`,
  'cli.add.label.sender': () => `Verzender`,
  'cli.add.label.plan': () => `Voorstel`,
  'cli.add.label.before': () => `Huidig`,
  'cli.add.label.after': () => `Nieuw`,
  'cli.add.label.zone-file': () => `Zonebestand`,
  'cli.add.label.control-panel': () => `Beheerpaneel`,
  'cli.add.label.json': () => `JSON`,
  'cli.add.why': () => `Waarom:`,
  'cli.add.changes': () => `Wijzigingen:`,
  'cli.add.publish': () => `Publiceren:`,
  'cli.add.sub-record': (p) => `Subrecord ${p.name}:`,
  'cli.add.flattening': () => `Platslaan:`,
  'cli.add.warnings': () => `Waarschuwingen:`,
  // ── spfkit add: regels ────────────────────────────────────────────────────────────────
  'cli.add.domain.not-given': () => `(niet opgegeven)`,
  'cli.add.source.dns': () => `gepubliceerd record`,
  'cli.add.source.given': () => `opgegeven record`,
  'cli.add.source.none': () => `nog geen record`,
  'cli.add.plan.blocked': () => `geen — het record moet eerst worden gerepareerd`,
  'cli.add.plan.added': (p) => `${p.mechanism} toevoegen`,
  'cli.add.plan.created': (p) => `een record maken met ${p.mechanism}`,
  'cli.add.plan.already-authorised': (p) =>
    `niets toe te voegen: ${p.mechanism} is al geautoriseerd door ${p.term ?? 'het record'}`,
  'cli.add.no-record': () => `(geen SPF-record)`,
  'cli.add.size': (p) => `${lookups(p.count)}, ${p.bytes} bytes${p.strings !== undefined && p.strings > 1 ? `, ${p.strings} strings` : ''}`,
  'cli.add.unflattened': (p) => `(vóór platslaan/splitsen: ${p.text})`,
  'cli.add.panel-value': (p) => `naam ${p.name}, type ${p.type}, waarde:`,
  'cli.add.flattened': (p) => `${p.term} (${lookups(p.count)}) → ${p.ranges.length > 0 ? p.ranges.join(' ') : '(geen adressen)'}`,
  'cli.add.kept': (p) => `${p.term} behouden (${lookups(p.count)}): ${p.problem}`,
  'cli.add.verification.passed': () => `Verificatie: geslaagd`,
  'cli.add.verification.failed': () => `Verificatie: MISLUKT`,
  'cli.add.alternative': (p) =>
    `Alternatief: ${p.mechanisms.join(' ')} in plaats van ${p.replaces} — vaste adressen hebben geen DNS-lookup nodig, zo blijft het binnen de limiet (pas het aan als de adressen van de provider veranderen):`,
  'cli.add.mark.ok': () => `ok`,
  'cli.add.mark.fail': () => `FOUT`,
  'cli.add.expected': (p) => `(verwacht: ${p.expected})`,
  'cli.add.decided-by': (p) => `door ${p.term}`,
  'cli.add.samples': (p) => `${p.unchanged} van ${p.total} platgeslagen steekproefadressen onveranderd`,
  'cli.add.lookup-count': (p) => `${p.count} van ${p.limit} DNS-lookups${p.exact ? '' : ' (niet exact)'}`,
  'cli.add.provider.also': (p) => `ook ${p.mechanism} (${p.purpose})${p.note ? `: ${p.note}` : ''}`,
  'cli.add.provider.docs': (p) => `Documentatie: ${p.url}`,
};
