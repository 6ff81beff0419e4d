/**
 * Audit-zinnen in het Nederlands: dezelfde sleutels als audit.en.ts (afgedwongen door
 * `Translation<typeof auditEn>`). Woordkeus als in spf.nl.ts: "SPF-record", "DNS-lookups",
 * "geautoriseerd".
 */
import { branchText, capitalize, code, codeTerm, joinList } from './format.ts';
import type { auditEn, MissingRecord } from './audit.en.ts';
import type { RecordRef } from './spf.en.ts';
import { resolverTextNl } from './spf.nl.ts';
import type { Translation } from './types.ts';

const viaText = (r: RecordRef): string => r.via.map(code).join(' → ');

const recordOf = (r: RecordRef): string =>
  r.via.length === 0 ? `het SPF-record van ${r.domain}` : `het SPF-record van ${r.domain} (bereikt via ${viaText(r)})`;

const missingText = (target: string, missing: MissingRecord): string => {
  switch (missing) {
    case 'nxdomain':
      return `${target}, dat niet bestaat (NXDOMAIN)`;
    case 'nodata':
      return `${target}, dat geen TXT-records heeft`;
    case 'no-spf':
      return `${target}, dat geen SPF-record heeft (geen van de TXT-records begint met ${code('v=spf1')})`;
    default: {
      const never: never = missing;
      return String(never);
    }
  }
};

const dkimKeyProblem = (reason: string, value: string): string => {
  switch (reason) {
    case 'base64':
      return value === '' ? `${code('p=')} is geen geldige base64 (lengte of opvulling)` : `${code('p=')} is geen base64: ${value} is niet toegestaan`;
    case 'der':
      return `${code('p=')} bevat geen publieke RSA-sleutel`;
    case 'type-mismatch':
      return `${code('p=')} bevat een sleutel van het type ${value}, en dat past niet bij ${code('k=')}`;
    case 'ed25519-length':
      return `een ed25519-sleutel is 32 bytes, deze is ${value}`;
    case 'ed25519-spki':
      return `een ed25519-sleutel hoort als de kale 32 bytes te worden gepubliceerd, niet verpakt in SubjectPublicKeyInfo`;
    default:
      return `${code('p=')} bevat geen bruikbare sleutel`;
  }
};

const dmarcUriProblem = (reason: string): string => {
  switch (reason) {
    case 'empty':
      return 'het item is leeg';
    case 'no-scheme':
      return `er ontbreekt een schema, zoals ${code('mailto:')}`;
    case 'bad-char':
      return 'er staat een teken in dat met procentcodering geschreven moet worden';
    case 'bad-size':
      return `de grootte na ${code('!')} moet uit cijfers bestaan, eventueel gevolgd door k, m, g of t`;
    case 'bad-address':
      return `het postvak is niet van de vorm ${code('lokaal@domein')}`;
    default:
      return 'het is geen URI';
  }
};

