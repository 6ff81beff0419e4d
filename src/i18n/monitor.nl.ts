/**
 * De woorden van de monitor in het Nederlands (zelfde sleutels als monitor.en.ts).
 */
import type { monitorEn } from './monitor.en.ts';
import type { Translation } from './types.ts';

const aantal = (n: number, een: string, meer: string): string => `${n} ${n === 1 ? een : meer}`;

export const monitorNl: Translation<typeof monitorEn> = {
  'monitor.issue.bad-domain': (p) => `"${p.domain}" is geen bruikbare domeinnaam: ${p.problem}.`,
  'monitor.issue.not-a-hostname': () => 'een maildomein bestaat alleen uit letters, cijfers, koppeltekens en punten',
  'monitor.issue.no-service': () => 'Geen verzenddienst: noem er minstens één (een id uit de catalogus zoals coachview, of een mechanisme zoals include:spf.example.net).',
  'monitor.issue.unknown-provider': (p) => `"${p.text}" is geen bekende dienst (bekend: ${p.known.join(', ')}) en geen mechanisme.`,
  'monitor.issue.bad-mechanism': (p) => `"${p.text}" is geen bruikbaar mechanisme (${p.reason}).`,
  'monitor.issue.bad-test-ip': (p) => `"${p.ip}" is geen IPv4- of IPv6-adres.`,
  'monitor.issue.bad-selector': (p) => `"${p.selector}" is geen bruikbare DKIM-selector.`,
  'monitor.issue.too-many': (p) => `Te veel ${p.name}: hoogstens ${p.limit}.`,
  'monitor.issue.too-long': (p) => `${p.name} is te lang: hoogstens ${p.limit} tekens.`,
  'monitor.issue.duplicate-domain': (p) => `${p.domain} staat al op regel ${p.line} van dit bestand; deze regel wordt niet geïmporteerd.`,

  'monitor.situation.none': () => 'geen SPF-record',
  'monitor.situation.not-authorised': () => 'niet geautoriseerd',
  'monitor.situation.authorised': () => 'geautoriseerd',
  'monitor.situation.broken': () => 'stuk',
  'monitor.situation.could-not-check': () => 'niet te controleren',
  'monitor.situation.unchecked': () => 'nog niet gecontroleerd',
  'monitor.event.record-changed': () => 'SPF-record gewijzigd',
  'monitor.event.situation-changed': () => 'situatie gewijzigd',
  'monitor.event.lookups-at-limit': () => 'lookups op 10',
  'monitor.event.lookups-over-limit': () => 'meer dan 10 lookups',
  'monitor.event.record-too-long': () => 'record langer dan 450 bytes',
  'monitor.event.dmarc-removed': () => 'DMARC-record verwijderd',
  'monitor.event.dmarc-weakened': () => 'DMARC-beleid verzwakt',
  'monitor.event.dkim-cname-removed': () => 'DKIM-CNAME verwijderd',
  'monitor.event.dkim-key-revoked': () => 'DKIM-sleutel ingetrokken',
  'monitor.event.dkim-key-removed': () => 'DKIM-sleutel verwijderd',
  'monitor.event.provider-record-changed': () => 'eigen record van de dienst gewijzigd',
  'monitor.event.could-not-check-repeated': () => 'twee keer achter elkaar niet te controleren',
  'monitor.event.alarm-open': () => 'alarm gaat af',
  'monitor.event.alarm-close': () => 'opgelost',

  'monitor.added': (p) => `${p.domain} wordt nu bewaakt (${p.what}).`,
  'monitor.updated': (p) => `${p.domain} bijgewerkt (${p.what}); de geschiedenis blijft bewaard.`,
  'monitor.removed': (p) => `${p.domain} wordt niet meer bewaakt; de controles en gebeurtenissen zijn verwijderd.`,
  'monitor.import.summary': (p) => `Geïmporteerd: ${p.added} toegevoegd, ${p.updated} bijgewerkt; ${aantal(p.count, 'regel', 'regels')} met problemen niet geïmporteerd.`,
  'monitor.import.row': (p) => `regel ${p.line}: ${p.text}`,
  'monitor.list.summary': (p) =>
    p.total === 0 ? 'Geen bewaakte domeinen gevonden.' : p.count === 0 ? `Geen domeinen op deze pagina (${p.total} gevonden).` : `Domeinen ${p.offset + 1}–${p.offset + p.count} van ${p.total}.`,
  'monitor.list.header': () => 'DOMEIN|SITUATIE|GECONTROLEERD|KLANT|LABEL',
  'monitor.check.events': (p) => (p.count === 0 ? 'geen wijziging' : aantal(p.count, 'gebeurtenis', 'gebeurtenissen')),
  'monitor.check.publish': (p) => `publiceer: ${p.text}`,
  'monitor.check.summary': (p) => `${aantal(p.count, 'domein', 'domeinen')} gecontroleerd in ${p.seconds.toFixed(1).replace('.', ',')} s.`,
  'monitor.check.nothing': () => 'Geen bewaakte domeinen: voeg er een toe met spfkit monitor add, of importeer een lijst.',
  'monitor.events.none': () => 'Geen gebeurtenissen.',
  'monitor.token.created': (p) => `API-token ${p.id} (stuur mee als "Authorization: Bearer <token>"; je ziet het alleen nu, bewaar het goed):\n${p.token}`,
  'monitor.token.none': () => 'Geen API-tokens.',
  'monitor.token.row': (p) => `${p.id}  gemaakt ${p.when}  ${p.text || '(zonder label)'}`,
  'monitor.token.revoked': (p) => `API-token ${p.id} ingetrokken.`,
  'monitor.copy.done': (p) =>
    `${p.domainCount} domein(en), ${p.checkCount} controle(s) en ${p.eventCount} gebeurtenis(sen) gekopieerd uit ${p.name}. API-tokens worden niet gekopieerd: maak nieuwe met spfkit monitor token create.`,

  // Het overzicht voor de beheerders (monitor digest)
  'monitor.digest.started': () => 'Eerste overzicht op deze opslag: het begint vanaf nu (oude gebeurtenissen worden niet verstuurd). Het volgende bevat wat vanaf hier verandert.',
  'monitor.digest.nothing': () => 'Geen gebeurtenissen sinds het vorige overzicht; niets verstuurd.',
  'monitor.digest.taken': () => 'Een andere machine verstuurt dit overzicht.',
  'monitor.digest.sent': (p) => `verstuurd naar ${p.email}`,
  'monitor.digest.not-sent': (p) => `niet verstuurd naar ${p.email}: ${p.detail}`,
  'monitor.digest.summary': (p) => `Overzicht van ${aantal(p.count, 'gebeurtenis', 'gebeurtenissen')} verstuurd.`,
  'monitor.digest.failed': (p) => `Het overzicht van ${aantal(p.count, 'gebeurtenis', 'gebeurtenissen')} bereikte geen enkele beheerder; de volgende keer wordt het opnieuw geprobeerd.`,

  // Wat als de dienst zijn record wijzigt (monitor what-if)
  'monitor.what-if.unknown-provider': (p) => `"${p.text}" is geen dienst uit de catalogus (bekend: ${p.known.join(', ')}).`,
  'monitor.what-if.no-include': (p) => `${p.provider} wordt toegestaan met ${p.mechanism}, niet met een include van een eigen record: er is geen record van de dienst om te wijzigen.`,
  'monitor.what-if.not-spf': (p) => `"${p.text}" is geen SPF-record: het moet met v=spf1 beginnen.`,
  'monitor.what-if.bad-policy': (p) => `Het kandidaat-record bevat fouten, ontvangers zouden permerror geven: ${p.problems.join(' ')}`,
  'monitor.what-if.too-many-customers': (p) => `${p.count} klanten zouden gecontroleerd worden; via HTTP hoogstens ${p.limit}: gebruik spfkit monitor what-if.`,
  'monitor.what-if.candidate': (p) =>
    `Als ${p.target}: het insluiten kost ${aantal(p.lookups, 'lookup', 'lookups')}${p.current === undefined ? '' : ` (nu ${p.current})`}; ${p.bytes} bytes in ${aantal(p.strings, 'string', 'strings')}.`,
  'monitor.what-if.too-long': (p) => `Het kandidaat-record is ${p.bytes} bytes, meer dan de ${p.limit} die RFC 7208 §3.4 aanraadt: sommige ontvangers hebben TCP nodig om het te lezen.`,
  'monitor.what-if.reason.over-lookup-limit': (p) => `${p.lookupsAfter} lookups (nu ${p.lookupsBefore}), boven de limiet van ${p.limit}: ontvangers geven permerror`,
  'monitor.what-if.reason.void-limit': (p) => `meer dan ${p.limit} lookups zonder antwoord: permerror`,
  'monitor.what-if.reason.stops-authorising': (p) => `${p.ips.join(', ')} zou niet meer slagen (pass)`,
  'monitor.what-if.reason.breaks': (p) => `het record zou stukgaan (${p.cause})`,
  'monitor.what-if.reason.could-not-check': () => 'niet te controleren: DNS gaf geen antwoord',
  'monitor.what-if.already': () => 'was al een probleem vóór de wijziging',
  'monitor.what-if.summary': (p) =>
    p.checked === 0 ? `Geen gevolgd domein staat ${p.provider} toe.` : `${aantal(p.checked, 'klant', 'klanten')} van ${p.provider} gecontroleerd; ${p.affected === 0 ? 'geen enkele zou geraakt worden' : `${p.affected} zouden geraakt worden`}. Er is niets gepubliceerd of opgeslagen.`,
  'monitor.usage.invalid-what-if': (p) => `niet te beoordelen: ${p.text}`,
  'monitor.usage.digest': () => 'gebruik spfkit monitor digest, met SPFKIT_DIGEST_SMTP, SPFKIT_DIGEST_FROM en SPFKIT_DIGEST_TO ingesteld (zie spfkit monitor --help)',
  'monitor.usage.digest-setting': (p) => `het overzicht kan niet verstuurd worden: ${p.detail}`,
  'monitor.usage.what-if': () => 'gebruik spfkit monitor what-if --provider <id> --policy "<kandidaat-record>"',

  'monitor.usage.subcommand': (p) =>
    `${p.text ? `onbekende monitoropdracht "${p.text}"; ` : ''}gebruik spfkit monitor add|remove|import|list|check|events|export|token|copy|what-if|digest (spfkit monitor --help)`,
  'monitor.usage.domain-required': () => 'noem het domein dat bewaakt moet worden: spfkit monitor add <domein> --provider <id>',
  'monitor.usage.one-domain': (p) => `geef één domein, niet "${p.text}"`,
  'monitor.usage.invalid': (p) => `kan niet bewaken: ${p.problems.join(' ')}`,
  'monitor.usage.file-required': () => 'noem het CSV-bestand om te importeren: spfkit monitor import <klanten.csv>',
  'monitor.usage.file-unreadable': (p) => `kan ${p.name} niet lezen: ${p.detail}`,
  'monitor.usage.no-domain-column': (p) =>
    `de eerste regel moet de kolommen noemen, waarvan één "domain" of "domein" (ook: services, mechanism, test_ips, dkim, customer_id, label, schedule); gevonden: ${p.names.length === 0 ? 'niets' : p.names.map((n) => `"${n}"`).join(', ')}`,
  'monitor.usage.not-watched': (p) => `niet bewaakt: ${p.domains.join(', ')} (spfkit monitor list toont wat wel)`,
  'monitor.usage.bad-number': (p) => `${p.option} moet een geheel getal van 0 tot ${p.limit} zijn, gekregen: "${p.text}"`,
  'monitor.usage.bad-situation': (p) => `onbekende situatie "${p.text}"; gebruik een van ${p.values.join(', ')}`,
  'monitor.usage.bad-sort': (p) => `sorteren op "${p.text}" kan niet; gebruik een van ${p.values.join(', ')}`,
  'monitor.usage.bad-order': (p) => `de volgorde is asc (oplopend) of desc (aflopend), niet "${p.text}"`,
  'monitor.usage.bad-kind': (p) => `onbekende soort gebeurtenis "${p.text}"; gebruik een van ${p.values.join(', ')}`,
  'monitor.usage.export-format': (p) => `het exportformaat is csv of jsonl (of een --out-bestand op .csv, .jsonl of .ndjson), gekregen: "${p.text}"`,
  'monitor.usage.unwritable': (p) => `kan ${p.name} niet schrijven: ${p.detail}`,
  'monitor.usage.token': () => 'gebruik spfkit monitor token create [--label <tekst>] | list | revoke <id>',
  'monitor.usage.token-id': (p) => `"${p.text}" is geen id van een API-token (spfkit monitor token list toont ze)`,
  'monitor.usage.copy': () => 'gebruik spfkit monitor copy --from <gegevensmap> (kopieert de SQLite-opslag van die map naar de opslag die DATABASE_URL of --data noemt)',
  'monitor.usage.copy-no-source': (p) => `er is geen monitordatabase op ${p.name}`,
  'monitor.usage.copy-not-empty': (p) => `de doelopslag bewaakt al ${p.domainCount} domein(en); kopieer naar een lege database`,
  'monitor.usage.store': (p) => `de database van de monitor is niet bruikbaar: ${p.detail}`,

  'monitor.api.token-missing': () => 'Voor deze route is een API-token nodig: stuur "Authorization: Bearer <token>" mee (maak er een met spfkit monitor token create).',
  'monitor.api.token-bad': () => 'Het API-token is niet geldig: verkeerd overgenomen, ingetrokken of van een andere spfkit. Maak een nieuw met spfkit monitor token create.',
  'monitor.api.not-watched': (p) => `${p.domain} wordt niet bewaakt.`,
  'monitor.api.too-many': (p) => `Er worden ${p.count} domeinen bewaakt; een controle via HTTP neemt er hoogstens ${p.limit}: noem de domeinen, of gebruik spfkit monitor check.`,
  'monitor.api.csv-body': () => 'Stuur het CSV-bestand als inhoud van het verzoek, met Content-Type: text/csv.',
};
