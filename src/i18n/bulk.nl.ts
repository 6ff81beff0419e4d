/**
 * De reden bij elke regel van het bulkrapport en de labels van de samenvatting, in het
 * Nederlands (zelfde sleutels als bulk.en.ts). De situatie staat in de samenvatting tussen
 * haakjes erbij: zo heet ze in het rapport.
 */
import type { bulkEn } from './bulk.en.ts';
import type { Translation } from './types.ts';

const door = (term: string | undefined): string => (term ? ` (door ${term})` : '');

export const bulkNl: Translation<typeof bulkEn> = {
  // ── Redenen, per situatie ─────────────────────────────────────────────────────────────
  'bulk.none.nxdomain': () => 'Het domein bestaat niet (NXDOMAIN): veel ontvangers weigeren de e-mail, wat SPF ook zegt.',
  'bulk.none.no-spf': () => 'Geen SPF-record: ontvangers beslissen op andere gronden; er hoeft niets te worden gepubliceerd.',
  'bulk.none.publish': () =>
    'Geen SPF-record: ontvangers beslissen op andere gronden. Publiceer het nieuwe record van deze regel: de dienst, en ~all voor de rest (noem de andere verzenders, dan -all).',
  'bulk.publish': (p) =>
    `Het record geeft ${p.result} voor de dienst${door(p.term)}: publiceer het nieuwe record van deze regel` +
    `${p.subRecords > 0 ? ` en ${p.subRecords === 1 ? 'het bijbehorende subrecord' : `de ${p.subRecords} bijbehorende subrecords`} (zie spfkit add)` : ''}.` +
    (p.alternative
      ? ` Het noemt ${p.alternative.mechanisms.join(' ')} in plaats van ${p.alternative.replaces}; met ${p.alternative.replaces}: ${p.issue ?? 'de verificatie slaagt niet'}.`
      : p.verified
        ? ''
        : ` Het plan is niet geverifieerd: ${p.issue ?? 'controleer het met spfkit add'}.`),
  'bulk.fix-first': (p) =>
    `Het record geeft ${p.result} voor de dienst${door(p.term)} en moet eerst worden gerepareerd voordat het kan worden uitgebreid (${p.issue}).`,
  'bulk.listed-not-passing': (p) =>
    `Het record noemt ${p.term}, maar het adres van de dienst krijgt ${p.result}: controleer de adressen van de dienst.`,
  'bulk.authorised': (p) => `Geautoriseerd${p.term ? ` door ${p.term}` : ''}.`,
  'bulk.broken': (p) =>
    `Het record eindigt in ${p.result}: ${p.cause}. Ontvangers kunnen de e-mail ${p.result === 'permerror' ? 'weigeren' : 'uitstellen'}, van welke dienst die ook komt; repareer het eerst.`,

  // ── Waarom een beleid stuk is ─────────────────────────────────────────────────────────
  'bulk.cause.matched': () => 'een term kwam overeen',
  'bulk.cause.no-match': () => 'niets kwam overeen',
  'bulk.cause.invalid-domain': () => 'het domein is onbruikbaar (§4.3)',
  'bulk.cause.no-record': () => 'geen SPF-record (§4.5)',
  'bulk.cause.multiple-records': () => 'meer dan één SPF-record (§4.5)',
  'bulk.cause.syntax': () => 'een syntaxfout in het record (§4.6)',
  'bulk.cause.dns-error': () => 'een DNS-lookup is verlopen of mislukt (§2.6.6)',
  'bulk.cause.lookup-limit': () => 'meer dan 10 DNS-lookups (§4.6.4)',
  'bulk.cause.void-limit': () => 'meer dan 2 lookups vonden niets (§4.6.4)',
  'bulk.cause.mx-limit': () => 'een mx heeft meer dan 10 mailservers (§4.6.4)',
  'bulk.cause.include-none': () => 'een include verwijst naar een domein zonder SPF-record (§5.2)',
  'bulk.cause.redirect-none': () => 'de redirect verwijst naar een domein zonder SPF-record (§6.1)',
  'bulk.cause.invalid-target': () => 'een macro levert een onbruikbare naam op (§4.8)',
  'bulk.cause.macro-too-long': () => 'een macro levert een te lange naam op',

  // ── Waarom een regel niet kon worden gecontroleerd ────────────────────────────────────
  'bulk.invalid.empty': () => 'Lege waarde: geen adres of domein om te controleren.',
  'bulk.invalid.not-an-address': () => 'Geen e-mailadres of domeinnaam.',
  'bulk.invalid.bad-domain': (p) => `Geen bruikbare domeinnaam: ${p.problem}.`,
  'bulk.invalid.unclosed-quote': () => 'Onleesbare CSV-regel: een aanhalingsteken wordt niet gesloten.',
  'bulk.invalid.text-after-quote': () => 'Onleesbare CSV-regel: tekst na een sluitend aanhalingsteken.',
  'bulk.invalid.missing-column': () => 'De regel heeft te weinig kolommen.',
  'bulk.invalid.extra-columns': () => 'Meer dan één waarde op de regel.',
  'bulk.invalid.no-test-ips': () => 'Geen adres van de dienst om mee te testen; geef er een op met --test-ip.',
  'bulk.invalid.check-failed': (p) => `De controle is mislukt: ${p.message}.`,

  // ── Waarom een naam geen bruikbaar domein is ─────────────────────────────────────────
  'bulk.domain.empty': () => 'hij is leeg',
  'bulk.domain.empty-label': () => 'hij bevat een leeg label',
  'bulk.domain.label-too-long': () => 'een label is langer dan 63 tekens',
  'bulk.domain.too-long': () => 'hij is langer dan 253 tekens',
  'bulk.domain.single-label': () => 'hij bestaat uit maar één label',
  'bulk.domain.bad-idn': () => 'een label heeft geen geldige internationale (IDNA-)vorm',
  'bulk.domain.bad-character': () => 'hij bevat een stuurteken',
  'bulk.domain.address-literal': () => 'het is een letterlijk IP-adres',

  // ── De samenvatting ───────────────────────────────────────────────────────────────────
  'bulk.summary.checked': (p) =>
    `${p.count} klant${p.count === 1 ? '' : 'en'} gecontroleerd in ${p.seconds.toFixed(1).replace('.', ',')} s (${Math.round(p.rate)}/s)${p.out ? `; rapport: ${p.out}` : ''}`,
  'bulk.progress': (p) => `${p.percent}% · ${p.count} gecontroleerd · ${Math.round(p.rate)}/s${p.left ? ` · nog ${p.left}` : ''}`,
  'bulk.summary.none': () => 'geen beleid (none)',
  'bulk.summary.not-authorised': () => 'niet geautoriseerd (not-authorised)',
  'bulk.summary.authorised': () => 'geautoriseerd (authorised)',
  'bulk.summary.broken': () => 'stuk (broken)',
  'bulk.summary.invalid': () => 'ongeldig (invalid)',
  'bulk.summary.total': () => 'totaal',
  'bulk.summary.skipped': () => 'overgeslagen (hervat)',
};
