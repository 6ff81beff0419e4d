/** De zinnen van de checklist met eisen van ontvangers en de SPF-implementatieprofielen (issue 13.2) in het Nederlands. */
import type { Translation } from './types.ts';
import type { requirementsEn } from './requirements.en.ts';

export const requirementsNl: Translation<typeof requirementsEn> = {
  'verdict.requirements.title': () => `Eisen van ontvangers`,
  'verdict.requirements.audience.all': () => `alle afzenders`,
  'verdict.requirements.audience.bulk': () => `bulkafzenders (meer dan 5 000 berichten per dag)`,
  'verdict.requirements.check.spf-or-dkim-pass': () => `SPF of DKIM slaagt`,
  'verdict.requirements.check.spf-pass': () => `SPF slaagt`,
  'verdict.requirements.check.dkim-pass': () => `DKIM slaagt (er staat een bruikbare sleutel bij een selector waarmee de afzender ondertekent)`,
  'verdict.requirements.check.spf-and-dkim-pass': () => `SPF en DKIM slagen allebei`,
  'verdict.requirements.check.dmarc-record': () => `er staat een DMARC-record (minstens p=none)`,
  'verdict.requirements.check.dmarc-aligned': () => `het From-domein is in lijn met SPF of DKIM (DMARC-alignment)`,
  'verdict.requirements.check.ptr-fcrdns': () => `het verzendende IP-adres heeft reverse DNS (PTR) die terugwijst naar dat adres`,
  'verdict.requirements.check.spf-fail-treated-as-softfail': () => `een SPF-fail kan als softfail worden behandeld (als verdacht gemarkeerd in plaats van geweigerd)`,
  'verdict.requirements.check.tls': () => `de verbinding gebruikt TLS`,
  'verdict.requirements.check.rfc5322-format': () => `berichten zijn opgemaakt volgens RFC 5322`,
  'verdict.requirements.check.spam-rate': () => `het gemelde spampercentage blijft laag (onder 0,3%)`,
  'verdict.requirements.check.one-click-unsubscribe': () => `marketingmail heeft afmelden met één klik (RFC 8058)`,
  'verdict.requirements.status.met': () => `voldaan`,
  'verdict.requirements.status.not-met': () => `niet voldaan`,
  'verdict.requirements.status.unknown': () => `onbekend (een DNS-vraag mislukte; vraag het later opnieuw)`,
  'verdict.requirements.status.not-checkable': () => `hier niet te controleren (daarvoor is het bericht of de gegevens van de ontvanger nodig)`,
  'verdict.requirements.status.applies': () => `geldt voor deze opzet`,
  'verdict.requirements.status.not-applicable': () => `geldt niet voor deze opzet`,
  'verdict.requirements.profiles.title': () => `SPF zoals verschillende implementaties het lezen`,
  'verdict.requirements.profiles.same': (p) => `Elke onderzochte implementatie geeft ${p.result}.`,
  'verdict.requirements.profiles.differ': () => `De implementaties zijn het voor deze opzet niet eens:`,
};
