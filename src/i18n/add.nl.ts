/**
 * De woorden van een plan om een verzendende dienst aan een SPF-record toe te voegen, in het
 * Nederlands (zelfde sleutels als add.en.ts). Woordkeus zoals in spf.nl.ts: "geautoriseerd",
 * "softfail: de e-mail wordt gemarkeerd, niet geweigerd".
 */
import type { addEn } from './add.en.ts';
import type { Translation } from './types.ts';

const list = (items: readonly string[]): string => items.join(', ');

export const addNl: Translation<typeof addEn> = {
  // ── Redenen ───────────────────────────────────────────────────────────────────────────
  'add.reason.created-softfail': () =>
    'Er was nog geen SPF-record, dus er wordt een nieuw record gemaakt dat eindigt op ~all: met softfail wordt geen e-mail geweigerd terwijl je nagaat of alle verzenders erin staan. Stap over op -all zodra dat zo is.',
  'add.reason.all-kept': (p) => `De “${p.qualifier}all” van het record blijft staan: dat is jouw beleid voor iedereen die er niet in staat.`,
  'add.reason.softfail-all-added': () =>
    'Het record had geen “all” en geen redirect, dus verzenders die er niet in stonden kregen “neutral”, en daar hebben ontvangers niets aan. ~all wordt toegevoegd (softfail: de e-mail wordt gemarkeerd, niet geweigerd). Je kunt er ook voor kiezen het weg te laten.',
  'add.reason.no-all-kept': () =>
    'Het record heeft geen “all” en geen redirect en dat blijft zo, zoals gevraagd: verzenders die er niet in staan, blijven “neutral” krijgen.',
  'add.reason.redirect-kept': (p) =>
    `De redirect naar ${p.target} beslist over alles wat niet in het record staat; de nieuwe verzender komt ervóór en er wordt geen “all” toegevoegd (die zou de redirect uitschakelen).`,
  'add.reason.inserted.end': () => 'De verzender wordt achter het laatste mechanisme toegevoegd.',
  'add.reason.inserted.all': () => 'De verzender wordt vlak vóór “all” toegevoegd, zodat hij wordt beoordeeld voordat “all” beslist.',
  'add.reason.inserted.redirect': () => 'De verzender wordt vlak vóór “redirect” toegevoegd, zodat hij wordt beoordeeld voordat de redirect beslist.',
  'add.reason.duplicate': (p) => `${p.term} staat al in het record: er hoeft niets te worden toegevoegd.`,
  'add.reason.inside-range': (p) => `${p.range} valt binnen ${p.term}, dat al in het record staat: er hoeft niets te worden toegevoegd.`,
  'add.reason.covered': (p) => `Het record laat ${list(p.ips)} al toe via ${p.term}: er hoeft niets te worden toegevoegd.`,
  'add.reason.test-ips-given': (p) => `Getest met ${list(p.ips)}.`,
  'add.reason.test-ips-derived': (p) =>
    `Er is geen testadres opgegeven; getest met adressen uit de netwerken van het ${p.from}-mechanisme: ${list(p.ips)}.`,
  'add.reason.flattened': (p) =>
    `Het record had ${p.lookupsBefore} DNS-lookups nodig (maximaal 10), dus ${p.includes.length === 1 ? `wordt ${list(p.includes)} vervangen door de adressen die deze include autoriseert` : `worden ${list(p.includes)} vervangen door de adressen die ze autoriseren`}: nu ${p.lookupsAfter}.`,
  'add.reason.strings-split': (p) => `Het record is langer dan 255 bytes, dus het wordt gepubliceerd als ${p.count} strings in één TXT-record.`,
  'add.reason.sub-records': (p) =>
    `Het record was langer dan 450 bytes, dus ${p.moved} adresreeksen verhuizen naar ${list(p.names)}, die vanuit het hoofdrecord worden ge-include.`,

  // ── Waarschuwingen ────────────────────────────────────────────────────────────────────
  'add.warning.no-test-ips': (p) => `Geen adres om ${p.mechanism} mee te testen${p.problem ? ` (${p.problem})` : ''}; geef er een op met --test-ip.`,
  'add.warning.covered-by-static-range': (p) =>
    `De dienst valt onder de vaste adresreeks ${p.term}, niet onder zijn eigen include: als de dienst van adres verandert, wordt de e-mail niet meer geaccepteerd. Overweeg de include toch toe te voegen.`,
  'add.warning.permissive-all.pass': () => 'Het record eindigt op +all: het autoriseert elke server ter wereld.',
  'add.warning.permissive-all.neutral': () => 'Het record eindigt op ?all: het zegt niets over servers die er niet in staan.',
  'add.warning.no-all': () => 'Het record heeft geen “all”: servers die er niet in staan, krijgen “neutral”. Sluit het bij voorkeur af met ~all.',
  'add.warning.other-senders-unlisted': () =>
    'Het nieuwe record noemt alleen deze dienst. Voeg je eigen mailservers (bijvoorbeeld mx) en elke andere dienst die namens dit domein mailt toe voordat je ~all verandert in -all.',
  'add.warning.terms-after-all': (p) =>
    `${p.terms.join(' ')} ${p.terms.length === 1 ? 'staat' : 'staan'} na “all” en ${p.terms.length === 1 ? 'wordt' : 'worden'} nooit beoordeeld.`,
  'add.warning.redirect-ignored': (p) => `redirect=${p.target} wordt genegeerd, omdat het record “all” bevat.`,
  'add.warning.lookups-over-limit-before': (p) =>
    `Het huidige record heeft ${p.count} DNS-lookups nodig, meer dan het maximum van ${p.limit}: ontvangers krijgen nu al een permerror.`,
  'add.warning.lookups-uncertain': (p) => `Het aantal lookups is niet exact: ${p.problems.join('; ')}.`,
  'add.warning.flatten-insufficient': (p) =>
    `Ook na het platslaan heeft het record ${p.count} DNS-lookups nodig (maximaal ${p.limit}). Verwijder verzenders die je niet meer gebruikt.`,
  'add.warning.flattened-ranges-go-stale': (p) =>
    `Platgeslagen adressen verouderen wanneer een provider ze wijzigt: controleer ${list(p.includes)}${p.ttl !== undefined ? ` minstens elke ${p.ttl} seconden (hun TTL)` : ' regelmatig'} en publiceer opnieuw als er iets verandert.`,
  'add.warning.record-too-long': (p) =>
    `Het record is nog steeds ${p.bytes} bytes, meer dan ${p.limit}: sommige ontvangers moeten het via TCP opnieuw opvragen om het te kunnen lezen.`,
  'add.warning.sub-record-name-taken': (p) => `${p.name} heeft al een SPF-record; als je het subrecord publiceert, wordt dat vervangen.`,
  'add.warning.current-policy-error': (p) => `Het huidige beleid geeft ${p.result} voor ${p.ip} (${p.cause}).`,
  'add.warning.no-domain': (p) =>
    `Geen domein opgegeven: “a” en “mx” zonder naam zijn getest met ${p.domain}, een naam die niet bestaat; geef het domein op voor een exacte uitkomst.`,

  // ── Waarom een adresreeks of het aantal lookups niet vaststaat ────────────────────
  'add.problem.per-message': (p) => `${p.term} bij ${p.domain} hangt af van het bericht`,
  'add.problem.pass-all': (p) => `${p.domain} laat iedereen toe (${p.term})`,
  'add.problem.order-dependent': (p) => `${p.term} bij ${p.domain} staat vóór termen die toelaten`,
  'add.problem.no-record': (p) => `${p.domain} heeft geen SPF-record`,
  'add.problem.multiple-records': (p) => `${p.domain} heeft ${p.count} SPF-records`,
  'add.problem.dns-error': (p) => `DNS voor ${p.name} mislukte (${p.answer})`,
  'add.problem.syntax': (p) => `het SPF-record van ${p.domain} bevat een fout`,
  'add.problem.loop': (p) => `een include-lus bij ${p.domain}`,
  'add.problem.too-deep': (p) => `includes te diep genest bij ${p.domain}`,
  'add.problem.budget': (p) => `meer dan ${p.limit} records in de include-boom: ${p.domain} en de records erna zijn niet gelezen`,
  'add.problem.mx-limit': (p) => `${p.term} bij ${p.domain} heeft ${p.count} MX-namen (meer dan 10)`,
  'add.problem.dynamic': (p) => `${p.term} gebruikt macro’s, dus wat het kost is pas per bericht bekend`,

  // ── Waarom er geen plan is ────────────────────────────────────────────────────────────
  'add.issue.mechanism-syntax': (p) => `“${p.text}” is geen geldig mechanisme: ${p.problems.join('; ')}`,
  'add.issue.mechanism-not-one-term': (p) => `geef precies één mechanisme op, niet ${p.count} zoals in “${p.text}”`,
  'add.issue.mechanism-is-modifier': (p) => `“${p.text}” is een modifier, geen verzender`,
  'add.issue.mechanism-is-all': () => '“all” is geen verzender: het beslist over iedereen die niet in het record staat',
  'add.issue.mechanism-not-pass': (p) => `“${p.text}” heeft de qualifier “${p.qualifier}”, en daarmee wordt de verzender niet geautoriseerd`,
  'add.issue.bad-domain': (p) => `“${p.domain}” is geen bruikbare domeinnaam: ${p.problem}`,
  'add.issue.bad-test-ip': (p) => `“${p.ip}” is geen IPv4- of IPv6-adres`,
  'add.issue.record-syntax.dns': (p) =>
    `het gepubliceerde record bevat een fout (een permerror bij elke ontvanger): ${p.problems.join('; ')}. Herstel dat eerst.`,
  'add.issue.record-syntax.given': (p) =>
    `het opgegeven record bevat een fout (een permerror bij elke ontvanger): ${p.problems.join('; ')}. Herstel dat eerst.`,
  'add.issue.multiple-records': (p) =>
    `${p.domain} publiceert ${p.count} SPF-records; ontvangers zien dat als een permerror (RFC 7208 §4.5). Voeg ze eerst samen tot één record.`,
  'add.issue.dns-error': (p) => `het SPF-record van ${p.domain} kon niet worden opgehaald (${p.answer}); probeer het later opnieuw`,
  // ── Verificatie ───────────────────────────────────────────────────────────────────────
  'add.verification.test-ip-not-pass': (p) =>
    `${p.ip} krijgt ${p.result}, geen pass${p.decidedBy ? ` (bepaald door ${p.decidedBy}, dat eerder komt)` : ''}`,
  'add.verification.outside-ip-changed': (p) =>
    `${p.ip} zou ${p.result} krijgen in plaats van ${p.expected}: de nieuwe verzender autoriseert meer dan de bedoeling is`,
  'add.verification.sample-ip-changed': (p) => `platgeslagen adres ${p.ip} krijgt ${p.result} in plaats van ${p.expected}`,
  'add.verification.does-not-parse': (p) => `het record voor ${p.name} is niet te ontleden`,
  'add.verification.not-verified': (p) =>
    `${p.ip} kon niet worden gecontroleerd: de ${p.type}-lookup van ${p.name} mislukte (temperror), dus het plan is daarvoor niet geverifieerd`,
  'add.verification.not-verified-budget': (p) =>
    `${p.ip} kon niet worden gecontroleerd: de grens van deze server van ${p.limit} DNS-query's per verzoek stopte het bij de ${p.type}-lookup van ${p.name} (de grens van de server, niet de DNS van het domein), dus het plan is niet geverifieerd`,
  'add.verification.over-lookup-limit': (p) => `het record heeft ${p.count} DNS-lookups nodig, meer dan het maximum van ${p.limit}`,
  'add.verification.void-limit': (p) =>
    `${p.ip} zou permerror krijgen in plaats van ${p.expected}: meer dan ${p.limit} DNS-lookups vinden niets voor dit adres (${p.names.join(', ')})` +
    `${p.term ? `, de laatste voor ${p.term}` : ''} — de limiet voor lege lookups van RFC 7208 §4.6.4`,
};
