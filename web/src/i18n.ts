/**
 * Every text of the page in English and Dutch. The explanations of a check come from the API
 * (src/i18n, in the language asked for); this table holds only the page's own words: labels,
 * buttons, headings, the meaning of each result, messages.
 *
 * Kept free of DOM APIs so that test/web/i18n.test.ts can check it under Node.
 */

export type PageLang = 'en' | 'nl';

export const PAGE_LANGS: readonly PageLang[] = ['en', 'nl'];

/** Messages: a string, or a function of named parameters. */
type Message = string | ((p: Record<string, string | number>) => string);

const en = {
  'app.title': 'spfkit — SPF, DMARC and DKIM checker',
  'app.tagline': 'Test whether a mail server may send for your domain, see why, and fix it.',
  'app.lang': 'Language',
  'app.skip': 'Skip to content',
  'app.tabs': 'Sections',
  'tab.test': 'Test',
  'tab.why': 'Why?',
  'tab.audit': 'Audit',
  'tab.onboard': 'Add a sender',

  'test.intro':
    'Fill in the sending server’s IP address and the sender address. Test the policy published in DNS, or a new policy before you change DNS. Only “pass” is good: anything else may land in spam or be refused.',
  'test.ip': 'IP address of the sending server',
  'test.ip.hint': 'For example your provider’s test address, such as 212.83.209.204.',
  'test.sender': 'Sender address (MAIL FROM)',
  'test.sender.hint': 'Your e-mail address, e.g. info@yourdomain.nl.',
  'test.helo': 'HELO/EHLO name (optional)',
  'test.policy': 'Which policy',
  'test.policy.published': 'The policy published in DNS',
  'test.policy.candidate': 'Test a new policy (before changing DNS)',
  'test.candidate': 'New SPF record to test',
  'test.candidate.hint': 'Starts as the record published now. Add your provider’s include (e.g. include:spf.coachview.net) and test.',
  'test.candidate.load': 'Load the published record',
  'test.candidate.loading': 'Loading the published record…',
  'test.candidate.none': (p) => `${p.domain} has no SPF record yet; start from “v=spf1 … ~all”.`,
  'test.candidate.empty': 'The box is empty: paste the record you want to test, or choose “The policy published in DNS”.',
  'test.submit': 'Test',
  'test.running': 'Testing…',
  'test.copyLink': 'Copy “Why?” link',

  'result.heading': 'Result',
  'result.pass': 'Pass — this server may send for the domain. Good.',
  'result.fail': 'Fail — the domain says this server may not send for it. Mail is likely refused.',
  'result.softfail': 'Softfail — the domain says this server is probably not allowed. Mail often lands in spam.',
  'result.neutral': 'Neutral — the domain says nothing about this server. Receivers decide themselves.',
  'result.none': 'None — no SPF policy to check. Receivers decide themselves.',
  'result.temperror': 'Temporary error — DNS could not be asked now. Try again later.',
  'result.permerror': 'Permanent error — the SPF record is broken. Receivers may refuse the mail.',
  'result.advice': 'What to do',
  'result.lookups': (p) => `DNS lookups: ${p.count} of ${p.limit}`,
  'result.matched': (p) => `Decided by ${p.term} in the record of ${p.domain}`,

  'tree.heading': 'How the policy was evaluated',
  'tree.caption': 'Each box is one SPF record; includes are nested inside. The term that decided is marked.',
  'tree.lookups': (p) => `${p.count} ${Number(p.count) === 1 ? 'lookup' : 'lookups'}`,
  'tree.branch': (p) => `${p.count} with includes`,
  'tree.noRecord': 'no SPF record',
  'tree.notFetched': 'SPF record not fetched: the DNS lookup failed (temperror), which is not the same as “no record”',
  'tree.override': 'new policy (not in DNS)',
  'tree.matched': 'decided here',
  'tree.error': 'error here',
  'tree.notReached': 'not evaluated',
  'tree.syntax': 'syntax error here',
  'tree.legend.outline': 'Key: a term that matched is outlined in the colour of the result it gives.',
  'tree.legend.error': 'error (temperror, permerror)',
  'tree.legend.decided': 'decided the result',
  'tree.legend.noMatch': 'checked, did not match',
  'tree.legend.skipped': 'not evaluated',
  'tree.legend.badge':
    'The badge beside a domain is that record’s own result. An include counts only when its record passes: a fail or softfail inside it only means that the include did not match (RFC 7208 §5.2).',
  'tree.via.root': 'checked domain',
  'tree.via.include': 'include',
  'tree.via.redirect': 'redirect',

  'why.intro': 'Why was a message accepted, marked or refused? This page recomputes the SPF check for a sender and server, and explains it.',
  'why.scope': 'Identity checked',
  'why.scope.mfrom': 'MAIL FROM (sender address)',
  'why.scope.helo': 'HELO name',
  'why.identity': 'Sender address or HELO name',
  'why.ip': 'IP address of the sending server',
  'why.submit': 'Explain',
  'why.share': 'Link to this explanation',
  'why.missing': 'Fill in the identity and the IP address.',

  'audit.intro': 'Checks a domain’s SPF, DMARC and DKIM records and lists what to fix, most important first.',
  'audit.domain': 'Domain',
  'audit.selectors': 'DKIM selectors (optional, comma-separated)',
  'audit.submit': 'Audit',
  'audit.running': 'Auditing…',
  'audit.unavailable': 'The audit is not available on this server yet.',
  'audit.none': 'No problems found.',
  'audit.fix': 'Fix',
  'audit.grade': 'Grade',
  'audit.noGrade': 'No grade: nothing could be checked',
  'audit.count': (p) => `${p.count} ${Number(p.count) === 1 ? 'finding' : 'findings'}`,
  'severity.error': 'Errors',
  'severity.warning': 'Warnings',
  'severity.info': 'Information',
  'verdict.ok': 'good',
  'verdict.warning': 'could be better',
  'verdict.error': 'needs fixing',
  'verdict.unknown': 'could not be checked',
  'verdict.not-found': 'not found',

  'onboard.intro': 'Add a sending service to a domain’s SPF record: pick your provider or type a mechanism, and get the record to publish, checked before you touch DNS.',
  'onboard.domain': 'Your domain',
  'onboard.provider': 'Provider',
  'onboard.provider.custom': 'Other: type a mechanism',
  'onboard.provider.loading': 'Loading providers…',
  'onboard.mechanism': 'Mechanism to add',
  'onboard.mechanism.hint': 'e.g. include:spf.coachview.net, a:smtp1.blueinkt.com or ip4:82.94.214.5',
  'onboard.record': 'Start from this record (optional; empty = the published one)',
  'onboard.submit': 'Make the record',
  'onboard.running': 'Working it out…',
  'onboard.publish': (p) => `Publish this TXT record at ${p.domain}:`,
  'onboard.unchanged': 'The sender is already authorised; nothing needs to change.',
  'onboard.blocked': 'No record can be made yet:',
  'onboard.copy': 'Copy record',
  'onboard.copied': 'Copied to the clipboard.',
  'onboard.copyFailed': 'Could not copy; select the text and copy it by hand.',
  'onboard.before': 'Now',
  'onboard.after': 'After',
  'onboard.lookups': 'DNS lookups (max 10)',
  'onboard.bytes': 'Length (bytes)',
  'onboard.noRecord': 'no record',
  'onboard.strings': 'Too long for one TXT string: publish it as these strings in one record.',
  'onboard.subRecords': 'Also publish these records:',
  'onboard.verified': 'Verified: the sender passes and other servers keep their result.',
  'onboard.verified.sender': 'Verified: the sender passes. Other servers get a different result:',
  'onboard.othersChange': (p) => `${p.before} → ${p.after} for servers not in the record (tested with ${p.ips}): the new “all” at the end decides for them.`,
  'onboard.notVerified': 'Verification found problems:',
  'onboard.notes': 'Notes',
  'onboard.zone': 'As a zone-file line',
  'onboard.issue.syntax': 'The record to start from has a syntax error; fix it first:',
  'onboard.issue.multiple': (p) => `${p.domain} publishes ${p.count} SPF records, which makes SPF fail (permerror); merge them into one first.`,
  'onboard.issue.dns': (p) => `The record of ${p.domain} could not be fetched (${p.answer}); try again later.`,

  'error.network': 'The server could not be reached.',
  'error.http': (p) => `The server answered with an error (${p.status}).`,
  'error.required': (p) => `Fill in: ${p.field}.`,
  'error.input': 'Please correct what is marked:',
  'error.rateLimited': (p) =>
    `Too many checks from your address in a short time. Try again in ${p.seconds} ${Number(p.seconds) === 1 ? 'second' : 'seconds'} (at ${p.time}).`,
  'error.rateLimited.later': 'Too many checks from your address in a short time. Try again in a minute.',
  'error.dnsBudget': (p) =>
    `Your recent checks from this address asked DNS so much that this server pauses you to protect the DNS servers involved. Try again in ${p.seconds} ${Number(p.seconds) === 1 ? 'second' : 'seconds'} (at ${p.time}).`,
  'error.dnsBudget.later': 'Your recent checks from this address asked DNS so much that this server pauses you to protect the DNS servers involved. Try again in a minute.',
  'copy.done': 'Link copied.',
  'copy.failed': 'Could not copy; the link is shown below.',
  'footer': 'spfkit checks SPF (RFC 7208), DMARC and DKIM. Nothing you type leaves this server.',
} satisfies Record<string, Message>;

