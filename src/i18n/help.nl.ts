/**
 * De helpteksten van de opdrachtregel, in het Nederlands (zelfde sleutels als help.en.ts).
 * Opties, codes en voorbeelden blijven zoals ze getypt worden.
 */
import type { helpEn } from './help.en.ts';
import type { Translation } from './types.ts';

export const helpNl: Translation<typeof helpEn> = {
  'help.main': (p) => `Gebruik: spfkit <opdracht> [opties]

Opdrachten:
${p.commands}

"spfkit <opdracht> --help --lang nl" toont de opties van een opdracht.`,
  'help.summary.check': () => `het SPF-beleid controleren voor een IP-adres en een afzender`,
  'help.summary.add': () => `plannen hoe een verzenddienst aan een SPF-record wordt toegevoegd`,
  'help.summary.explain': () => `een SPF-record term voor term uitleggen (en, nl)`,
  'help.summary.verdict': () => `wordt deze mail geaccepteerd? de DMARC-uitkomst van een verzendopzet, uit DNS (en, nl)`,
  'help.summary.audit': () => `SPF, DKIM, DMARC en MX van een domein nalopen, met een cijfer (en, nl)`,
  'help.summary.bulk': () => `de klantenlijst van een dienst controleren: wie moet zijn SPF-record aanpassen`,
  'help.summary.policyd': () => `een Postfix-policyservice: SPF voor binnenkomende mail, Received-SPF-header`,
  'help.summary.message': () => `een ontvangen bericht controleren: DKIM-handtekeningen, SPF, DMARC, Authentication-Results`,
  'help.summary.monitor': () => `klantdomeinen bewaken: geschiedenis, gebeurtenissen, export, API-tokens`,

  'help.dns': () => `DNS-opties:
  --dns <server[:poort]>  DNS-server om te vragen (herhaalbaar; standaard die van het systeem)
  --timeout <ms>          wachttijd per DNS-lookup (standaard 2000)
  --deadline <seconden>   check, explain, audit, add, bulk: de hele opdracht na zo lang stoppen
                          (standaard 60; bulk: geen); wat dan nog geen antwoord heeft is temperror,
                          "deadline bereikt" wordt gemeld en de exitcode is niet 0
  --zone <bestand>        antwoorden uit een zonebestand in plaats van het netwerk (docs/zone-format.md)
  --record <bestand>      elk gebruikt DNS-antwoord in een zonebestand schrijven, om met --zone na te spelen`,

  'help.check': (p) => `Gebruik: spfkit check --ip <ip> --sender <adres> [opties]

Evalueert het SPF-beleid (RFC 7208) van het domein van de afzender voor het IP-adres van een server.

  --ip <ip>                   het IPv4- of IPv6-adres van de verzendende server
  --sender <adres>            MAIL FROM-adres; "" controleert in plaats daarvan de HELO-naam
  --helo <naam>               HELO/EHLO-naam (nodig als --sender "" is)
  --policy "<record>"         dit record testen in plaats van het gepubliceerde
  --override <domein>=<record>  dit record gebruiken voor een domein, op elke diepte (herhaalbaar)
  --lang en|nl                taal van de uitleg (standaard en)
  --json                      het hele resultaat als JSON tonen
${p.dns}

Afsluitcodes: 0 pass, 1 elk ander resultaat, 2 fout in gebruik of invoer.`,

  'help.explain': (p) => `Gebruik: spfkit explain "<record>" [--lang en|nl] [--json]
        spfkit explain --domain <domein> [--lang en|nl] [--json] [DNS-opties]

Legt een SPF-record term voor term uit: wat elke qualifier en elk mechanisme betekent, hoeveel
DNS-lookups het kost (RFC 7208 staat er 10 toe) en elk syntaxprobleem met zijn positie.

  --domain <domein>  het SPF-record uitleggen dat dit domein publiceert
  --lang en|nl       taal van de uitleg (standaard en)
  --json             de uitleg als JSON tonen
${p.dns}

Afsluitcodes: 0 het record heeft geen syntaxproblemen en is te publiceren; 1 wel, het is
meer dan 450 bytes (RFC 7208 §3.4), of het domein heeft geen SPF-record, meerdere, of de
DNS-lookup mislukte; 2 fout in gebruik.`,

  'help.verdict': (p) => `Gebruik: spfkit verdict --ip <ip> --from <domein> [--helo <naam>] [--mail-from <adres>] [--dkim d=<domein>,s=<selector> …] [--provider <id>] [--json] [--lang en|nl] [DNS-opties]

Voorspelt wat de DMARC-controle (RFC 9989) van een ontvanger concludeert voor mail die vanaf
<ip> wordt verstuurd met de opgegeven envelop (HELO, MAIL FROM) en het From-domein in de
kop: SPF voor het envelopdomein en of dat aansluit bij From, elke DKIM-sleutel (CNAME's
gevolgd) en of d= aansluit, de DMARC-uitkomst en het beleid dat geldt (p, sp, np, t=y), wat
je moet veranderen met de te publiceren records, en waar RFC 7489 het anders leest.

  --ip <ip>              het adres van de verzendende server (verplicht)
  --from <domein>        het From-domein of -adres in de kop (verplicht)
  --helo <naam>          de HELO/EHLO-naam (nodig als --mail-from leeg is)
  --mail-from <adres>    de envelopafzender (bounce-adres); leeg = null reverse-path
  --dkim d=<d>,s=<s>     een DKIM-sleutel waarmee de verzender ondertekent (herhaalbaar)
  --provider <id>        een provider uit de catalogus (bijv. dmrmail): zijn DKIM-selectors,
                         ondertekenend als het From-domein, en zijn SPF-mechanisme voor de oplossingen
  --lang en|nl           taal (standaard en)
  --json                 de voorspelling en haar woorden als JSON
${p.dns}

Afsluitcodes: 0 DMARC slaagt; 1 zakt, geen record, of een DNS-fout; 2 gebruiksfout.`,

  'help.audit': (p) => `Gebruik: spfkit audit <domein> [--selector <s> …] [--json] [--lang en|nl] [--no-color] [DNS-opties]

Loopt de e-mailauthenticatie van een domein na: het SPF-record en elk record dat het
insluit (met de DNS-lookups per tak), de DKIM-sleutels, het DMARC-beleid en de MX-records.
Elke bevinding zegt wat er mis is en hoe je het oplost; elk onderdeel krijgt een oordeel,
het domein een cijfer.

  --selector <s>     DKIM-selector om te controleren (herhaalbaar); zonder deze optie worden
                     de gangbare selectors en die uit de dienstencatalogus (bijv. prezent-a) geprobeerd
  --lang en|nl       taal van de bevindingen (standaard en)
  --json             het hele resultaat als JSON tonen
  --no-color         zonder kleuren (ook als NO_COLOR gezet is of de uitvoer geen terminal is)
${p.dns}

Afsluitcodes: 0 geen fouten; 1 fouten gevonden, of een onderdeel kon niet worden gecontroleerd
(DNS-timeout of SERVFAIL); 2 fout in gebruik.`,

  'help.add': (p) => `Gebruik: spfkit add <domein> [--policy "<record>"] <afzender> [opties]

Plant het toevoegen van een verzenddienst aan het SPF-record van het domein (RFC 7208): gaat
uit van het gepubliceerde record (of --policy), slaat een afzender over die al geautoriseerd
is, houdt het record binnen 10 DNS-lookups en 450 bytes, en controleert het resultaat voordat
je het publiceert.

Afzender (precies één):
  --provider <id>             een bekende dienst (coachview, dmrmail, byte, blueinkt,
                              google-workspace, microsoft-365, mailchimp, sendgrid, amazon-ses)
  --include <domein>          include:<domein>
  --ip4 <adres[/lengte]>      ip4:<adres>
  --ip6 <adres[/lengte]>      ip6:<adres>
  --a <host>                  a:<host>
  --mx                        mx (de eigen mailservers van het domein)
  --mechanism <mechanisme>    één willekeurig mechanisme, bijv. "a" of "mx:mail.example.nl"

Opties:
  --policy "<record>"         uitgaan van dit record in plaats van het gepubliceerde
                              ("" = nog geen record); het domein is dan optioneel
                              (zoals bij "spfkit check"; --record is de DNS-optie)
  --test-ip <ip>              een adres waarvandaan de dienst verstuurt (herhaalbaar)
  --keep-no-all               geen ~all toevoegen aan een record zonder all/redirect
  --ttl <seconden>            TTL in de regel voor het zonebestand (standaard 3600)
  --json                      het plan als JSON tonen
  --lang en|nl                taal van de labels, redenen, waarschuwingen en problemen van het plan
                              (standaard en)
${p.dns}

Afsluitcodes: 0 plan gecontroleerd, 1 controle mislukt of het record moet eerst worden
gerepareerd, 2 fout in gebruik of invoer.`,

  'help.bulk': (p) => `Gebruik: spfkit bulk <klanten.csv> <afzender> [opties]

Controleert elke klant van een verzenddienst: voor elk adres of domein in het bestand of het
SPF-record geen beleid heeft (none), de dienst niet autoriseert (not-authorised, met het record
om te publiceren), de dienst wel autoriseert (authorised, met welke term), kapot is (broken),
of dat de regel ongeldig is (invalid). Het bestand is een CSV met een kolom email, address,
sender of domain (ook "e-mail", "emailadres", "domein" …; "," ";" of tab), of één waarde per
regel; regels met "#" en lege regels worden overgeslagen.

Afzender (precies één):
  --provider <id>             een bekende dienst (coachview, dmrmail, byte, blueinkt, …)
  --include <domein>          include:<domein>
  --a <host>                  a:<host>
  --ip4 <adres[/lengte]>      ip4:<adres>
  --ip6 <adres[/lengte]>      ip6:<adres>
  --mechanism <mechanisme>    één willekeurig mechanisme

Opties:
  --test-ip <ip>              een adres waarvandaan de dienst verstuurt (herhaalbaar)
  --concurrency <n>           klanten tegelijk gecontroleerd (standaard 16, hoogstens 256)
  --out <rapport.jsonl|.csv>  het rapport daarheen schrijven (standaard: JSON Lines op stdout),
                              regels in de volgorde van de invoer; in CSV krijgt een cel die met
                              = + - @ begint eerst een ' (dus -all wordt '-all): spreadsheets
                              zouden die als formule uitvoeren
  --resume                    de regels die --out al heeft houden en alleen de rest controleren
  --json                      de samenvatting als JSON tonen (op stdout met --out, anders stderr)
  --lang en|nl                taal van de redenen per regel en de samenvatting (standaard en);
                              situatie en oorzaak blijven codes
${p.dns}

Regels worden geschreven zodra ze klaar zijn, dus niet in de volgorde van het bestand: elke
regel noemt zijn regelnummer.
Afsluitcodes: 0 elke regel gerapporteerd (wat de situaties ook zijn), 2 fout in gebruik of invoer.`,
  'help.policyd': (p) => `Gebruik: spfkit policyd [--listen inet:HOST:POORT|unix:PAD] [opties]

Een Postfix-policyservice (check_policy_service): controleert SPF voor de HELO-naam en
daarna MAIL FROM, en antwoordt met weigeren, uitstellen of PREPEND Received-SPF (of
Authentication-Results). Zonder --listen praat hij via stdin/stdout, voor Postfix' spawn(8);
met --listen draait hij als daemon. De instellingen hebben de namen en betekenissen van
policyd-spf (docs/policyd.md).

  --listen <adres>            inet:127.0.0.1:10023, inet:[::1]:10023 of unix:/run/spfkit.sock
  --config <bestand>          een bestand in de stijl van policyd-spf.conf (regels Naam = waarde)
  --set <Naam>=<waarde>       één instelling, als in het bestand (herhaalbaar; gaat voor --config)
  --helo-reject <niveau>      HELO_reject: Fail, SPF_Not_Pass, Softfail, Null, False, No_Check
  --mail-from-reject <niveau> Mail_From_reject (dezelfde niveaus)
  --header-type SPF|AR|None   Header_Type: Received-SPF, Authentication-Results of geen
  --receiver <host>           de naam van deze host in headers en antwoorden (standaard: hostnaam)
  --deadline <seconden>       beantwoord elk verzoek binnen deze tijd (standaard 10)
  --on-failure DUNNO|DEFER    het antwoord na de deadline of een interne fout (standaard DUNNO)
  --why-url <url>             link bij weigeringen naar de /why-pagina van deze server
  --log <stderr|none|bestand> één regel per beslissing (standaard: stderr met --listen, none
                              zonder: onder spawn(8) gaat stderr naar Postfix)
  --log-format mail|json      de stijl van de logregel (standaard mail)
  --check-config              controleer configuratie en opties, meld de problemen, stop
  --lang en|nl                taal van deze meldingen en van de antwoorden (standaard en)
${p.dns}

Afsluitcodes: 0 normaal gestopt (of de configuratie is in orde), 2 gebruiks- of configuratiefout.`,
  'help.message': (p) => `Gebruik: spfkit message <bestand.eml | -> [--ip IP] [--helo NAAM] [--mail-from ADRES] [opties]

Verifieert elke DKIM-Signature van het bericht (RFC 6376, ed25519 volgens RFC 8463), controleert
SPF voor de opgegeven client, beoordeelt DMARC-alignment, toont de Authentication-Results- en
ARC-headers die al in het bericht staan (getoond, nooit vertrouwd) en geeft onze eigen
Authentication-Results.

  --ip IP               het adres van de SMTP-client (SPF wordt alleen daarmee gecontroleerd)
  --helo NAAM           zijn HELO/EHLO-naam
  --mail-from ADRES     de envelopeafzender (MAIL FROM); "" voor een bounce
  --trace-headers       zonder --ip: lees de client uit de Received/Return-Path-headers
                        (zo gemarkeerd: iedereen onderweg kan ze schrijven)
  --authserv-id NAAM    de authserv-id van onze Authentication-Results (standaard spfkit)
  --json                het oordeel als JSON
  --lang en|nl          taal van de uitvoer
${p.dns}

Exitcode: 0 als DMARC slaagt (of, zonder From-domein, elke handtekening klopt), anders 1;
2 bij een gebruiksfout (onleesbaar bestand, een bericht boven 25 MiB).`,
  'help.monitor': (p) => `Gebruik: spfkit monitor <opdracht> [argumenten] [opties]

Bewaakt klantdomeinen voor de diensten die ze moeten autoriseren, bewaart elke controle en
legt elke wijziging vast als gebeurtenis. De gegevens staan in één SQLite-bestand in de
gegevensmap (--data, anders SPFKIT_DATA_DIR, $XDG_DATA_HOME/spfkit of
~/.local/share/spfkit), aangemaakt bij het eerste gebruik; de HTTP-server leest dezelfde map.
Met DATABASE_URL=postgres://… (en zonder --data) staan de gegevens in die PostgreSQL-database,
gedeeld door meerdere machines.

Opdrachten:
  add <domein>                een domein bewaken (nogmaals: vervangen wat bewaakt wordt,
                              de geschiedenis blijft)
    --provider <id>           een dienst uit de catalogus (coachview, byte, …; herhaalbaar)
    --mechanism <mechanisme>  of een mechanisme, bijv. include:spf.example.net (herhaalbaar)
    --test-ip <ip>            een adres waarvandaan de diensten verzenden (herhaalbaar)
    --dkim <selector>         een DKIM-selector om te bewaken (herhaalbaar)
    --customer <id>           je eigen id voor de klant
    --label <tekst>           een naam om de klant op te vinden
    --schedule <tekst>        wanneer opnieuw controleren (standaard daily)
  remove <domein>             niet meer bewaken; controles en gebeurtenissen gaan weg
  import <klanten.csv>        elke regel bewaken: een kopregel met domain (of domein) en
                              eventueel services, mechanism, test_ips, dkim, customer_id,
                              label, schedule ("," ";" of tab; lijsten in een cel met
                              spaties); regels met problemen worden met hun regelnummer
                              genoemd, de rest wordt geïmporteerd
  list                        de bewaakte domeinen, op domein
    --situation <s>           not-authorised, broken, could-not-check, none, authorised,
                              unchecked
    --search <tekst>          deel van domein, klant-id of label
    --offset <n> --limit <n>  pagina's (standaard 0 en 50, hoogstens 1000)
    --sort domain|situation|checked --order asc|desc  volgorde van de lijst (standaard domain, asc)
  check [<domein> …]          de genoemde domeinen controleren (standaard: alle) en opslaan
    --concurrency <n>         domeinen tegelijk (standaard 16)
  events                      gevonden wijzigingen, nieuwste eerst
    --domain <d> --kind <k> --after <id> --limit <n>
  export                      elk domein met zijn laatste controle
    --format csv|jsonl        (standaard csv, of volgens de extensie van --out)
    --out <bestand>           daarheen schrijven in plaats van naar stdout
    --situation, --search     zoals bij list
  token create [--label <t>]  een API-token voor /api/monitor/… (één keer getoond; gehasht
                              bewaard)
  token list | revoke <id>
  copy --from <map>           de SQLite-opslag in die gegevensmap kopiëren (domeinen,
                              controles, gebeurtenissen; geen API-tokens) naar de opslag
                              die nu gebruikt wordt, bijv. de lege PostgreSQL-database van
                              DATABASE_URL
  what-if --provider <id> --policy "<record>"
                              een kandidaat voor het eigen record van de dienst (het
                              include-doel) beoordelen voor elke klant ervan, alsof het
                              gepubliceerd is: toont wie boven 10 lookups of de void-limiet
                              komt of niet meer slaagt; er wordt niets gepubliceerd of
                              opgeslagen
  digest                      de beheerders nu de gebeurtenissen sinds het vorige overzicht
                              mailen (SPFKIT_DIGEST_SMTP smtp://host:poort,
                              SPFKIT_DIGEST_FROM, SPFKIT_DIGEST_TO a@x.nl:nl,b@y.nl; npm start
                              verstuurt het volgens SPFKIT_DIGEST_SCHEDULE, standaard
                              0 7 * * *, 07:00 UTC)

Opties:
  --data <map>                de gegevensmap
  --json                      JSON afdrukken
  --lang en|nl                taal van de uitvoer (standaard en)
${p.dns}

Afsluitcodes: 0 klaar, 1 een gecontroleerd domein vraagt actie (not-authorised, broken,
niet te controleren) of regels zijn niet geïmporteerd, 2 gebruiks- of invoerfout.`,
};