export const auditNl: Translation<typeof auditEn> = {
  // ── SPF ───────────────────────────────────────────────────────────────────────────────
  'audit.spf-missing.message': (p) =>
    p.missing === 'nxdomain'
      ? `${p.domain} bestaat niet in de DNS (NXDOMAIN) en heeft dus geen SPF-record.`
      : p.missing === 'nodata'
        ? `${p.domain} heeft geen TXT-records en dus geen SPF-record: ontvangers kunnen niet nagaan welke servers namens het domein mogen mailen.`
        : `Geen van de TXT-records van ${p.domain} begint met ${code('v=spf1')}: er is geen SPF-record, dus ontvangers kunnen niet nagaan welke servers namens het domein mogen mailen.`,
  'audit.spf-missing.fix': (p) =>
    `Publiceer bij ${p.domain} één TXT-record dat begint met ${code('v=spf1')} en elke dienst noemt die namens ${p.domain} mailt, bijvoorbeeld ${code('v=spf1 mx ~all')}; een domein dat niet mailt, publiceert ${code('v=spf1 -all')}.`,
  'audit.spf-multiple-records.message': (p) =>
    `${capitalize(recordOf(p.record))} bestaat ${p.count} keer: met meer dan één ${code('v=spf1')}-record eindigt elke controle in permerror (RFC 7208 §4.5).`,
  'audit.spf-multiple-records.fix': (p) => `Voeg de records bij ${p.domain} samen tot één: één keer ${code('v=spf1')}, alle termen, één ${code('all')} aan het eind.`,
  'audit.spf-bad-version.message': (p) =>
    `Het TXT-record ${code(p.text)} bij ${p.domain} lijkt op een SPF-record, maar begint niet met ${code('v=spf1')} en een spatie; ontvangers negeren het daarom (RFC 7208 §4.5).`,
  'audit.spf-bad-version.fix': () =>
    `Laat het record precies met ${code('v=spf1')} en een spatie beginnen (geen aanhalingstekens, geen spatie vooraan, niet ${code('spf1')} of ${code('v=spf2.0')}); verwijder het als een ander record het beleid al bevat.`,
  'audit.spf-syntax.message': (p) => `Kolom ${p.column} van ${recordOf(p.record)}: ${p.problem}.`,
  'audit.spf-syntax.fix': () => `Verbeter de term: een record met een syntaxfout laat elke controle in permerror eindigen (RFC 7208 §4.6).`,
  'audit.spf-too-many-lookups.message': (p) =>
    `Voor de controle van het SPF-record van ${p.domain} zijn ${p.count} DNS-lookups nodig; RFC 7208 §4.6.4 staat er ${p.limit} toe, dus ontvangers geven permerror.${branchText(p.branches)}`,
  'audit.spf-too-many-lookups.fix': () =>
    `Verwijder includes van diensten die niet meer worden gebruikt, vervang ${code('a')}, ${code('mx')} en ${code('ptr')} door ${code('ip4:')}/${code('ip6:')}-reeksen, of vraag een provider om een kleinere include.`,
  'audit.spf-lookup-count.message': (p) =>
    `Voor de controle van het SPF-record van ${p.domain} zijn ${p.count} van de ${p.limit} DNS-lookups nodig die RFC 7208 §4.6.4 toestaat.${branchText(p.branches)}`,
  'audit.spf-lookup-count.fix': (p) => `Tel bij een nieuwe verzender ook de lookups van diens include mee: het totaal moet ${p.limit} of minder blijven.`,
  'audit.spf-too-many-void-lookups.message': (p) =>
    `${p.count} lookups voor het SPF-record van ${p.domain} leveren niets op (de naam bestaat niet of heeft geen records): ${p.names.join(', ')}. RFC 7208 §4.6.4 staat er ${p.limit} toe; daarboven geven ontvangers permerror.`,
  'audit.spf-too-many-void-lookups.fix': () => `Verwijder of verbeter de termen die naar namen zonder records wijzen.`,
  'audit.spf-include-missing.message': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} wijst naar ${missingText(p.target, p.missing)}: elke controle die daar komt, eindigt in permerror (RFC 7208 §5.2).`,
  'audit.spf-include-missing.fix': (p) => `Controleer met de provider de spelling van ${p.target}, of verwijder ${codeTerm(p.term)} als die dienst niet meer wordt gebruikt.`,
  'audit.spf-redirect-missing.message': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} wijst naar ${missingText(p.target, p.missing)}: elke controle eindigt in permerror (RFC 7208 §6.1).`,
  'audit.spf-redirect-missing.fix': (p) => `Publiceer een SPF-record bij ${p.target}, of verbeter ${codeTerm(p.term)}.`,
  'audit.spf-include-loop.message': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} leidt terug naar ${p.target}, een record waar de controle al langskwam: de controle draait rond tot de lookuplimiet haar stopt (permerror).`,
  'audit.spf-include-loop.fix': (p) => `Verwijder ${codeTerm(p.term)}: een record kan zichzelf niet insluiten.`,
  'audit.spf-ptr.message': (p) =>
    `${capitalize(recordOf(p.record))} gebruikt ${codeTerm(p.term)}: ${code('ptr')} is verouderd (RFC 7208 §5.5), traag en onbetrouwbaar, en sommige ontvangers negeren het.`,
  'audit.spf-ptr.fix': (p) => `Vervang ${codeTerm(p.term)} door de ${code('ip4:')}/${code('ip6:')}-reeksen of de ${code('a:')}-naam van de bedoelde servers.`,
  'audit.spf-plus-all.message': (p) => `${capitalize(recordOf(p.record))} bevat ${codeTerm(p.term)}: elke server op internet krijgt pass, dus SPF beschermt niets.`,
  'audit.spf-plus-all.fix': (p) => `Vervang ${codeTerm(p.term)} door ${code('~all')} of ${code('-all')}, nadat je elke server hebt opgenomen die namens jou mailt.`,
  'audit.spf-neutral-all.message': (p) =>
    `${capitalize(recordOf(p.record))} eindigt op ${codeTerm(p.term)}: neutral, het zegt niets over andere servers, dus ontvangers behandelen hun e-mail alsof er geen SPF-beleid is.`,
  'audit.spf-neutral-all.fix': () => `Eindig het record met ${code('~all')} (softfail), of met ${code('-all')} zodra alle verzenders erin staan.`,
  'audit.spf-no-all.message': (p) =>
    `${capitalize(recordOf(p.record))} heeft geen ${code('all')} en geen ${code('redirect=')}: servers die het niet noemt krijgen neutral, alsof er geen beleid is (RFC 7208 §4.7).`,
  'audit.spf-no-all.fix': () => `Eindig het record met ${code('~all')} of ${code('-all')}.`,
  'audit.spf-redirect-ignored.message': (p) => `${codeTerm(p.term)} in ${recordOf(p.record)} wordt genegeerd, omdat het record ${code('all')} bevat (RFC 7208 §6.1).`,
  'audit.spf-redirect-ignored.fix': (p) => `Verwijder ${code('all')} om ${codeTerm(p.term)} te gebruiken, of verwijder ${codeTerm(p.term)}.`,
  'audit.spf-after-all.message': (p) =>
    `In ${recordOf(p.record)} ${p.terms.length === 1 ? 'staat' : 'staan'} ${joinList(p.terms.map(code), 'en')} na ${code('all')}; ${p.terms.length === 1 ? 'die wordt' : 'die worden'} nooit gebruikt, want de evaluatie stopt bij ${code('all')}.`,
  'audit.spf-after-all.fix': () => `Zet die termen vóór ${code('all')}, of verwijder ze.`,
  'audit.spf-string-too-long.message': (p) =>
    `Een tekenreeks van ${recordOf(p.record)} is ${p.count} bytes; één reeks bevat hoogstens ${p.limit} bytes (RFC 1035 §3.3), dus de DNS kan hem zo niet uitleveren.`,
  'audit.spf-string-too-long.fix': (p) =>
    `Splits het record in reeksen van hoogstens ${p.limit} bytes, geschreven als ${code('"v=spf1 …" "… -all"')}: ontvangers plakken ze zonder spatie aan elkaar (RFC 7208 §3.3).`,
  'audit.spf-record-too-long.message': (p) =>
    `Het TXT-antwoord met ${recordOf(p.record)} is ${p.count} bytes (naam en alle TXT-records); RFC 7208 §3.4 raadt minder dan ${p.limit} aan, zodat het in één UDP-pakket past.`,
  'audit.spf-record-too-long.fix': () => `Verwijder TXT-records die niet meer nodig zijn en overbodige termen, of verplaats reeksen naar een include.`,
  'audit.spf-overlapping-ranges.message': (p) => `${codeTerm(p.term)} in ${recordOf(p.record)} valt al onder ${code(p.other)}.`,
  'audit.spf-overlapping-ranges.fix': (p) => `Verwijder ${codeTerm(p.term)}.`,
  'audit.spf-range-in-include.message': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} is al geautoriseerd door ${code(p.other)} in het SPF-record van ${p.target}, dat erin is opgenomen.`,
  'audit.spf-range-in-include.fix': (p) => `Je kunt ${codeTerm(p.term)} weghalen, tenzij het moet blijven werken als de provider zijn record wijzigt.`,
  'audit.spf-host-without-address.message': (p) =>
    p.type === 'MX'
      ? `${codeTerm(p.term)} in ${recordOf(p.record)} wijst naar ${joinList(p.names, 'en')}, dat geen MX-records heeft: de term komt nooit overeen en telt als lege lookup.`
      : `${codeTerm(p.term)} in ${recordOf(p.record)} wijst naar ${joinList(p.names, 'en')}, zonder A- of AAAA-record: de term komt nooit overeen en telt als lege lookup.`,
  'audit.spf-host-without-address.fix': (p) => `Verbeter de naam in ${codeTerm(p.term)}, of verwijder de term.`,
  'audit.spf-unknown-modifier.message': (p) =>
    `${capitalize(recordOf(p.record))} bevat de onbekende modifier ${code(p.name + '=')} (${codeTerm(p.term)}); ontvangers negeren die (RFC 7208 §6).`,
  'audit.spf-unknown-modifier.fix': (p) => `Controleer de spelling (${code('redirect=')}, ${code('exp=')}) of verwijder ${codeTerm(p.term)}.`,
  'audit.spf-dynamic-term.message': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} gebruikt macro's: de naam die het opvraagt, is pas bekend als er e-mail binnenkomt; de audit telde het als één lookup en volgde het niet.`,
  'audit.spf-type99-not-checked.message': (p) =>
    `Alleen de TXT-records van ${p.domain} zijn gecontroleerd. Records van het afgeschafte SPF-type (99) zijn niet opgevraagd: ontvangers kijken alleen naar TXT (RFC 7208 §3.1, §14.1).`,
  'audit.spf-type99-not-checked.fix': () => `Publiceer het beleid als TXT-record.`,

  // ── DKIM ──────────────────────────────────────────────────────────────────────────────
  'audit.dkim-key-found.message': (p) =>
    `DKIM-sleutel voor selector ${p.selector} bij ${p.name}${p.target === '' ? '' : ` (CNAME naar ${p.target})`}: ${p.type === 'ed25519' ? 'ed25519' : `RSA, ${p.bits} bits`}.`,
  'audit.dkim-none-found.message': (p) =>
    `Geen DKIM-sleutel gevonden bij de ${p.count} gangbare selectors die voor ${p.domain} zijn geprobeerd; de DNS kan de selectors van een domein niet opsommen, dus sleutels onder andere namen zijn niet gezien.`,
  'audit.dkim-none-found.fix': () =>
    `Controleer opnieuw met de selector van je e-mail: dat is de ${code('s=')}-tag van de DKIM-Signature-header in een bericht dat je hebt verstuurd.`,
  'audit.dkim-selector-missing.message': (p) => `Er is geen DKIM-sleutel voor selector ${p.selector}: ${p.name} heeft geen TXT-record.`,
  'audit.dkim-selector-missing.fix': (p) => `Publiceer bij ${p.name} het sleutelrecord dat je mailprovider je geeft (vaak een CNAME naar de provider).`,
  'audit.dkim-cname-broken.message': (p) => `${p.name} (selector ${p.selector}) is een CNAME naar ${p.target}, dat geen TXT-record heeft: er is geen sleutel.`,
  'audit.dkim-cname-broken.fix': (p) => `Vraag de provider naar het juiste doel van ${p.name}, of verbeter de CNAME.`,
  'audit.dkim-multiple-records.message': (p) =>
    `${p.name} (selector ${p.selector}) heeft ${p.count} TXT-records; welk daarvan verificateurs gebruiken, is niet gedefinieerd (RFC 6376 §3.6.2.2).`,
  'audit.dkim-multiple-records.fix': (p) => `Houd één sleutelrecord over bij ${p.name}.`,
  'audit.dkim-bad-version.message': (p) => `DKIM-sleutelrecord ${p.name} (selector ${p.selector}): ${p.problem}.`,
  'audit.dkim-bad-version.fix': () => `Begin het record met ${code('v=DKIM1;')} of laat de tag weg.`,
  'audit.dkim-weak-key.message': (p) =>
    `De RSA-sleutel voor selector ${p.selector} heeft ${p.bits} bits; verificateurs moeten sleutels onder 1024 bits weigeren (RFC 8301 §3.2), dus handtekeningen ermee tellen niet.`,
  'audit.dkim-weak-key.fix': () => `Maak een sleutel van 2048 bits, publiceer die onder een nieuwe selector en onderteken daarmee.`,
  'audit.dkim-short-key.message': (p) => `De RSA-sleutel voor selector ${p.selector} heeft ${p.bits} bits; RFC 8301 §3.2 raadt minstens 2048 aan.`,
  'audit.dkim-short-key.fix': () => `Stap over op een sleutel van 2048 bits onder een nieuwe selector.`,
  'audit.dkim-ed25519.message': (p) => `De sleutel voor selector ${p.selector} is ed25519 (RFC 8463); nog niet elke verificateur ondersteunt dat.`,
  'audit.dkim-ed25519.fix': () => `Onderteken ook met een RSA-sleutel onder een tweede selector, zodat elke verificateur je e-mail kan controleren.`,
  'audit.dkim-revoked.message': (p) => `De sleutel voor selector ${p.selector} is ingetrokken: ${code('p=')} is leeg (RFC 6376 §3.6.1).`,
  'audit.dkim-revoked.fix': (p) => `Zorg dat geen server meer ondertekent met selector ${p.selector}; publiceer anders de sleutel.`,
  'audit.dkim-testing.message': (p) =>
    `De sleutel voor selector ${p.selector} heeft ${code('t=y')} (testmodus): verificateurs mogen ondertekende e-mail als onondertekend behandelen (RFC 6376 §3.6.1).`,
  'audit.dkim-testing.fix': () => `Verwijder ${code('t=y')} zodra het ondertekenen werkt.`,
  'audit.dkim-hash-algorithms.message': (p) => `DKIM-sleutelrecord ${p.name} (selector ${p.selector}): ${p.problem}.`,
  'audit.dkim-hash-algorithms.fix': () => `Laat ${code('h=')} weg, of zet ${code('h=sha256')}.`,
  'audit.dkim-syntax.message': (p) => `DKIM-sleutelrecord ${p.name} (selector ${p.selector}): ${p.problem}.`,
  'audit.dkim-syntax.fix': () => `Publiceer het sleutelrecord precies zoals de mailprovider of je ondertekeningssoftware het geeft.`,

  'audit.dkim-issue.version-not-first': () => `de tag ${code('v=')} moet de eerste tag zijn`,
  'audit.dkim-issue.bad-version': (p) => `de versie is ${code(p.value)} en niet ${code('DKIM1')}, dus verificateurs negeren het record`,
  'audit.dkim-issue.missing-key': () => `de verplichte tag ${code('p=')} (de publieke sleutel) ontbreekt`,
  'audit.dkim-issue.revoked-key': () => `${code('p=')} is leeg: de sleutel is ingetrokken`,
  'audit.dkim-issue.unknown-key-type': (p) => `onbekend sleuteltype ${code(p.value)}; gebruik ${code('rsa')} of ${code('ed25519')}`,
  'audit.dkim-issue.bad-key': (p) => dkimKeyProblem(p.reason, p.value),
  'audit.dkim-issue.weak-key': (p) => `de RSA-sleutel heeft ${p.bits} bits; verificateurs weigeren sleutels onder 1024 bits`,
  'audit.dkim-issue.short-key': (p) => `de RSA-sleutel heeft ${p.bits} bits; minstens 2048 wordt aangeraden`,
  'audit.dkim-issue.pkcs1-key': () => `de sleutel is een kale RSAPublicKey; veel verificateurs accepteren alleen SubjectPublicKeyInfo`,
  'audit.dkim-issue.sha1-hash': () => `${code('h=')} staat sha1 toe, dat niet meer voor ondertekening gebruikt mag worden (RFC 8301 §3.1)`,
  'audit.dkim-issue.sha256-not-allowed': () => `${code('h=')} staat sha256 niet toe, dus geen enkele geldige handtekening kan deze sleutel gebruiken`,
  'audit.dkim-issue.unknown-hash': (p) => `onbekend hash-algoritme ${code(p.value)} in ${code('h=')}; verificateurs negeren het`,
  'audit.dkim-issue.unknown-service': (p) => `onbekend diensttype ${code(p.value)} in ${code('s=')}; verificateurs negeren het`,
  'audit.dkim-issue.not-for-email': () => `${code('s=')} noemt ${code('email')} noch ${code('*')}, dus verificateurs negeren deze sleutel voor e-mail`,
  'audit.dkim-issue.unknown-flag': (p) => `onbekende vlag ${code(p.value)} in ${code('t=')}; verificateurs negeren die`,
  'audit.dkim-issue.testing-mode': () => `${code('t=y')}: het domein test DKIM; verificateurs mogen de e-mail als onondertekend behandelen`,
  'audit.dkim-issue.bad-tag-value': (p) => `${code(p.value)} is geen geldige waarde voor ${code(p.tag + '=')}`,
  'audit.dkim-issue.empty-value': (p) => `de tag ${code(p.tag + '=')} heeft geen waarde`,
  'audit.dkim-issue.missing-semicolon': (p) => `er ontbreekt een ${code(';')} vóór ${code(p.value + '=')}`,
  'audit.dkim-issue.escaped-semicolon': () => `een backslash vóór ${code(';')} hoort bij de zonebestand-syntax, niet bij het record`,
  'audit.dkim-issue.duplicate-tag': (p) => `de tag ${code(p.tag + '=')} komt meer dan één keer voor, waardoor het record ongeldig is`,
  'audit.dkim-issue.unknown-tag': (p) =>
    p.suggestion === '' ? `onbekende tag ${code(p.tag + '=')}; verificateurs negeren die` : `onbekende tag ${code(p.tag + '=')}; bedoel je ${code(p.suggestion + '=')}? (tags zijn hoofdlettergevoelig)`,
  'audit.dkim-issue.bad-tag-name': (p) => `${code(p.value)} is geen geldige tagnaam`,
  'audit.dkim-issue.missing-equals': (p) => `${code(p.value)} heeft geen ${code('=')} tussen tagnaam en waarde`,
  'audit.dkim-issue.empty-term': () => `twee scheidingstekens zonder iets ertussen`,
  'audit.dkim-issue.bad-whitespace': (p) => `alleen spaties, tabs en regeleinden mogen tags scheiden, niet ${p.value}`,
  'audit.dkim-issue.bad-selector': (p) =>
    p.reason === 'empty'
      ? `de selector is leeg`
      : p.reason === 'too-long'
        ? `de selector ${code(p.value)} maakt de DNS-naam te lang`
        : `${code(p.value)} is geen geldige selector: letters, cijfers en streepjes binnenin, gescheiden door punten`,
  'audit.dkim-issue.bad-domain': (p) => `${code(p.value)} is geen geldige domeinnaam`,

  // ── DMARC ─────────────────────────────────────────────────────────────────────────────
  'audit.dmarc-missing.message': (p) =>
    p.target === p.domain
      ? `${p.domain} heeft geen DMARC-record bij ${code('_dmarc.' + p.domain)}: ontvangers krijgen geen beleid voor e-mail die SPF en DKIM niet doorstaat, en jij krijgt geen rapporten.`
      : `${p.domain} en zijn organisatiedomein ${p.target} hebben allebei geen DMARC-record: ontvangers krijgen geen beleid voor e-mail die SPF en DKIM niet doorstaat, en jij krijgt geen rapporten.`,
  'audit.dmarc-missing.fix': (p) =>
    `Publiceer een TXT-record bij ${code('_dmarc.' + p.domain)}, om te beginnen ${code('v=DMARC1; p=none; rua=mailto:…')} om rapporten te ontvangen, en ga daarna naar ${code('p=quarantine')} en ${code('p=reject')}.`,
  'audit.dmarc-multiple-records.message': (p) => `${p.name} heeft ${p.count} DMARC-records; ontvangers negeren ze allemaal, alsof er geen is, en zoeken verder omhoog in de DNS-boom (RFC 9989 §4.10).`,
  'audit.dmarc-multiple-records.fix': (p) => `Houd één ${code('v=DMARC1')}-record over bij ${p.name}.`,
  'audit.dmarc-syntax.message': (p) => `DMARC-record bij ${p.name}: ${p.problem}.`,
  'audit.dmarc-syntax.fix': () => `Verbeter de tag (RFC 7489 §6.3 noemt de tags en hun waarden).`,
  'audit.dmarc-syntax.fix-ignored': () => `Verbeter het record: zoals het nu is, negeren ontvangers het en passen ze geen DMARC-beleid toe.`,
  'audit.dmarc-policy-none.message': (p) =>
    `Het DMARC-record bij ${p.name} heeft ${code(p.tag + '=none')}: ontvangers rapporteren alleen en doen niets met e-mail die niet slaagt (alleen monitoren).`,
  'audit.dmarc-policy-none.fix': () => `Zodra de rapporten laten zien dat al je eigen e-mail slaagt, ga je naar ${code('p=quarantine')} en daarna naar ${code('p=reject')}.`,
  'audit.dmarc-org-domain.message': (p) =>
    `${p.domain} heeft geen eigen DMARC-record; het record van het organisatiedomein ${p.target} geldt, met zijn ${code('sp=')}-beleid (RFC 9989 §4.10.1).`,
  'audit.dmarc-psd-policy.message': (p) =>
    `${p.domain} en zijn organisatiedomein ${p.organization} hebben allebei geen DMARC-record; het record van het publieke suffix ${p.target} (${code('psd=y')}) geldt, met zijn ${code('sp=')}-beleid (RFC 9989 §4.10.1). Publiceer een eigen record om zelf je beleid te kiezen.`,
  'audit.dmarc-rfc7489-differs.message': (p) =>
    `Ontvangers die nog RFC 7489 volgen (de Public Suffix List) lezen dit anders: organisatiedomein ${p.pslOrganization} in plaats van ${p.organization} (RFC 9989, DNS tree walk), en ${p.pslName === 'none' ? 'geen DMARC-record' : p.pslName === 'unavailable' ? 'een record dat niet op te zoeken was' : 'het record bij ' + p.pslName} in plaats van ${p.name === 'none' ? 'geen' : 'het record bij ' + p.name}.`,
  'audit.dmarc-report-unauthorized.message': (p) =>
    `${code(p.tag + '=')} stuurt rapporten naar ${code(p.value)}, buiten ${p.domain}, maar bij ${p.name} staat geen ${code('v=DMARC1')}-record dat dat toestaat; ontvangers sturen ze daarom niet (RFC 7489 §7.1).`,
  'audit.dmarc-report-unauthorized.fix': (p) =>
    `Vraag de ontvanger van de rapporten om ${code('v=DMARC1')} te publiceren bij ${p.name}, of laat de rapporten naar een adres bij ${p.domain} gaan.`,

  'audit.dmarc-issue.missing-version': () => `het record begint niet met ${code('v=DMARC1')}, dus ontvangers negeren het`,
  'audit.dmarc-issue.version-not-first': () => `de tag ${code('v=')} moet de eerste tag zijn, dus ontvangers negeren dit record`,
  'audit.dmarc-issue.bad-version': (p) => `de versie moet precies ${code('DMARC1')} zijn, niet ${code(p.value)}, dus ontvangers negeren dit record`,
  'audit.dmarc-issue.missing-policy': () => `de verplichte tag ${code('p=')} ontbreekt en er is geen geldige ${code('rua=')}, dus ontvangers negeren dit record`,
  'audit.dmarc-issue.unknown-policy': (p) => `${code(p.value)} is geen beleid voor ${code(p.tag + '=')}; gebruik none, quarantine of reject`,
  'audit.dmarc-issue.policy-fallback-none': (p) =>
    p.tag === 'p'
      ? `zonder geldige ${code('p=')} doen ontvangers alsof er ${code('p=none')} staat, omdat ${code('rua=')} aanwezig is`
      : `omdat ${code(p.tag + '=')} ongeldig is, doen ontvangers alsof er ${code('p=none')} staat (${code('rua=')} is aanwezig)`,
  'audit.dmarc-issue.policy-not-second': () =>
    `ontvangers volgens RFC 7489 verwachten ${code('p=')} direct na ${code('v=DMARC1')} (RFC 9989 staat elke volgorde toe)`,
  'audit.dmarc-issue.removed-tag': (p) =>
    p.tag === 'pct'
      ? `${code('pct=')} is geschrapt in RFC 9989: ontvangers die die volgen passen het beleid op alle e-mail toe, ontvangers volgens RFC 7489 op ${p.value}% ervan; gebruik ${code('t=y')} voor een testfase`
      : `${code(p.tag + '=')} is geschrapt in RFC 9989; ontvangers negeren die tag`,
  'audit.dmarc-issue.bad-tag-value': (p) => `${code(p.value)} is geen geldige waarde voor ${code(p.tag + '=')}; de standaardwaarde geldt`,
  'audit.dmarc-issue.empty-value': (p) => `de tag ${code(p.tag + '=')} heeft geen waarde`,
  'audit.dmarc-issue.missing-semicolon': (p) => `er ontbreekt een ${code(';')} vóór ${code(p.value + '=')}`,
  'audit.dmarc-issue.escaped-semicolon': () => `een backslash vóór ${code(';')} hoort bij de zonebestand-syntax, niet bij het record`,
  'audit.dmarc-issue.bad-uri': (p) => `${code(p.value)} in ${code(p.tag + '=')} is geen geldige DMARC-URI: ${dmarcUriProblem(p.reason)}`,
  'audit.dmarc-issue.unsupported-uri-scheme': (p) => `ontvangers hoeven alleen ${code('mailto:')}-URI's te ondersteunen, niet ${code(p.value + ':')}`,
  'audit.dmarc-issue.too-many-uris': (p) => `${code(p.tag + '=')} noemt ${p.count} URI's; ontvangers hoeven er maar naar ${p.limit} te sturen`,
  'audit.dmarc-issue.duplicate-tag': (p) => `de tag ${code(p.tag + '=')} komt meer dan één keer voor; alleen de eerste telt`,
  'audit.dmarc-issue.unknown-tag': (p) =>
    p.suggestion === '' ? `onbekende tag ${code(p.tag + '=')}; ontvangers negeren die` : `onbekende tag ${code(p.tag + '=')}; bedoel je ${code(p.suggestion + '=')}?`,
  'audit.dmarc-issue.bad-tag-name': (p) => `${code(p.value)} is geen geldige tagnaam`,
  'audit.dmarc-issue.missing-equals': (p) => `${code(p.value)} heeft geen ${code('=')} tussen tagnaam en waarde`,
  'audit.dmarc-issue.empty-term': () => `twee scheidingstekens zonder iets ertussen`,
  'audit.dmarc-issue.leading-whitespace': () => `het record hoort met ${code('v=DMARC1')} te beginnen, zonder witruimte vooraan`,
  'audit.dmarc-issue.bad-whitespace': (p) => `alleen spaties en tabs mogen tags scheiden, niet ${p.value}`,

  // ── MX ────────────────────────────────────────────────────────────────────────────────
  'audit.mx-missing.message': (p) =>
    `${p.domain} heeft geen MX-records: e-mail ernaartoe gaat naar het eigen adres van het domein, als dat er is (RFC 5321 §5.1), dus antwoorden, bounces en rapporten kunnen verloren gaan.`,
  'audit.mx-missing.fix': (p) => `Publiceer MX-records voor ${p.domain}, of een null-MX (${code('MX 0 .')}, RFC 7505) als het domein geen e-mail ontvangt.`,
  'audit.mx-null.message': (p) => `${p.domain} publiceert een null-MX (RFC 7505): het ontvangt geen e-mail.`,
  'audit.mx-unresolvable.message': (p) =>
    `De mailserver ${p.name} (MX ${p.count}) van ${p.domain} heeft geen A- of AAAA-record: e-mail kan daar niet worden afgeleverd.`,
  'audit.mx-unresolvable.fix': (p) => `Geef ${p.name} een adres, of verbeter het MX-record.`,

  // ── DNS ───────────────────────────────────────────────────────────────────────────────
  'audit.dns-unavailable.message': (p) =>
    `Niet te controleren: de ${p.type}-lookup van ${p.name} ${p.answer === 'timeout' ? 'kreeg niet op tijd antwoord' : 'is mislukt (SERVFAIL)'}${p.detail ? ` (${p.detail})` : ''}. Dat is iets anders dan "geen record".`,
  'audit.dns-unavailable.fix': () => `Probeer het later opnieuw; blijft het mislukken, vraag dan de DNS-beheerder van het domein de nameservers na te kijken.`,

  'audit.dns-resolver-unreachable.message': (p) =>
    `Niet te controleren: ${resolverTextNl(p.resolver)}, dus geen enkele lookup van deze controle kon worden gedaan. Dit zegt niets over het domein.`,
  'audit.dns-resolver-unreachable.fix': () =>
    `Bij het domein hoeft niets te veranderen: wie deze spfkit beheert, moet nagaan of de DNS-resolver (${code('--dns')}, ${code('DNS_SERVERS')} of /etc/resolv.conf) draait en bereikbaar is, en daarna opnieuw controleren.`,

  // ── Samenvatting per onderdeel ────────────────────────────────────────────────────────
  'audit.summary.resolver-unreachable': () => `niet gecontroleerd: de eigen DNS-resolver van spfkit was niet bereikbaar`,
  'audit.summary.unavailable': () => `niet te controleren: een DNS-lookup is mislukt`,
  'audit.summary.spf-record': (p) => `${code(p.text)} (${p.count} van ${p.limit} DNS-lookups)`,
  'audit.summary.spf-none': (p) => `geen SPF-record bij ${p.domain}`,
  'audit.summary.spf-multiple': (p) => `${p.count} SPF-records bij ${p.domain}`,
  'audit.summary.dkim-keys': (p) => `${p.names.length === 1 ? 'sleutel' : 'sleutels'} gevonden voor selector ${joinList(p.names, 'en')}`,
  'audit.summary.dkim-none': (p) => `geen sleutel gevonden (${p.count} ${p.count === 1 ? 'selector' : 'selectors'} geprobeerd)`,
  'audit.summary.dmarc-record': (p) => `${code(p.text)} (beleid ${p.policy})`,
  'audit.summary.dmarc-none': (p) => `geen DMARC-record voor ${p.domain}`,
  'audit.summary.dmarc-multiple': (p) => `${p.count} DMARC-records bij ${p.name}`,
  'audit.summary.dmarc-ignored': (p) => `ontvangers negeren het record bij ${p.name}`,
  'audit.summary.mx-hosts': (p) => `mailservers ${p.names.join(', ')}`,
  'audit.summary.mx-none': (p) => `geen MX-records voor ${p.domain}`,
  'audit.summary.mx-null': (p) => `null-MX: ${p.domain} ontvangt geen e-mail`,

  // ── Labels van `spfkit audit` ─────────────────────────────────────────────────────────
  'audit.verdict.ok': () => `in orde`,
  'audit.verdict.warning': () => `waarschuwing`,
  'audit.verdict.error': () => `fout`,
  'audit.verdict.unknown': () => `niet te controleren`,
  'audit.verdict.not-found': () => `niet gevonden`,
  'audit.cli.title': (p) => `Controle van ${p.domain}: cijfer ${p.grade}`,
  'audit.cli.no-grade': (p) => `Controle van ${p.domain}: geen cijfer — de eigen DNS-resolver van spfkit was niet bereikbaar`,
  'audit.cli.fix': () => `Oplossing`,
  'audit.cli.tree': () => `DNS-lookups per tak`,
};
