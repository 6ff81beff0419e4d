/**
 * Zinnen van de afleververwachting ("wordt het geaccepteerd?", src/verdict) in het
 * Nederlands: dezelfde sleutels als verdict.en.ts (afgedwongen door `Translation<typeof verdictEn>`).
 */
import { code, joinList } from './format.ts';
import type { Translation } from './types.ts';
import type { verdictEn } from './verdict.en.ts';

const DISPOSITION: Readonly<Record<string, string>> = {
  deliver: 'ontvangers leveren hem toch af (het beleid vraagt niets)',
  quarantine: 'ontvangers wordt gevraagd hem in quarantaine (de spammap) te zetten',
  reject: 'ontvangers wordt gevraagd hem te weigeren',
  unknown: 'wat ontvangers doen is onbekend',
};

const ALIGN_MODE: Readonly<Record<string, string>> = { r: 'ruim', s: 'strikt' };

export const verdictNl: Translation<typeof verdictEn> = {
  'verdict.headline.pass': (p) => `Mail met From ${p.domain} slaagt voor DMARC: ontvangers accepteren hem op zijn authenticatie.`,
  'verdict.headline.fail': (p) =>
    `Mail met From ${p.domain} zakt voor DMARC: SPF noch DKIM slaagt voor een domein dat bij ${p.domain} aansluit, dus ${DISPOSITION[p.policy] ?? p.policy}.`,
  'verdict.headline.none': (p) => `Voor ${p.domain} geldt geen DMARC-record: ontvangers beslissen zelf, en Gmail, Yahoo en Outlook.com eisen er een van bulkverzenders.`,
  'verdict.headline.temperror': (p) => `De DMARC-uitkomst voor ${p.domain} is onbekend: een DNS-vraag kreeg geen of een foutief antwoord. Dat is niet "geen record"; vraag het later opnieuw.`,

  'verdict.spf': (p) => `SPF: ${code(p.result)} voor ${p.domain} (verzendend IP ${p.ip}).`,
  'verdict.alignment.aligned': (p) =>
    p.domain === p.fromDomain
      ? `${p.domain} is het From-domein: sluit aan (${ALIGN_MODE[p.mode] ?? p.mode}).`
      : `${p.domain} en ${p.fromDomain} hebben hetzelfde organisatiedomein ${p.organization}: sluit aan (ruim).`,
  'verdict.alignment.not-aligned': (p) =>
    p.mode === 's' ? `${p.domain} is niet ${p.fromDomain} zelf, en de aansluiting is strikt: sluit niet aan.` : `${p.domain} (organisatie ${p.organization}) hoort niet bij de organisatie van ${p.fromDomain}: sluit niet aan.`,
  'verdict.alignment.unknown': (p) => `Of ${p.domain} aansluit bij ${p.fromDomain} is onbekend: door een DNS-fout is het organisatiedomein niet bekend.`,

  'verdict.dkim.usable': (p) => `DKIM ${code(p.selector)}: een bruikbare sleutel (${p.bits} bits) op ${p.name}${p.target === '' ? '' : ` (CNAME naar ${p.target})`}; een handtekening daarmee slaagt.`,
  'verdict.dkim.missing': (p) =>
    p.target === '' ? `DKIM ${code(p.selector)}: geen sleutel op ${p.name}; een handtekening daarmee mislukt (permerror).` : `DKIM ${code(p.selector)}: ${p.name} is een CNAME naar ${p.target}, waar geen sleutel staat; een handtekening daarmee mislukt (permerror).`,
  'verdict.dkim.revoked': (p) => `DKIM ${code(p.selector)}: de sleutel op ${p.name} is ingetrokken (lege ${code('p=')}); een handtekening daarmee mislukt.`,
  'verdict.dkim.unusable': (p) => `DKIM ${code(p.selector)}: het record op ${p.name} is geen sleutel die ontvangers aanvaarden (syntax, of een RSA-sleutel onder 1024 bits); een handtekening daarmee mislukt.`,
  'verdict.dkim.multiple': (p) => `DKIM ${code(p.selector)}: ${p.name} heeft meerdere TXT-records; ontvangers mogen er een willekeurige van kiezen (RFC 6376 §3.6.2.2).`,
  'verdict.dkim.temperror': (p) => `DKIM ${code(p.selector)}: de vraag naar ${p.name} kreeg geen of een foutief antwoord: onbekend, niet afwezig.`,
  'verdict.dkim.testing': () => `De sleutel heeft ${code('t=y')} (testmodus): ontvangers mogen de mail als niet ondertekend behandelen.`,
  'verdict.dkim.none': () => `DKIM: geen ondertekensleutel opgegeven (gebruik --dkim d=<domein>,s=<selector> of --provider).`,

  'verdict.policy': (p) => `Beleid voor mail die zakt: ${code(`${p.tag}=${p.policy}`)} uit ${p.name}.`,
  'verdict.policy.testing': (p) => `Beleid voor mail die zakt: ${code(`${p.tag}=${p.value}`)} uit ${p.name}, met ${code('t=y')} (testmodus), dus ontvangers passen ${code(p.policy)} toe.`,

  'verdict.note.record-invalid': (p) => `Het DMARC-record op ${p.name} is niet te lezen: ontvangers negeren het.`,
  'verdict.note.multiple-records': (p) => `${p.name} heeft meerdere DMARC-records: ontvangers laten ze allemaal vallen (RFC 9989 §4.10).`,
  'verdict.note.removed-tags': (p) => `Het record bevat nog ${joinList(p.names.map(code), 'en')}, die RFC 9989 heeft geschrapt: huidige ontvangers negeren ze.`,
  'verdict.note.existence-unknown': (p) => `Of ${p.domain} bestaat kon niet worden vastgesteld (DNS-fout): ${code('sp')} is aangenomen in plaats van ${code('np')}.`,
  'verdict.note.dns-failure': (p) => `De vraag naar ${p.name} kreeg geen of een foutief antwoord.`,

  'verdict.fix.spf-authorise': (p) => `Autoriseer de verzender in het SPF-record van ${p.domain}: voeg ${code(p.mechanism)} toe, zodat ${p.ip} ${code('pass')} krijgt.`,
  'verdict.fix.spf-align': (p) =>
    `SPF slaagt voor ${p.domain}, dat niet aansluit bij ${p.fromDomain}. Vraag de provider om een bounce-domein (Return-Path) onder je eigen domein, zoals ${p.suggested}, of vertrouw op een aansluitende DKIM-handtekening (doorsturen breekt SPF toch).`,
  'verdict.fix.dkim-publish': (p) => `Publiceer de DKIM-sleutel voor ${code(p.selector)} op ${p.name}.`,
  'verdict.fix.dkim-align': (p) =>
    `De handtekening met ${code(p.selector)} is gezet voor ${p.domain}, dat niet aansluit bij ${p.fromDomain}: vraag de provider te ondertekenen met ${code(`d=${p.fromDomain}`)} (een selector onder je eigen domein).`,
  'verdict.fix.dkim-add': (p) => `Laat de mail met DKIM ondertekenen voor ${p.fromDomain}: vraag de provider om zijn selector-records (vaak CNAME's) en publiceer ze.`,
  'verdict.fix.dmarc-publish': (p) => `Publiceer een DMARC-record op ${code('_dmarc.' + p.domain)}; begin met ${code('p=none')} en rapporten, ga daarna naar ${code('p=quarantine')} en ${code('p=reject')}.`,
  'verdict.fix.dns-retry': (p) => `Controleer de naamservers van ${joinList(p.names, 'en')} (ze antwoordden niet) en vraag het daarna opnieuw.`,
  'verdict.fix.records': () => `Te publiceren records`,

  'verdict.rfc7489': (p) => `Ontvangers die nog RFC 7489 volgen lezen het anders (${p.what}): organisatiedomein ${p.organization}, uitkomst ${code(p.result)}.`,
  'verdict.rfc7489.organizational-domain': () => `de Public Suffix List in plaats van de DNS-boomwandeling`,
  'verdict.rfc7489.record': () => `een ander DMARC-record`,
  'verdict.rfc7489.result': () => `een andere uitkomst`,
  'verdict.rfc7489.pct': (p) => `${code(`pct=${p.percent}`)}: het beleid geldt voor ${p.percent}% van de mail die zakt`,
  'verdict.rfc7489.np': () => `geen ${code('np')}: ${code('sp')} geldt`,
  'verdict.rfc7489.t': () => `geen ${code('t')}: het volle beleid geldt`,

  'verdict.input.bad-ip': (p) => `${p.name}: ${code(p.value)} is geen IPv4- of IPv6-adres.`,
  'verdict.input.bad-domain': (p) => `${p.name}: ${code(p.value)} is geen bruikbare domeinnaam (${p.problem}).`,
  'verdict.input.missing-helo': (p) => `${p.name}: nodig als MAIL FROM leeg is (het null reverse-path).`,
  'verdict.input.sender-without-domain': (p) => `${p.name}: ${code(p.value)} heeft geen domein.`,
  'verdict.input.bad-selector': (p) => `${p.name}: ${code(p.value)} is geen geldige DKIM-selector (letters, cijfers en koppeltekens binnenin, gescheiden door punten).`,
  'verdict.input.unknown-provider': (p) => `${p.name}: geen provider ${code(p.value)} in de catalogus (bekend: ${p.known.join(', ')}).`,
  'verdict.input.dkim-format': (p) => `--dkim: ${code(p.value)} is niet van de vorm ${code('d=<domein>,s=<selector>')}.`,
  'verdict.input.required': (p) => `${p.name} is verplicht.`,

  'verdict.cli.fixes': () => `Wat te veranderen`,
  'verdict.cli.none': () => `Niets te veranderen.`,
};