export type PageKey = keyof typeof en;

/** Dutch: every English key, and only those (the compiler checks; so does test/web/i18n.test.ts). */
const nl: { [K in PageKey]: (typeof en)[K] extends string ? string : Message } = {
  'app.title': 'spfkit — SPF-, DMARC- en DKIM-controle',
  'app.tagline': 'Test of een mailserver namens je domein mag versturen, zie waarom, en los het op.',
  'app.lang': 'Taal',
  'app.skip': 'Naar de inhoud',
  'app.tabs': 'Onderdelen',
  'tab.test': 'Testen',
  'tab.why': 'Waarom?',
  'tab.audit': 'Controle',
  'tab.onboard': 'Afzender toevoegen',

  'test.intro':
    'Vul het IP-adres van de verzendende server en het afzenderadres in. Test het beleid dat in de DNS staat, of een nieuw beleid voordat je de DNS aanpast. Alleen “pass” is goed: elke andere uitkomst kan in de spam belanden of geweigerd worden.',
  'test.ip': 'IP-adres van de verzendende server',
  'test.ip.hint': 'Bijvoorbeeld het testadres van je provider, zoals 212.83.209.204.',
  'test.sender': 'Afzenderadres (MAIL FROM)',
  'test.sender.hint': 'Jouw e-mailadres, bijv. info@jouwdomein.nl.',
  'test.helo': 'HELO/EHLO-naam (optioneel)',
  'test.policy': 'Welk beleid',
  'test.policy.published': 'Het beleid dat in de DNS staat',
  'test.policy.candidate': 'Een nieuw beleid testen (voordat je de DNS aanpast)',
  'test.candidate': 'Nieuw SPF-record om te testen',
  'test.candidate.hint': 'Begint als het record dat nu gepubliceerd is. Voeg de include van je provider toe (bijv. include:spf.coachview.net) en test.',
  'test.candidate.load': 'Gepubliceerd record laden',
  'test.candidate.loading': 'Gepubliceerd record laden…',
  'test.candidate.none': (p) => `${p.domain} heeft nog geen SPF-record; begin met “v=spf1 … ~all”.`,
  'test.candidate.empty': 'Het vak is leeg: plak het record dat je wilt testen, of kies “Het beleid dat in de DNS staat”.',
  'test.submit': 'Testen',
  'test.running': 'Bezig met testen…',
  'test.copyLink': '“Waarom?”-link kopiëren',

  'result.heading': 'Uitkomst',
  'result.pass': 'Pass — deze server mag namens het domein versturen. Goed.',
  'result.fail': 'Fail — het domein zegt dat deze server niet namens hem mag versturen. De mail wordt waarschijnlijk geweigerd.',
  'result.softfail': 'Softfail — het domein zegt dat deze server waarschijnlijk niet mag versturen. De mail komt vaak in de spam.',
  'result.neutral': 'Neutral — het domein zegt niets over deze server. Ontvangers beslissen zelf.',
  'result.none': 'None — er is geen SPF-beleid om te controleren. Ontvangers beslissen zelf.',
  'result.temperror': 'Tijdelijke fout — de DNS kon nu niet worden bevraagd. Probeer het later opnieuw.',
  'result.permerror': 'Permanente fout — het SPF-record is kapot. Ontvangers kunnen de mail weigeren.',
  'result.advice': 'Wat te doen',
  'result.lookups': (p) => `DNS-lookups: ${p.count} van ${p.limit}`,
  'result.matched': (p) => `Beslist door ${p.term} in het record van ${p.domain}`,

  'tree.heading': 'Hoe het beleid is doorlopen',
  'tree.caption': 'Elk vak is één SPF-record; includes staan erin genest. De term die besliste is gemarkeerd.',
  'tree.lookups': (p) => `${p.count} ${Number(p.count) === 1 ? 'lookup' : 'lookups'}`,
  'tree.branch': (p) => `${p.count} met includes`,
  'tree.noRecord': 'geen SPF-record',
  'tree.notFetched': 'SPF-record niet opgehaald: de DNS-lookup is mislukt (temperror), en dat is iets anders dan “geen record”',
  'tree.override': 'nieuw beleid (niet in de DNS)',
  'tree.matched': 'hier beslist',
  'tree.error': 'hier ging het mis',
  'tree.notReached': 'niet doorlopen',
  'tree.syntax': 'syntaxfout hier',
  'tree.legend.outline': 'Legenda: een term die overeenkwam is omlijnd in de kleur van het resultaat dat hij geeft.',
  'tree.legend.error': 'fout (temperror, permerror)',
  'tree.legend.decided': 'besliste het resultaat',
  'tree.legend.noMatch': 'gecontroleerd, kwam niet overeen',
  'tree.legend.skipped': 'niet doorlopen',
  'tree.legend.badge':
    'Het label naast een domein is het resultaat van dat record zelf. Een include telt alleen als dat record pass geeft: een fail of softfail erin betekent alleen dat de include niet overeenkwam (RFC 7208 §5.2).',
  'tree.via.root': 'gecontroleerd domein',
  'tree.via.include': 'include',
  'tree.via.redirect': 'redirect',

  'why.intro': 'Waarom is een bericht geaccepteerd, gemarkeerd of geweigerd? Deze pagina doet de SPF-controle opnieuw voor een afzender en server, en legt die uit.',
  'why.scope': 'Gecontroleerde identiteit',
  'why.scope.mfrom': 'MAIL FROM (afzenderadres)',
  'why.scope.helo': 'HELO-naam',
  'why.identity': 'Afzenderadres of HELO-naam',
  'why.ip': 'IP-adres van de verzendende server',
  'why.submit': 'Uitleggen',
  'why.share': 'Link naar deze uitleg',
  'why.missing': 'Vul de identiteit en het IP-adres in.',

  'audit.intro': 'Controleert de SPF-, DMARC- en DKIM-records van een domein en zet op een rij wat je moet verbeteren, het belangrijkste eerst.',
  'audit.domain': 'Domein',
  'audit.selectors': 'DKIM-selectors (optioneel, gescheiden door komma’s)',
  'audit.submit': 'Controleren',
  'audit.running': 'Bezig met controleren…',
  'audit.unavailable': 'De controle is op deze server nog niet beschikbaar.',
  'audit.none': 'Geen problemen gevonden.',
  'audit.fix': 'Oplossing',
  'audit.grade': 'Cijfer',
  'audit.noGrade': 'Geen cijfer: er kon niets worden gecontroleerd',
  'audit.count': (p) => `${p.count} ${Number(p.count) === 1 ? 'bevinding' : 'bevindingen'}`,
  'severity.error': 'Fouten',
  'severity.warning': 'Waarschuwingen',
  'severity.info': 'Informatie',
  'verdict.ok': 'goed',
  'verdict.warning': 'kan beter',
  'verdict.error': 'moet worden verbeterd',
  'verdict.unknown': 'kon niet worden gecontroleerd',
  'verdict.not-found': 'niet gevonden',

  'onboard.intro': 'Voeg een verzenddienst toe aan het SPF-record van een domein: kies je provider of typ een mechanisme, en krijg het record om te publiceren, gecontroleerd voordat je de DNS aanraakt.',
  'onboard.domain': 'Jouw domein',
  'onboard.provider': 'Provider',
  'onboard.provider.custom': 'Anders: typ een mechanisme',
  'onboard.provider.loading': 'Providers laden…',
  'onboard.mechanism': 'Toe te voegen mechanisme',
  'onboard.mechanism.hint': 'bijv. include:spf.coachview.net, a:smtp1.blueinkt.com of ip4:82.94.214.5',
  'onboard.record': 'Begin met dit record (optioneel; leeg = het gepubliceerde)',
  'onboard.submit': 'Record maken',
  'onboard.running': 'Bezig met uitrekenen…',
  'onboard.publish': (p) => `Publiceer dit TXT-record bij ${p.domain}:`,
  'onboard.unchanged': 'De afzender is al toegestaan; er hoeft niets te veranderen.',
  'onboard.blocked': 'Er kan nog geen record worden gemaakt:',
  'onboard.copy': 'Record kopiëren',
  'onboard.copied': 'Gekopieerd naar het klembord.',
  'onboard.copyFailed': 'Kopiëren lukte niet; selecteer de tekst en kopieer hem zelf.',
  'onboard.before': 'Nu',
  'onboard.after': 'Straks',
  'onboard.lookups': 'DNS-lookups (max. 10)',
  'onboard.bytes': 'Lengte (bytes)',
  'onboard.noRecord': 'geen record',
  'onboard.strings': 'Te lang voor één TXT-string: publiceer het als deze strings in één record.',
  'onboard.subRecords': 'Publiceer ook deze records:',
  'onboard.verified': 'Geverifieerd: de afzender krijgt pass en andere servers houden hun uitkomst.',
  'onboard.verified.sender': 'Geverifieerd: de afzender krijgt pass. Andere servers krijgen een andere uitkomst:',
  'onboard.othersChange': (p) => `${p.before} → ${p.after} voor servers die niet in het record staan (getest met ${p.ips}): de nieuwe “all” aan het eind beslist voor hen.`,
  'onboard.notVerified': 'De verificatie vond problemen:',
  'onboard.notes': 'Opmerkingen',
  'onboard.zone': 'Als regel voor een zonebestand',
  'onboard.issue.syntax': 'Het record om mee te beginnen bevat een fout; verbeter die eerst:',
  'onboard.issue.multiple': (p) => `${p.domain} publiceert ${p.count} SPF-records, waardoor SPF mislukt (permerror); voeg ze eerst samen tot één.`,
  'onboard.issue.dns': (p) => `Het record van ${p.domain} kon niet worden opgehaald (${p.answer}); probeer het later opnieuw.`,

  'error.network': 'De server is niet bereikbaar.',
  'error.http': (p) => `De server gaf een foutmelding (${p.status}).`,
  'error.required': (p) => `Vul in: ${p.field}.`,
  'error.input': 'Verbeter wat gemarkeerd is:',
  'error.rateLimited': (p) =>
    `Te veel controles vanaf je adres in korte tijd. Probeer het over ${p.seconds} ${Number(p.seconds) === 1 ? 'seconde' : 'seconden'} opnieuw (om ${p.time}).`,
  'error.rateLimited.later': 'Te veel controles vanaf je adres in korte tijd. Probeer het over een minuut opnieuw.',
  'error.dnsBudget': (p) =>
    `Je laatste controles vanaf dit adres vroegen zoveel van DNS dat deze server je even laat wachten, om de betrokken DNS-servers te sparen. Probeer het over ${p.seconds} ${Number(p.seconds) === 1 ? 'seconde' : 'seconden'} opnieuw (om ${p.time}).`,
  'error.dnsBudget.later': 'Je laatste controles vanaf dit adres vroegen zoveel van DNS dat deze server je even laat wachten, om de betrokken DNS-servers te sparen. Probeer het over een minuut opnieuw.',
  'copy.done': 'Link gekopieerd.',
  'copy.failed': 'Kopiëren lukte niet; de link staat hieronder.',
  'footer': 'spfkit controleert SPF (RFC 7208), DMARC en DKIM. Wat je invult, verlaat deze server niet.',
};

