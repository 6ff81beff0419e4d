/**
 * De woorden van de policy-service (`spfkit policyd`), in het Nederlands (zelfde sleutels als
 * policyd.en.ts). SMTP-antwoorden en headervelden zijn ASCII: dus zonder accenten.
 */
import type { policydEn } from './policyd.en.ts';
import type { Translation } from './types.ts';

export const policydNl: Translation<typeof policydEn> = {
  'policyd.received.pass': (p) => `${p.receiver}: het domein van ${p.identity} staat ${p.ip} toe als verzender`,
  'policyd.received.fail': (p) => `${p.receiver}: het domein van ${p.identity} staat ${p.ip} niet toe als verzender`,
  'policyd.received.softfail': (p) => `${p.receiver}: het domein van ${p.identity} staat ${p.ip} niet toe als verzender (softfail, in overgang)`,
  'policyd.received.neutral': (p) => `${p.receiver}: ${p.ip} wordt door het domein van ${p.identity} toegestaan noch geweigerd`,
  'policyd.received.none': (p) => `${p.receiver}: het domein van ${p.identity} noemt geen toegestane verzenders`,
  'policyd.received.permerror': (p) => `${p.receiver}: blijvende fout in het SPF-beleid van ${p.identity}`,
  'policyd.received.temperror': (p) => `${p.receiver}: tijdelijke fout bij het opvragen van het SPF-beleid van ${p.identity}`,

  'policyd.skip.local': (p) => `SPF niet van toepassing op lokale verbinding ${p.ip} - niet gecontroleerd`,
  'policyd.skip.whitelist-ip': (p) => `SPF overgeslagen voor vertrouwde relay - client-ip=${p.ip}`,
  'policyd.skip.whitelist-helo': (p) => `SPF overgeslagen voor vertrouwde relay ${p.name} - client-ip=${p.ip}`,
  'policyd.skip.whitelist-domain': (p) => `SPF overgeslagen voor relay toegestaan door het vertrouwde domein ${p.domain} - client-ip=${p.ip}`,
  'policyd.skip.whitelist-ptr': (p) => `SPF overgeslagen voor relay met een naam onder het vertrouwde domein ${p.domain} - client-ip=${p.ip}`,

  'policyd.reject.fail': (p) => `SPF fail: het domein van ${p.identity} staat ${p.ip} niet toe om zijn e-mail te verzenden.`,
  'policyd.reject.softfail': (p) => `SPF softfail: het domein van ${p.identity} staat ${p.ip} niet toe om zijn e-mail te verzenden.`,
  'policyd.reject.neutral': (p) => `SPF neutral: het domein van ${p.identity} staat ${p.ip} toe noch weigert het.`,
  'policyd.reject.permerror': (p) => `SPF permerror: het SPF-beleid van het domein van ${p.identity} is niet te evalueren.`,
  'policyd.defer.temperror': (p) => `SPF temperror: het SPF-beleid van het domein van ${p.identity} kon niet worden opgevraagd; probeer het later opnieuw.`,
  'policyd.defer.deadline': () => `De SPF-controle duurde te lang; probeer het later opnieuw.`,
  'policyd.defer.error': () => `De SPF-controle mislukte aan onze kant; probeer het later opnieuw.`,
  'policyd.see': (p) => `Zie ${p.url}`,

  'policyd.config.syntax': (p) => `${p.where}: "${p.text}" is geen regel "Naam = waarde"`,
  'policyd.config.unknown-setting': (p) => `${p.where}: onbekende instelling "${p.name}" (zie docs/policyd.md)`,
  'policyd.config.bad-value': (p) => `${p.where}: ${p.name} kan niet "${p.value}" zijn (verwacht: ${p.expected})`,
  'policyd.config.ignored': (p) => `${p.where}: ${p.name} is een instelling van policyd-spf die spfkit niet gebruikt; genegeerd`,
  'policyd.config.ok': (p) => `${p.where}: configuratie in orde (${p.count} ${p.count === 1 ? 'instelling' : 'instellingen'} gezet)`,
  'policyd.cli.listening': (p) => `luistert op ${p.text}`,
};
