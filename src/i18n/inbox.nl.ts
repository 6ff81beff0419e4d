/**
 * De woorden van de test-inbox (`spfkit inbox`), in het Nederlands (zelfde sleutels als
 * inbox.en.ts). SMTP-antwoorden zijn ASCII: dus zonder accenten.
 */
import type { inboxEn } from './inbox.en.ts';
import type { Translation } from './types.ts';

export const inboxNl: Translation<typeof inboxEn> = {
  'inbox.smtp.other-domain': (p) => `Deze server neemt alleen mail aan voor testadressen bij ${p.name} (geen relay)`,
  'inbox.smtp.not-a-test-address': (p) => `Alleen adressen test-<token>@${p.name} worden hier bediend; vraag er een aan op de rapportpagina`,
  'inbox.smtp.unknown-token': () => 'Onbekend of verlopen testadres; vraag een nieuw aan op de rapportpagina',
  'inbox.smtp.token-full': (p) => `Dit testadres heeft zijn ${p.count} berichten al ontvangen; vraag een nieuw aan`,
  'inbox.smtp.too-many-recipients': (p) => `Te veel ontvangers: hoogstens ${p.limit} per sessie`,
  'inbox.smtp.too-many-rcpt-commands': (p) => `Te veel RCPT-opdrachten (meer dan ${p.limit}), de verbinding wordt gesloten`,
  'inbox.smtp.too-large': (p) => `Bericht is groter dan de limiet van ${p.limit} octetten`,
  'inbox.smtp.too-large-cut': (p) => `Bericht is veel groter dan de limiet van ${p.limit} octetten, de verbinding wordt gesloten`,
  'inbox.smtp.session-too-long': (p) => `Sessie duurt langer dan ${p.seconds} seconden, de verbinding wordt gesloten`,
  'inbox.smtp.evaluation-failed': () => 'Het bericht kon nu niet beoordeeld worden; probeer het later opnieuw',
  'inbox.smtp.accepted': (p) => `OK: het rapport staat op ${p.url}`,

  'inbox.cli.listening': (p) => `Test-inbox: SMTP op ${p.address}, rapportpagina en API op ${p.url}`,
  'inbox.cli.issued': (p) => `Een testadres voor u: ${p.address} (rapport: ${p.url})`,
  'inbox.cli.limits': (p) =>
    `Limieten: berichten tot ${p.bytes} octetten, stille sessies na ${p.seconds} s gesloten, ${p.count} berichten per adres, ${p.limit} ontvangers per sessie.`,

  'inbox.api.off': () => 'Deze server heeft geen test-inbox (start die met SPFKIT_INBOX_PORT, of met `spfkit inbox`).',
  'inbox.api.full': () => 'De test-inbox is op dit moment vol; probeer het over een paar minuten opnieuw.',
  'inbox.api.unknown': () => 'Geen rapport voor dit adres: het is nooit uitgegeven, of het is verlopen.',
};
