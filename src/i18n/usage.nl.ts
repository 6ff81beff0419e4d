/**
 * De invoerfouten van de opdrachtregel (`spfkit <opdracht>: <melding>`, afsluitcode 2), in
 * het Nederlands (zelfde sleutels als usage.en.ts). Opties en voorbeelden blijven zoals ze
 * getypt worden.
 */
import type { usageEn } from './usage.en.ts';
import type { Translation } from './types.ts';

/** Een bestandsfout (`ENOENT` …) in woorden; een onbekende code zoals die is. */
const fileProblem = (code: string): string =>
  ({ ENOENT: 'dat bestand bestaat niet', EACCES: 'geen toestemming', EPERM: 'geen toestemming', EISDIR: 'het is een map', ENOTDIR: 'een deel van het pad is geen map' })[code] ?? code;

export const usageNl: Translation<typeof usageEn> = {
  // ── De opdrachtkiezer en de optielezer ────────────────────────────────────────────────
  'usage.unknown-command': (p) => `onbekende opdracht "${p.name}" (probeer "spfkit --help")`,
  'usage.unknown-option': (p) => `onbekende optie ${p.option} (zie --help)`,
  'usage.option-needs-value': (p) => `optie ${p.option} heeft een waarde nodig`,
  'usage.option-positive': (p) => `optie ${p.option} moet een positief getal zijn, niet "${p.text}"`,
  'usage.option-takes-no-value': (p) => `optie ${p.option} neemt geen waarde`,
  'usage.unexpected-argument': (p) => `onverwacht argument "${p.text}"`,
  'usage.unexpected': (p) => `onverwachte fout: ${p.message}`,
  'usage.lang': (p) => `--lang moet en of nl zijn, niet "${p.text}"`,

  // ── spfkit check ──────────────────────────────────────────────────────────────────────
  'usage.message.one-file': () => `geef één berichtbestand (of - voor standaardinvoer)`,
  'usage.message.unreadable': (p) => `kan het berichtbestand ${p.name} niet lezen: ${p.detail}`,
  'usage.check.ip-required': () => `--ip is verplicht (het adres van de verzendende server)`,
  'usage.check.sender-required': () => `--sender is verplicht (een adres, of "" om de HELO-naam te controleren)`,
  'usage.check.override-syntax': (p) => `--override verwacht <domein>=<record>, niet "${p.text}"`,
  'usage.check.override-not-spf': (p) => `--override ${p.domain}: "${p.text}" is geen SPF-record (het moet beginnen met "v=spf1")`,
  'usage.check.policy-not-spf': (p) => `--policy "${p.text}" is geen SPF-record (het moet beginnen met "v=spf1")`,

  // ── DNS-opties (check, explain, audit, add, bulk) ─────────────────────────────────────
  'usage.dns.timeout': (p) => `--timeout moet een geheel aantal milliseconden zijn (1–60000), niet "${p.text}"`,
  'usage.dns.deadline': (p) => `--deadline moet een aantal seconden groter dan 0 zijn (hoogstens ${p.max}), niet "${p.text}"`,
  'usage.dns.zone-and-dns': () => `--zone en --dns gaan niet samen`,
  'usage.dns.zone-unreadable': (p) => `kan zonebestand ${p.name} niet lezen: ${fileProblem(p.detail)}`,
  'usage.dns.zone-invalid': (p) => `zonebestand ${p.name}: ${p.detail}`,
  'usage.dns.server': (p) => `--dns ${p.name}: ${p.detail}`,
  'usage.dns.unwritable': (p) => `kan ${p.name} niet schrijven: ${fileProblem(p.detail)}`,

  // ── spfkit explain / audit ────────────────────────────────────────────────────────────
  'usage.explain.one-argument': () => `geef het record als één argument, tussen aanhalingstekens: spfkit explain "v=spf1 … -all"`,
  'usage.explain.record-or-domain': () => `geef een record ("v=spf1 …") of --domain <domein>`,
  'usage.explain.empty-record': () => `het record is leeg: geef het SPF-record tussen aanhalingstekens, spfkit explain "v=spf1 … -all", of --domain <domein>`,
  'usage.explain.dns-only-with-domain': () => `de DNS-opties gelden alleen samen met --domain`,
  'usage.explain.not-both': () => `geef óf een record óf --domain, niet allebei`,
  'usage.explain.bad-domain': (p) => `--domain "${p.text}" is geen bruikbare domeinnaam: ${p.problem}`,
  'usage.audit.one-domain': () => `geef één domein: spfkit audit <domein>`,
  'usage.audit.bad-domain': (p) => `"${p.text}" is geen bruikbare domeinnaam: ${p.problem}`,
  'usage.audit.bad-selector': (p) => `--selector "${p.selector}": ${p.detail}`,

  // ── spfkit add / bulk ─────────────────────────────────────────────────────────────────
  'usage.add.one-domain': (p) => `één domein tegelijk, niet ${p.text}`,
  'usage.add.domain-or-policy': () => `geef het domein, of het record met --policy "v=spf1 …"`,
  'usage.add.needs-domain': () => `het record zou groter worden dan de 450 bytes die passen (RFC 7208 §3.4), dus moet een deel naar subrecords onder het domein (_spf.<domein>): geef het domein, spfkit add <domein> --policy "…"`,
  'usage.add.ttl': (p) => `--ttl moet een geheel aantal seconden zijn, niet "${p.text}"`,
  'usage.sender.none': () => `zeg welke afzender: --provider, --include, --ip4, --ip6, --a, --mx of --mechanism`,
  'usage.sender.several': (p) => `één afzender tegelijk, niet ${p.options.join(', ')}`,
  'usage.sender.unknown-provider': (p) => `onbekende dienst "${p.text}" (bekend: ${p.known.join(', ')})`,
  'usage.sender.catalogue-unreadable': (p) => `kan de dienstencatalogus ${p.name} niet lezen: ${p.detail}`,
  'usage.sender.catalogue-invalid': (p) => `de dienstencatalogus klopt niet: ${p.detail}`,
  'usage.bulk.file-required': () => `geef het klantenbestand (CSV, of één adres of domein per regel)`,
  'usage.bulk.one-file': (p) => `één klantenbestand tegelijk, niet ${p.text}`,
  'usage.bulk.concurrency': (p) => `--concurrency moet een geheel getal van 1 tot en met ${p.limit} zijn, niet "${p.text}"`,
  'usage.bulk.out-format': (p) => `--out moet eindigen op .jsonl, .ndjson of .csv, niet "${p.text}"`,
  'usage.bulk.resume-needs-out': () => `--resume werkt alleen met --out: het rapport om verder te gaan`,

  'usage.policyd.config-unreadable': (p) => `kan configuratiebestand ${p.name} niet lezen: ${fileProblem(p.detail)}`,
  'usage.policyd.set-syntax': (p) => `--set verwacht Naam=waarde, kreeg "${p.text}"`,
  'usage.policyd.listen': (p) => `--listen verwacht inet:HOST:POORT of unix:PAD, kreeg "${p.text}"`,
  'usage.policyd.listen-failed': (p) => `kan niet luisteren op ${p.text}: ${p.detail}`,
  'usage.policyd.log-unwritable': (p) => `kan logbestand ${p.name} niet schrijven: ${fileProblem(p.detail)}`,
  'usage.policyd.config-errors': (p) => `${p.count} ${p.count === 1 ? 'fout' : 'fouten'} in de configuratie; niet gestart`,
};
