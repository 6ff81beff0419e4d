/**
 * De alarmwoorden van de monitor in het Nederlands (zelfde sleutels als alerts.en.ts).
 */
import type { alertsEn } from './alerts.en.ts';
import type { Translation } from './types.ts';

export const alertsNl: Translation<typeof alertsEn> = {
  'alerts.customer.subject': (p) => `Actie nodig: het SPF-record van ${p.domain}`,
  'alerts.customer.greeting': () => 'Beste klant,',
  'alerts.customer.not-authorised': (p) =>
    `Het SPF-record van ${p.domain} staat ${p.services.join(', ')} niet toe. Mail die wij namens u versturen kan worden geweigerd of als spam gemarkeerd totdat dit is opgelost.`,
  'alerts.customer.none': (p) => `${p.domain} publiceert geen SPF-record, dus ontvangers kunnen niet zien dat ${p.services.join(', ')} er mail voor mag versturen.`,
  'alerts.customer.broken': (p) => `Het SPF-record van ${p.domain} bevat een fout; ontvangers negeren het (permerror).`,
  'alerts.customer.publish-new': (p) => `Publiceer dit TXT-record bij ${p.domain} (er is nog geen SPF-record):`,
  'alerts.customer.publish': (p) => `Publiceer dit TXT-record bij ${p.domain}, in plaats van het huidige SPF-record (er mag er maar één zijn):`,
  'alerts.customer.help': () => 'Beantwoord dit bericht, dan helpen wij u het op te lossen.',
  'alerts.customer.closing': () => 'Met vriendelijke groet,',
  'alerts.digest.subject': (p) => `spfkit: ${p.count} ${p.count === 1 ? 'wijziging' : 'wijzigingen'} in gevolgde domeinen`,
  'alerts.digest.intro': (p) => `${p.count} ${p.count === 1 ? 'wijziging' : 'wijzigingen'} in ${p.domainCount} gevolgde ${p.domainCount === 1 ? 'domein' : 'domeinen'} sinds het vorige overzicht.`,
  'alerts.digest.customer': (p) => `Kant-en-klaar bericht voor de klant van ${p.domain}:`,
};