/** The dictionary, per language. */
export const PAGE_MESSAGES: Readonly<Record<PageLang, Readonly<Record<PageKey, Message>>>> = { en, nl };

/** Keys whose message takes parameters. */
export type ParamKey = { [K in PageKey]: (typeof en)[K] extends string ? never : K }[PageKey];

/** Keys whose message is plain text. */
export type PlainKey = Exclude<PageKey, ParamKey>;

/**
 * A page text in a language.
 *
 * @example
 * pageText('nl', 'tab.test') // 'Testen'
 * pageText('en', 'result.lookups', { count: 2, limit: 10 }) // 'DNS lookups: 2 of 10'
 */
export function pageText(lang: PageLang, key: PlainKey): string;
export function pageText(lang: PageLang, key: ParamKey, params: Record<string, string | number>): string;
export function pageText(lang: PageLang, key: PageKey, params: Record<string, string | number> = {}): string {
  const message = PAGE_MESSAGES[lang][key];
  return typeof message === 'string' ? message : message(params);
}

export function isPageLang(value: string | null | undefined): value is PageLang {
  return value === 'en' || value === 'nl';
}

/**
 * The language to start in: a saved choice, else the first of the browser's languages that
 * the page speaks (`nl-BE` → `nl`), else English.
 *
 * @example
 * initialLang(undefined, ['nl-NL', 'en']) // 'nl'
 */
export function initialLang(saved: string | null | undefined, browserLangs: readonly string[]): PageLang {
  if (isPageLang(saved)) return saved;
  for (const tag of browserLangs) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isPageLang(primary)) return primary;
  }
  return 'en';
}
