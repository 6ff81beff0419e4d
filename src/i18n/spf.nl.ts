/**
 * SPF-zinnen in het Nederlands: dezelfde sleutels als spf.en.ts (afgedwongen door
 * `Translation<typeof spfEn>`). Woordkeus zoals in de Nederlandse hulppagina's: "heeft geen
 * SPF-record gepubliceerd", "geautoriseerd", "softfail: de e-mail kan als spam worden
 * gemarkeerd".
 */
import { capitalize, code, codeTerm, groupDigits, joinList } from './format.ts';
import type { RecordRef, ResolverWords, spfEn } from './spf.en.ts';
import type { Translation } from './types.ts';

const viaText = (r: RecordRef): string => r.via.map(code).join(' → ');

const recordOf = (r: RecordRef): string =>
  r.via.length === 0 ? `het SPF-record van ${r.domain}` : `het SPF-record van ${r.domain} (bereikt via ${viaText(r)})`;

const domainOf = (r: RecordRef): string => (r.via.length === 0 ? r.domain : `${r.domain} (bereikt via ${viaText(r)})`);

const detailOf = (detail: string | undefined): string => (detail ? `: ${detail}` : '');

/** Zie spf.en.ts. */
export const resolverTextNl = (r: ResolverWords): string => {
  const servers = joinList(r.servers.map(code), 'en');
  const detail = r.detail ? ` (${r.detail})` : '';
  return r.error === 'refused'
    ? `de DNS-resolver die spfkit gebruikt, ${servers}, weigerde de verbinding${detail}: daar beantwoordt niets DNS-vragen`
    : `de DNS-resolver die spfkit gebruikt, ${servers}, gaf geen antwoord${detail}`;
};

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const spfNl: Translation<typeof spfEn> = {
  // ── Kopregels ─────────────────────────────────────────────────────────────────────────
  'spf.headline.pass': (p) => `${p.domain} heeft ${p.host} geautoriseerd om namens het domein e-mail te versturen.`,
  'spf.headline.fail': (p) =>
    `${p.domain} heeft met SPF verklaard dat het geen e-mail verstuurt via ${p.host}; ontvangers kunnen de e-mail daarom weigeren.`,
  'spf.headline.softfail': (p) => `${p.domain} heeft ${p.host} niet geautoriseerd: softfail, de e-mail kan als spam worden gemarkeerd.`,
  'spf.headline.neutral': (p) =>
    `${p.domain} doet geen uitspraak over ${p.host} (neutral): ontvangers behandelen de e-mail alsof er geen SPF-beleid is.`,
  'spf.headline.none': (p) => `${p.domain} heeft geen SPF-record gepubliceerd.`,
  'spf.headline.invalid-domain': (p) => `“${p.domain}” is geen bruikbare domeinnaam, dus er is geen SPF-beleid om te controleren.`,
  'spf.headline.temperror': (p) => `Het SPF-beleid van ${p.domain} kon niet worden gecontroleerd, omdat een DNS-lookup mislukte (temperror).`,
  'spf.headline.resolver-unreachable': (p) =>
    `Het SPF-beleid van ${p.domain} kon niet worden gecontroleerd: de eigen DNS-resolver van spfkit was niet bereikbaar (temperror).`,
  'spf.headline.permerror': (p) => `Het SPF-beleid van ${p.domain} kan niet worden beoordeeld, omdat er een fout in zit (permerror).`,

  // ── Redenen ───────────────────────────────────────────────────────────────────────────
  'spf.reason.matched': (p) => `${codeTerm(p.term)} in ${recordOf(p.record)} komt overeen met ${p.ip}${p.why ? `: ${p.why}` : ''}.`,
  'spf.why.a': (p) => (p.widened ? `het ligt in hetzelfde netwerk als een adres van ${p.target}` : `${p.target} heeft dat adres`),
  'spf.why.mx': (p) =>
    p.widened ? `het ligt in hetzelfde netwerk als een mailserver (MX) van ${p.target}` : `het is een adres van een mailserver (MX) van ${p.target}`,
  'spf.why.ptr': (p) => `de bevestigde reverse-DNS-naam eindigt op ${p.target}`,
  'spf.why.exists': (p) => `de naam ${p.target} bestaat`,
  'spf.reason.all-pass': (p) =>
    `${capitalize(recordOf(p.record))} eindigt op ${codeTerm(p.term)}, dat elke server op internet autoriseert, ook ${p.ip}.`,
  'spf.reason.all-fail': (p) =>
    `${capitalize(recordOf(p.record))} noemt ${p.ip} niet en eindigt op ${codeTerm(p.term)}: elke server die het niet noemt, wordt geweigerd.`,
  'spf.reason.all-softfail': (p) =>
    `${capitalize(recordOf(p.record))} noemt ${p.ip} niet en eindigt op ${codeTerm(p.term)}: servers die het niet noemt zijn niet geautoriseerd, maar ontvangers horen hun e-mail toch te accepteren (vaak in de spammap).`,
  'spf.reason.all-neutral': (p) =>
    `${capitalize(recordOf(p.record))} noemt ${p.ip} niet en eindigt op ${codeTerm(p.term)}: het zegt niets over servers die het niet noemt.`,
  'spf.reason.no-match': (p) =>
    `Geen enkele term van ${recordOf(p.record)} komt overeen met ${p.ip}, en het record heeft geen ${code('all')}: het zegt niets over servers die het niet noemt (RFC 7208 §4.7).`,
  'spf.reason.no-record-nxdomain': (p) =>
    `Het domein ${p.domain} bestaat niet in de DNS (NXDOMAIN); veel ontvangers weigeren e-mail van een domein dat niet bestaat.`,
  'spf.reason.no-record-nodata': (p) =>
    `${p.domain} heeft geen TXT-records; ontvangers beslissen op andere gronden (de e-mail wordt meestal gewoon bezorgd).`,
  'spf.reason.no-record-no-spf': (p) =>
    `Geen van de TXT-records van ${p.domain} begint met ${code('v=spf1')}; ontvangers beslissen op andere gronden (de e-mail wordt meestal gewoon bezorgd).`,
  'spf.reason.invalid-domain': (p) => `“${p.domain}”: ${p.problem}. SPF controleert alleen volledige domeinnamen (RFC 7208 §4.3).`,
  'spf.reason.dns-timeout': (p) =>
    `De ${p.type}-lookup van ${p.name}, nodig voor ${recordOf(p.record)}, kreeg niet op tijd antwoord (timeout${detailOf(p.detail)}).`,
  'spf.reason.dns-refused': (p) =>
    `De ${p.type}-lookup van ${p.name}, nodig voor ${recordOf(p.record)}, kon niet worden gedaan: de verbinding met de DNS-server werd geweigerd${detailOf(p.detail)} (op dat adres beantwoordt niets DNS-vragen; dit is geen timeout).`,
  'spf.reason.resolver-unreachable': (p) =>
    `${capitalize(resolverTextNl(p.resolver))}, dus er kon helemaal geen lookup worden gedaan. Dit zegt niets over de DNS van ${p.domain}.`,
  'spf.resolver.unreachable': (p) => resolverTextNl(p),
  'spf.reason.dns-budget': (p) =>
    `Deze checker is gestopt bij de ${p.type}-lookup van ${p.name}, nodig voor ${recordOf(p.record)}: de controle had meer nodig dan de ${p.limit} DNS-query's die deze server één verzoek toestaat. Dat is de grens van de server, geen fout in de DNS van het domein.`,
  'spf.reason.dns-servfail': (p) =>
    `De ${p.type}-lookup van ${p.name}, nodig voor ${recordOf(p.record)}, is mislukt: de DNS-server antwoordde met een fout (SERVFAIL${detailOf(p.detail)}).`,
  'spf.reason.multiple-records': (p) =>
    `${domainOf(p.record)} publiceert ${p.count} SPF-records (TXT-records die met ${code('v=spf1')} beginnen); dat moet er precies één zijn (RFC 7208 §4.5).`,
  'spf.reason.syntax': (p) =>
    `${capitalize(recordOf(p.record))} bevat een syntaxfout op kolom ${p.column}: ${p.problem}${p.more > 0 ? ` (en nog ${count(p.more, 'probleem', 'problemen')})` : ''}.`,
  'spf.reason.lookup-limit': (p) =>
    `Voor de controle van ${p.domain} zijn meer dan ${p.limit} DNS-lookups nodig: ${codeTerm(p.term)} in ${recordOf(p.record)} was lookup nummer ${p.count} (RFC 7208 §4.6.4).`,
  'spf.reason.void-limit': (p) =>
    `Meer dan ${p.limit} DNS-lookups leverden niets op (de naam bestaat niet, of heeft geen records)${p.names.length > 0 ? `: ${p.names.join(', ')}` : ''}. De laatste was voor ${codeTerm(p.term)} in ${recordOf(p.record)} (RFC 7208 §4.6.4).`,
  'spf.reason.mx-limit': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} vindt ${p.count} mailservers (MX) bij ${p.target}, meer dan de toegestane ${p.limit} (RFC 7208 §4.6.4).`,
  'spf.reason.include-none': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} verwijst naar ${p.target}, dat geen SPF-record heeft gepubliceerd; een include van een domein zonder SPF-record is een fout (RFC 7208 §5.2).`,
  'spf.reason.redirect-none': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} verwijst door naar ${p.target}, dat geen SPF-record heeft gepubliceerd (RFC 7208 §6.1).`,
  'spf.reason.invalid-target': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} leidt naar “${p.target}”, en dat is geen bruikbare domeinnaam: ${p.problem} (RFC 7208 §4.8).`,
  'spf.reason.macro-too-long': (p) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} wordt na het invullen van de macro's langer dan ${groupDigits(p.limit, '.')} tekens.`,

  // ── Aanvullingen ──────────────────────────────────────────────────────────────────────
  'spf.note.include-no-match': (p) =>
    `${codeTerm(p.term)} kwam niet overeen: het record van ${p.target} geeft ${p.result}${p.decidedBy ? ` (${codeTerm(p.decidedBy)})` : ''} voor ${p.ip}, en binnen een include telt alleen pass als overeenkomst (RFC 7208 §5.2).`,
  'spf.note.qualified-include': (p) => `De qualifier van ${codeTerm(p.term)} maakt van die overeenkomst ${p.result}.`,
  'spf.note.exp': (p) => `De uitleg die ${p.domain} zelf publiceert (exp=): “${p.text}”`,
  'spf.note.override': (p) => `Deze controle gebruikte het kandidaat-record voor ${joinList(p.domains, 'en')}, niet het gepubliceerde.`,

  // ── Advies ────────────────────────────────────────────────────────────────────────────
  'spf.advice.authorise': (p) =>
    `Om deze server te autoriseren, voeg je ${joinList([`de ${code('include:…')} van je mailprovider`, code(p.ipTerm), ...(p.aTerm ? [code(p.aTerm)] : [])], 'of')} toe aan het SPF-record van ${p.domain}${p.before ? `, vóór ${code(p.before)}` : ''}.`,
  'spf.advice.no-all': (p) =>
    `Sluit het SPF-record van ${p.domain} af met ${code('~all')} of ${code('-all')}, zodat duidelijk is wat er gebeurt met servers die het niet noemt.`,
  'spf.advice.plus-all': (p) => `Vervang ${codeTerm(p.term)} door ${code('~all')} of ${code('-all')}: nu kan iedereen e-mail versturen namens ${p.domain}.`,
  'spf.advice.ptr': (p) =>
    `${codeTerm(p.term)} gebruikt ${code('ptr')}, dat verouderd is (RFC 7208 §5.5): het is traag en onbetrouwbaar; noem de server liever met ${code('ip4:')}, ${code('ip6:')} of ${code('a:')}.`,
  'spf.advice.publish': (p) =>
    `Om ${p.domain} te beschermen, publiceer je een TXT-record zoals ${code(p.example)} met alle servers die namens het domein e-mail versturen.`,
  'spf.advice.invalid-domain': () => `Controleer het afzenderadres (MAIL FROM) of de HELO-naam die de server gebruikt.`,
  'spf.advice.dns-budget': () =>
    `Een ontvanger heeft zo'n grens niet en beslist alleen volgens RFC 7208: controleer met ${code('spfkit check')}, of maak het record goedkoper om te evalueren (minder mx-termen, minder mailservers).`,
  'spf.advice.temperror': (p) =>
    `Ontvangers stellen de e-mail meestal uit en proberen het later opnieuw. Blijft het gebeuren, controleer dan de DNS-servers die antwoorden voor ${p.name}.`,
  'spf.advice.resolver-unreachable': () =>
    `Bij het domein hoeft niets te veranderen: wie deze spfkit beheert, moet nagaan of de DNS-resolver (${code('--dns')}, ${code('DNS_SERVERS')} of /etc/resolv.conf) draait en bereikbaar is, en daarna opnieuw controleren.`,
  'spf.advice.multiple-records': (p) =>
    `Voeg ze samen tot één TXT-record bij ${p.domain}: één keer ${code('v=spf1')}, elk mechanisme één keer en één ${code('all')} aan het eind.`,
  'spf.advice.syntax': (p) =>
    `Verbeter het SPF-record van ${p.domain}; tot die tijd kunnen ontvangers de e-mail weigeren of het SPF-beleid negeren.`,
  'spf.advice.lookup-limit': (p) =>
    `Breng het terug tot ${p.limit} of minder: vervang ${code('a')} en ${code('mx')} door ${code('ip4:')}/${code('ip6:')} en verwijder includes die niet meer worden gebruikt.${p.branches.length > 0 ? ` Lookups per include (tot de controle stopte): ${p.branches.map((b) => `${code(b.term)} ${b.count}`).join(', ')}.` : ''}`,
  'spf.advice.void-limit': () => `Verwijder of verbeter de termen die naar namen zonder records verwijzen.`,
  'spf.advice.mx-limit': (p) => `Vervang ${codeTerm(p.term)} door ${code('ip4:')}/${code('ip6:')}-reeksen of de include van de mailprovider.`,
  'spf.advice.include-none': (p) => `Controleer de spelling van ${p.target}, of verwijder ${codeTerm(p.term)} als die dienst niet meer wordt gebruikt.`,
  'spf.advice.redirect-none': (p) => `Publiceer een SPF-record bij ${p.target}, of verbeter ${codeTerm(p.term)}.`,
  'spf.advice.invalid-target': (p) => `Controleer de macro's en het domein in ${codeTerm(p.term)}.`,
  'spf.advice.macro-too-long': (p) => `Maak de macro's in ${codeTerm(p.term)} korter.`,

  // ── Waarom een naam geen bruikbare domeinnaam is ──────────────────────────────────────
  'spf.domain.empty': () => `een lege naam`,
  'spf.domain.empty-label': () => `een leeg label (twee punten achter elkaar, of een punt vooraan)`,
  'spf.domain.label-too-long': () => `een label van meer dan 63 tekens`,
  'spf.domain.too-long': () => `een naam van meer dan 253 tekens`,
  'spf.domain.single-label': () => `maar één label (een domeinnaam als example.com heeft er minstens twee)`,
  'spf.domain.bad-idn': () => `een label zonder geldige internationale (IDNA-)vorm, zoals een onzichtbaar of richting-omkerend teken of een kapot xn--label`,
  'spf.domain.bad-character': () => `een stuurteken in de naam`,
  'spf.domain.address-literal': () => `een adres zoals [192.0.2.1] in plaats van een domeinnaam`,

  // ── Invoer die helemaal niet te controleren is ──────────────────────────────────────────
  'spf.input.bad-ip': (p) => `"${p.value}" is geen IPv4- of IPv6-adres`,
  'spf.input.sender-without-domain': (p) => `afzender "${p.value}" heeft geen domein; gebruik een adres zoals info@voorbeeld.nl`,
  'spf.input.missing-helo': () => `de afzender is leeg (null reverse-path), dus er is een HELO-naam nodig`,
  'spf.input.field': (p) => `veld "${p.name}": ${p.problem}`,
  'spf.input.not-spf': (p) => `veld "${p.name}" is geen SPF-record: het moet beginnen met "v=spf1"`,
  'spf.input.not-spf-or-empty': (p) => `veld "${p.name}" is geen SPF-record: het moet beginnen met "v=spf1" ("" betekent: geen record)`,

  // ── Syntaxproblemen in een record ─────────────────────────────────────────────────────
  'spf.issue.missing-version': () => `het record begint niet met ${code('v=spf1')}`,
  'spf.issue.wrong-version': (p) => `${codeTerm(p.token)} is niet ${code('v=spf1')}`,
  'spf.issue.unknown-mechanism': (p) =>
    `${codeTerm(p.token)} is geen mechanisme of modifier (bekend zijn: a, mx, ip4, ip6, include, exists, ptr, all, redirect=, exp=)`,
  'spf.did-you-mean': (p) => `waarschijnlijk is ${codeTerm(p.term)} bedoeld`,
  'spf.issue.bad-cidr': (p) => `${codeTerm(p.token)} is geen geldige prefixlengte (IPv4 /0 tot /32, IPv6 /0 tot /128 — bij ${code('a')} en ${code('mx')} staat de IPv6-lengte na een tweede schuine streep, zoals in ${code('a/24//64')}; zonder voorloopnullen)`,
  'spf.issue.bad-address': (p) => `${codeTerm(p.token)} is geen geldig IP-adres`,
  'spf.issue.duplicate-modifier': (p) => `${code(p.token + '=')} komt meer dan één keer voor`,
  'spf.issue.bad-macro': (p) => `${codeTerm(p.token)} is geen geldige macro (RFC 7208 §7.1)`,
  'spf.issue.illegal-character': (p) => `het teken ${p.token} is niet toegestaan in een record`,
  'spf.issue.bad-domain-spec': (p) =>
    p.token === '' ? `de domeinnaam ontbreekt` : `${codeTerm(p.token)} is geen geldige domeinnaam (die moet eindigen op een topdomein zoals .nl, of op een macro)`,
  'spf.issue.missing-argument': (p) => `${codeTerm(p.token)} heeft een waarde na de dubbele punt nodig, bijvoorbeeld ${code('include:example.com')}`,
  'spf.issue.unexpected-argument': (p) => `${codeTerm(p.token)}: dit mechanisme heeft geen waarde`,
  'spf.issue.bad-modifier-name': (p) => `${codeTerm(p.token)} is geen geldige modifier (een modifier heeft geen qualifier en begint met een letter)`,
  'spf.issue.empty-term': () => `lege term`,

  'spf.problem.target-unusable': (p) => `${codeTerm(p.target)} is geen bruikbare domeinnaam (${p.problem}); het mechanisme komt niet overeen`,
  'spf.problem.macro-truncated': (p) => `${codeTerm(p.spec)} werd ${p.length} tekens lang; ingekort tot ${codeTerm(p.name)} (RFC 7208 §7.3)`,
  'spf.problem.ptr-limit': (p) => `${p.count} PTR-namen voor ${p.ip}; alleen de eerste ${p.limit} worden gebruikt (RFC 7208 §4.6.4)`,
  'spf.problem.exp-not-expanded': (p) => `${codeTerm('exp=' + p.target)} kon niet worden ingevuld, dus er is geen uitleg`,
  'spf.problem.exp-bad-target': (p) => `het exp=-doel ${codeTerm(p.target)} is geen bruikbare domeinnaam, dus er is geen uitleg`,
  'spf.problem.exp-no-txt': (p) => `geen TXT-record met uitleg op ${codeTerm(p.target)} (${p.answer})`,
  'spf.problem.exp-expansion-failed': (p) => `de uitleg op ${codeTerm(p.target)} kon niet worden ingevuld (${p.cause})`,
  'spf.problem.exp-too-long': (p) => `de uitleg op ${codeTerm(p.target)} wordt langer dan ${p.limit} tekens`,
  'spf.problem.exp-multiple': (p) => `${p.count} TXT-records op ${codeTerm(p.target)}; een uitleg moet er precies één hebben`,
  'spf.problem.exp-syntax': (p) => `de uitleg op ${codeTerm(p.target)} is geen geldige uitlegtekst: ${p.problem}`,

  // ── Uitleg van een record ─────────────────────────────────────────────────────────────
  'spf.qualifier.pass': () => `pass, de e-mail wordt doorgelaten`,
  'spf.qualifier.fail': () => `fail, de e-mail wordt niet geaccepteerd`,
  'spf.qualifier.softfail': () => `softfail, de e-mail wordt wel toegelaten, maar kan als spam worden gemarkeerd`,
  'spf.qualifier.neutral': () => `neutral, geen uitspraak: de e-mail wordt behandeld alsof er geen SPF-beleid is`,
  'spf.term.directive': (p) => `${capitalize(p.what)}: ${p.outcome}.`,
  'spf.term.version': () => `SPF versie 1: geeft aan dat dit TXT-record een SPF-record is.`,
  'spf.term.all': () => `elke server die niet door een eerdere term is genoemd`,
  'spf.term.include': (p) => `servers die het SPF-record van ${p.target} autoriseert (alleen een pass daar telt)`,
  'spf.term.a': (p) => `servers op de adressen (A/AAAA) van ${p.target ?? 'het domein zelf'}${p.cidr ? `, uitgebreid tot ${p.cidr}-netwerken` : ''}`,
  'spf.term.mx': (p) => `de mailservers (MX) van ${p.target ?? 'het domein zelf'}${p.cidr ? `, uitgebreid tot ${p.cidr}-netwerken` : ''}`,
  'spf.term.ptr': (p) => `servers waarvan de bevestigde reverse-DNS-naam eindigt op ${p.target ?? 'het domein zelf'}`,
  'spf.term.ip4': (p) =>
    p.prefix === undefined || p.prefix === 32
      ? `de server met adres ${p.address}`
      : `de ${groupDigits(2 ** (32 - p.prefix), '.')} adressen van ${p.address}/${p.prefix}`,
  'spf.term.ip6': (p) =>
    p.prefix === undefined || p.prefix === 128 ? `de server met adres ${p.address}` : `de adressen van het netwerk ${p.address}/${p.prefix}`,
  'spf.term.exists': (p) => `elke server, als de naam ${p.target} bestaat (een A-record heeft)`,
  'spf.term.redirect': (p) =>
    `Als geen mechanisme overeenkwam: gebruik in plaats daarvan het SPF-record van ${p.target} (genegeerd als het record ${code('all')} bevat).`,
  'spf.term.exp': (p) => `Bij fail: de uitleg bij de weigering komt uit het TXT-record bij ${p.target}.`,
  'spf.term.unknown-modifier': (p) => `Onbekende modifier ${code(p.name + '=')}: ontvangers negeren die.`,
  'spf.term.invalid': () => `Niet begrepen: zie de problemen hieronder.`,
  'spf.term.macros': () => `De naam bevat macro's (%{…}) die bij elke controle worden ingevuld.`,
  'spf.term.ptr-deprecated': () =>
    `${code('ptr')} is verouderd (RFC 7208 §5.5): traag en onbetrouwbaar; gebruik liever ${code('ip4:')}, ${code('ip6:')} of ${code('a:')}.`,
  'spf.term.plus-all': () => `Hiermee mag elke server ter wereld e-mail versturen namens dit domein.`,
  'spf.term.lookups': (p) => (p.count === 0 ? `geen DNS-lookup` : count(p.count, 'DNS-lookup', 'DNS-lookups')),
  'spf.record.lookups': (p) =>
    `DNS-lookups in dit record: ${p.count} van ${p.limit}. Elke include en redirect telt daar de lookups van zijn eigen record bij op.`,
  'spf.record.over-limit': (p) => `${p.count} DNS-lookups is meer dan de toegestane ${p.limit}: ontvangers geven permerror (RFC 7208 §4.6.4).`,
  'spf.record.after-all': (p) =>
    `Termen na ${code('all')} worden nooit gebruikt: ${p.terms.map(code).join(', ')}${p.more ? ` en nog ${count(p.more, 'term', 'termen')}` : ''}.`,
  'spf.record.redirect-ignored': (p) => `${codeTerm(p.term)} wordt genegeerd, omdat het record ${code('all')} bevat (RFC 7208 §6.1).`,
  'spf.record.no-all': () => `Het record heeft geen ${code('all')} en geen ${code('redirect=')}: servers die het niet noemt krijgen neutral.`,
  'spf.record.too-long': (p) =>
    `Zo niet te publiceren: het record is ${p.bytes} bytes, meer dan de ${p.limit} die in één DNS-antwoord over UDP passen (RFC 7208 §3.4), dus ontvangers die het niet via TCP opnieuw proberen zien het nooit. Verplaats adresreeksen naar een include (${code('spfkit add')} stelt subrecords voor) of verwijder termen.`,
  'spf.record.strings': (p) =>
    `Het record is ${p.bytes} bytes en een TXT-tekenreeks bevat hoogstens ${p.limit} bytes (RFC 1035 §3.3): het moet worden gesplitst in ${p.count} tekenreeksen van één TXT-record, ${code('"v=spf1 …" "… -all"')}.`,
  'spf.record.ok': () => `Geen syntaxproblemen.`,
  'spf.record.issues': (p) => count(p.count, 'syntaxprobleem', 'syntaxproblemen') + ':',
  'spf.record.issue-at': (p) => `Kolom ${p.column}: ${p.problem}.`,
  'spf.record.more-terms': (p) => `… en nog ${count(p.count, 'term', 'termen')}, niet één voor één uitgelegd.`,
  'spf.record.more-issues': (p) => `… en nog ${count(p.count, 'probleem', 'problemen')}, niet getoond: los eerst deze op.`,
};
