import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { type EvaluateOptions, evaluateSpf } from './evaluate.ts';
import { type CheckExplanation, type ExplainOptions, explainCheck } from './explain.ts';
import { SPF_RESULTS, type SpfCauseCode, type SpfCheck, type SpfResult } from './types.ts';

/** One situation: a zone, a client and a sender, and the facts its explanation must name. */
interface Case {
  name: string;
  zone: string;
  ip: string;
  sender: string;
  result: SpfResult;
  ptrName?: string;
  options?: Partial<Omit<EvaluateOptions, 'resolver'>>;
  /** Substrings of headline + reason + advice, per language. */
  en: string[];
  nl: string[];
  /** Substrings of the advice alone (English); `null` = no advice expected. */
  advice?: string[] | null;
}

async function run(c: Pick<Case, 'zone' | 'ip' | 'sender' | 'options'>): Promise<SpfCheck> {
  const resolver = zoneResolver(zoneFromText(c.zone));
  return evaluateSpf({ ip: c.ip, sender: c.sender }, { resolver, ...c.options });
}

function text(x: CheckExplanation): string {
  return [x.headline, x.reason, x.advice ?? ''].join('\n');
}

function explainBoth(check: SpfCheck, ptrName?: string): { en: CheckExplanation; nl: CheckExplanation } {
  const options: ExplainOptions = ptrName ? { ptrName } : {};
  return { en: explainCheck(check, { ...options, lang: 'en' }), nl: explainCheck(check, { ...options, lang: 'nl' }) };
}

function assertIncludes(haystack: string, needles: readonly string[], label: string): void {
  for (const needle of needles) assert.ok(haystack.includes(needle), `${label}: missing ${JSON.stringify(needle)} in\n${haystack}`);
}

// Seed 004: Blue Inkt's smtp1.blueinkt.com (5.255.64.53) sending for customers' domains.
const SEED_004 = `
zone:
  klant.nl: [{A: "192.0.2.80"}]
  example.com: [{TXT: "v=spf1 include:spf.protection.outlook.com -all"}]
  spf.protection.outlook.com: [{TXT: "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 -all"}]
  eneco.com: [{TXT: "v=spf1 a:smtp1.blueinkt.com -all"}]
  smtp1.blueinkt.com: [{A: "193.93.173.204"}]
`;

// Seed 002: Byte's shared include, which ends in ~all.
const BYTE = `
  spf.byte.nl: [{TXT: "v=spf1 ip4:82.94.214.0/24 ip4:46.21.235.240/28 ~all"}]`;

/** Every cause code has its situations; the table does not compile when a code is missing. */
const CASES = {
  matched: [
    {
      name: 'seed 004 situation 3: a:smtp1.blueinkt.com authorises the server (pass)',
      zone: SEED_004,
      ip: '193.93.173.204',
      sender: 'fm_eib_verkoop_midden@eneco.com',
      ptrName: 'smtp1.blueinkt.com',
      result: 'pass',
      en: ['eneco.com has authorised 193.93.173.204 (smtp1.blueinkt.com) to send mail on its behalf', '`a:smtp1.blueinkt.com`', 'smtp1.blueinkt.com has that address'],
      nl: ['eneco.com heeft 193.93.173.204 (smtp1.blueinkt.com) geautoriseerd', '`a:smtp1.blueinkt.com`', 'smtp1.blueinkt.com heeft dat adres'],
      advice: null,
    },
    {
      name: 'seed 004 situation 2: include:spf.protection.outlook.com -all refuses the server (fail)',
      zone: SEED_004,
      ip: '5.255.64.53',
      sender: 'info@example.com',
      ptrName: 'smtp1.blueinkt.com',
      result: 'fail',
      en: [
        'example.com has declared that it does not send mail through 5.255.64.53 (smtp1.blueinkt.com)',
        'ends in `-all`',
        '`include:spf.protection.outlook.com` did not match',
      ],
      nl: ['example.com heeft met SPF verklaard dat het geen e-mail verstuurt via 5.255.64.53 (smtp1.blueinkt.com)', 'eindigt op `-all`', 'vóór `-all`'],
      advice: ['To authorise this server', '`include:…`', '`ip4:5.255.64.53`', '`a:smtp1.blueinkt.com`', 'to the SPF record of example.com, before `-all`'],
    },
    {
      name: 'seed 002: a pass inside include:spf.byte.nl names the include and the inner term',
      zone: `zone:\n  webwinkel.nl: [{TXT: "v=spf1 include:spf.byte.nl -all"}]${BYTE}`,
      ip: '82.94.214.5',
      sender: 'info@webwinkel.nl',
      result: 'pass',
      en: ['webwinkel.nl has authorised 82.94.214.5', '`ip4:82.94.214.0/24` in the SPF record of spf.byte.nl (reached through `include:spf.byte.nl`) matches 82.94.214.5'],
      nl: ['webwinkel.nl heeft 82.94.214.5 geautoriseerd', '`ip4:82.94.214.0/24` in het SPF-record van spf.byte.nl (bereikt via `include:spf.byte.nl`) komt overeen met 82.94.214.5'],
      advice: null,
    },
    {
      name: 'a pass two includes deep behind a redirect names the whole way (IPv6)',
      zone: `zone:
  shop.nl: [{TXT: "v=spf1 redirect=_spf.shop.nl"}]
  _spf.shop.nl: [{TXT: "v=spf1 include:a.mail.net -all"}]
  a.mail.net: [{TXT: "v=spf1 include:b.mail.net ~all"}]
  b.mail.net: [{TXT: "v=spf1 ip6:2001:db8::/32 -all"}]`,
      ip: '2001:db8::25',
      sender: 'info@shop.nl',
      result: 'pass',
      en: ['shop.nl has authorised 2001:db8::25', '`ip6:2001:db8::/32` in the SPF record of b.mail.net (reached through `redirect=_spf.shop.nl` → `include:a.mail.net` → `include:b.mail.net`)'],
      nl: ['(bereikt via `redirect=_spf.shop.nl` → `include:a.mail.net` → `include:b.mail.net`)'],
    },
    {
      name: 'seed 000: a server outside include:spf.coachview.net gets softfail from ~all',
      zone: `zone:
  mijndomein.nl: [{TXT: "v=spf1 mx include:spf.coachview.net ~all"}, {MX: [10, "mx.mijndomein.nl"]}]
  mx.mijndomein.nl: [{A: "192.0.2.10"}]
  spf.coachview.net: [{TXT: "v=spf1 ip4:212.83.209.204 -all"}]`,
      ip: '198.51.100.7',
      sender: 'jij@mijndomein.nl',
      result: 'softfail',
      en: ['mijndomein.nl has not authorised 198.51.100.7: softfail, the mail may be marked as spam', 'ends in `~all`', 'spam folder'],
      nl: ['mijndomein.nl heeft 198.51.100.7 niet geautoriseerd: softfail, de e-mail kan als spam worden gemarkeerd', 'eindigt op `~all`', 'spammap'],
      advice: ['`ip4:198.51.100.7`', 'before `~all`'],
    },
    {
      name: 'seed 000: Coachview’s own server passes through the include',
      zone: `zone:
  mijndomein.nl: [{TXT: "v=spf1 include:spf.coachview.net ~all"}]
  spf.coachview.net: [{TXT: "v=spf1 ip4:212.83.209.204 -all"}]`,
      ip: '212.83.209.204',
      sender: 'jij@mijndomein.nl',
      result: 'pass',
      en: ['`ip4:212.83.209.204` in the SPF record of spf.coachview.net (reached through `include:spf.coachview.net`)'],
      nl: ['`ip4:212.83.209.204` in het SPF-record van spf.coachview.net (bereikt via `include:spf.coachview.net`)'],
    },
    {
      name: 'an include whose record ends in ~all does not match; ?all decides (neutral)',
      zone: `zone:\n  hosting-klant.nl: [{TXT: "v=spf1 include:spf.byte.nl ?all"}]${BYTE}`,
      ip: '192.0.2.9',
      sender: 'info@hosting-klant.nl',
      result: 'neutral',
      en: [
        'hosting-klant.nl says nothing about 192.0.2.9 (neutral)',
        'ends in `?all`',
        '`include:spf.byte.nl` did not match: the record of spf.byte.nl gives softfail (`~all`) for 192.0.2.9, and inside an include only pass counts as a match (RFC 7208 §5.2)',
      ],
      nl: ['hosting-klant.nl doet geen uitspraak over 192.0.2.9 (neutral)', 'binnen een include telt alleen pass als overeenkomst (RFC 7208 §5.2)'],
    },
    {
      name: 'mx matches',
      zone: `zone:
  post.nl: [{TXT: "v=spf1 mx -all"}, {MX: [10, "mail.post.nl"]}]
  mail.post.nl: [{A: "192.0.2.25"}]`,
      ip: '192.0.2.25',
      sender: 'a@post.nl',
      result: 'pass',
      en: ['`mx` in the SPF record of post.nl matches 192.0.2.25: it is an address of a mail server (MX) of post.nl'],
      nl: ['het is een adres van een mailserver (MX) van post.nl'],
    },
    {
      name: 'a/24 matches a neighbour address',
      zone: `zone:
  net.nl: [{TXT: "v=spf1 a:web.net.nl/24 -all"}]
  web.net.nl: [{A: "192.0.2.1"}]`,
      ip: '192.0.2.200',
      sender: 'a@net.nl',
      result: 'pass',
      en: ['it is in the same network as an address of web.net.nl'],
      nl: ['het ligt in hetzelfde netwerk als een adres van web.net.nl'],
    },
    {
      name: 'ptr matches, with advice to replace it',
      zone: `zone:
  oud.nl: [{TXT: "v=spf1 ptr -all"}]
  7.2.0.192.in-addr.arpa: [{PTR: "mail.oud.nl"}]
  mail.oud.nl: [{A: "192.0.2.7"}]`,
      ip: '192.0.2.7',
      sender: 'a@oud.nl',
      result: 'pass',
      en: ['its confirmed reverse-DNS name ends in oud.nl'],
      nl: ['de bevestigde reverse-DNS-naam eindigt op oud.nl', 'verouderd'],
      advice: ['deprecated (RFC 7208 §5.5)'],
    },
    {
      name: 'exists matches',
      zone: `zone:
  macro.nl: [{TXT: "v=spf1 exists:%{i}._spf.macro.nl -all"}]
  192.0.2.3._spf.macro.nl: [{A: "127.0.0.2"}]`,
      ip: '192.0.2.3',
      sender: 'a@macro.nl',
      result: 'pass',
      en: ['`exists:%{i}._spf.macro.nl`', 'the name 192.0.2.3._spf.macro.nl exists'],
      nl: ['de naam 192.0.2.3._spf.macro.nl bestaat'],
    },
    {
      name: '+all passes everyone, with a warning',
      zone: `zone:\n  open.nl: [{TXT: "v=spf1 +all"}]`,
      ip: '203.0.113.9',
      sender: 'a@open.nl',
      result: 'pass',
      en: ['ends in `+all`, which authorises every server on the internet'],
      nl: ['eindigt op `+all`, dat elke server op internet autoriseert'],
      advice: ['Replace `+all`', 'anyone can send mail as open.nl'],
    },
    {
      name: 'a server excluded by name gets no advice to add it',
      zone: `zone:\n  strikt.nl: [{TXT: "v=spf1 -ip4:203.0.113.0/24 +all"}]`,
      ip: '203.0.113.9',
      sender: 'a@strikt.nl',
      result: 'fail',
      en: ['`-ip4:203.0.113.0/24` in the SPF record of strikt.nl matches 203.0.113.9'],
      nl: ['`-ip4:203.0.113.0/24` in het SPF-record van strikt.nl komt overeen met 203.0.113.9'],
      advice: null,
    },
    {
      name: 'a qualifier on the include turns its pass into softfail',
      zone: `zone:\n  q.nl: [{TXT: "v=spf1 ~include:spf.byte.nl -all"}]${BYTE}`,
      ip: '82.94.214.5',
      sender: 'a@q.nl',
      result: 'softfail',
      en: ['The qualifier of `~include:spf.byte.nl` turns that match into softfail'],
      nl: ['De qualifier van `~include:spf.byte.nl` maakt van die overeenkomst softfail'],
    },
    {
      name: 'fail with the domain’s own explanation (exp=)',
      zone: `zone:
  uitleg.nl: [{TXT: "v=spf1 -all exp=why.uitleg.nl"}]
  why.uitleg.nl: [{TXT: "%{i} is not one of %{d}'s servers"}]`,
      ip: '198.51.100.1',
      sender: 'a@uitleg.nl',
      result: 'fail',
      en: ['The explanation published by uitleg.nl (exp=): “198.51.100.1 is not one of uitleg.nl\'s servers”'],
      nl: ['De uitleg die uitleg.nl zelf publiceert (exp=)'],
    },
    {
      name: 'fail decided behind a redirect: advice without "before"',
      zone: `zone:
  r.nl: [{TXT: "v=spf1 redirect=_spf.r.nl"}]
  _spf.r.nl: [{TXT: "v=spf1 ip4:192.0.2.0/24 -all"}]`,
      ip: '198.51.100.1',
      sender: 'a@r.nl',
      result: 'fail',
      en: ['The SPF record of _spf.r.nl (reached through `redirect=_spf.r.nl`) does not list 198.51.100.1 and ends in `-all`'],
      nl: ['Het SPF-record van _spf.r.nl (bereikt via `redirect=_spf.r.nl`) noemt 198.51.100.1 niet'],
      advice: ['`ip4:198.51.100.1` to the SPF record of r.nl.'],
    },
  ],
  'no-match': [
    {
      name: 'seed 002: v=spf1 include:spf.byte.nl without all says nothing about other servers',
      zone: `zone:\n  byte-klant.nl: [{TXT: "v=spf1 include:spf.byte.nl"}]${BYTE}`,
      ip: '192.0.2.9',
      sender: 'info@byte-klant.nl',
      result: 'neutral',
      en: [
        'No term of the SPF record of byte-klant.nl matches 192.0.2.9, and the record has no `all`: it does not say anything about servers it does not list',
        '`include:spf.byte.nl` did not match',
        'softfail (`~all`)',
      ],
      nl: ['het zegt niets over servers die het niet noemt', '`include:spf.byte.nl` kwam niet overeen'],
      advice: ['`ip4:192.0.2.9`', 'End the SPF record of byte-klant.nl with `~all` or `-all`'],
    },
  ],
  'invalid-domain': [
    {
      name: 'a single-label sender domain',
      zone: 'zone: {}',
      ip: '192.0.2.1',
      sender: 'info@localhost',
      result: 'none',
      en: ['“localhost” is not a usable domain name', 'only one label', 'MAIL FROM'],
      nl: ['“localhost” is geen bruikbare domeinnaam', 'maar één label'],
    },
  ],
  'no-record': [
    {
      name: 'seed 004 situation 1: klant.nl has no SPF record (none)',
      zone: SEED_004,
      ip: '5.255.64.53',
      sender: 'info@klant.nl',
      ptrName: 'smtp1.blueinkt.com',
      result: 'none',
      en: ['klant.nl has not published an SPF policy', 'receivers decide on other grounds (the mail is usually delivered)'],
      nl: ['klant.nl heeft geen SPF-record gepubliceerd', 'de e-mail wordt meestal gewoon bezorgd'],
      advice: ['publish a TXT record such as `v=spf1 a:smtp1.blueinkt.com ~all`'],
    },
    {
      name: 'TXT records, but none is SPF',
      zone: `zone:\n  verify.nl: [{TXT: "google-site-verification=abc"}]`,
      ip: '192.0.2.1',
      sender: 'a@verify.nl',
      result: 'none',
      en: ['None of the TXT records of verify.nl starts with `v=spf1`'],
      nl: ['Geen van de TXT-records van verify.nl begint met `v=spf1`'],
      advice: ['`v=spf1 ip4:192.0.2.1 ~all`'],
    },
    {
      name: 'the domain does not exist',
      zone: 'zone: {}',
      ip: '192.0.2.1',
      sender: 'a@bestaat-niet.nl',
      result: 'none',
      en: ['bestaat-niet.nl does not exist in DNS (NXDOMAIN)'],
      nl: ['Het domein bestaat-niet.nl bestaat niet in de DNS (NXDOMAIN)'],
      advice: ['Check the sender address'],
    },
  ],
  'multiple-records': [
    {
      name: 'two v=spf1 records',
      zone: `zone:\n  dubbel.nl: [{TXT: "v=spf1 mx -all"}, {TXT: "v=spf1 include:spf.byte.nl ~all"}]`,
      ip: '192.0.2.1',
      sender: 'a@dubbel.nl',
      result: 'permerror',
      en: ['The SPF policy of dubbel.nl cannot be evaluated', 'dubbel.nl publishes 2 SPF records', 'RFC 7208 §4.5'],
      nl: ['Het SPF-beleid van dubbel.nl kan niet worden beoordeeld', 'dubbel.nl publiceert 2 SPF-records'],
      advice: ['Merge them into one TXT record at dubbel.nl'],
    },
    {
      name: 'two v=spf1 records at an include target',
      zone: `zone:
  klant.nl: [{TXT: "v=spf1 include:spf.dubbel.net -all"}]
  spf.dubbel.net: [{TXT: "v=spf1 -all"}, {TXT: "v=spf1 ~all"}]`,
      ip: '192.0.2.1',
      sender: 'a@klant.nl',
      result: 'permerror',
      en: ['spf.dubbel.net (reached through `include:spf.dubbel.net`) publishes 2 SPF records'],
      nl: ['spf.dubbel.net (bereikt via `include:spf.dubbel.net`) publiceert 2 SPF-records'],
    },
  ],
  syntax: [
    {
      name: 'a bad IPv4 address, with its column',
      zone: `zone:\n  typo.nl: [{TXT: "v=spf1 ip4:192.0.2 -all"}]`,
      ip: '192.0.2.1',
      sender: 'a@typo.nl',
      result: 'permerror',
      en: ['The SPF record of typo.nl has a syntax error at column 12: `192.0.2` is not a valid IP address'],
      nl: ['Het SPF-record van typo.nl bevat een syntaxfout op kolom 12: `192.0.2` is geen geldig IP-adres'],
      advice: ['Correct the SPF record of typo.nl'],
    },
    {
      name: 'a syntax error inside an include, and more than one',
      zone: `zone:
  klant.nl: [{TXT: "v=spf1 include:spf.kapot.net -all"}]
  spf.kapot.net: [{TXT: "v=spf1 inclde:x.net mx/99 -all"}]`,
      ip: '192.0.2.1',
      sender: 'a@klant.nl',
      result: 'permerror',
      en: [
        'The SPF record of spf.kapot.net (reached through `include:spf.kapot.net`) has a syntax error at column 8: `inclde:x.net` is not a mechanism or modifier',
        '(and 1 more problem)',
      ],
      nl: ['Het SPF-record van spf.kapot.net (bereikt via `include:spf.kapot.net`) bevat een syntaxfout op kolom 8', '(en nog 1 probleem)'],
    },
  ],
  'dns-error': [
    {
      name: 'the TXT lookup of the domain times out',
      zone: `zone:\n  traag.nl: [TIMEOUT]`,
      ip: '192.0.2.1',
      sender: 'a@traag.nl',
      result: 'temperror',
      en: ['The SPF policy of traag.nl could not be checked', 'The TXT lookup of traag.nl, needed for the SPF record of traag.nl, got no answer in time (timeout'],
      nl: ['Het SPF-beleid van traag.nl kon niet worden gecontroleerd', 'De TXT-lookup van traag.nl', 'kreeg niet op tijd antwoord'],
      advice: ['try again later', 'traag.nl'],
    },
    {
      name: 'an A lookup inside an include fails with SERVFAIL',
      zone: `zone:
  klant.nl: [{TXT: "v=spf1 include:spf.x.net -all"}]
  spf.x.net: [{TXT: "v=spf1 a:mail.x.net -all"}]
  mail.x.net: [SERVFAIL]`,
      ip: '192.0.2.1',
      sender: 'a@klant.nl',
      result: 'temperror',
      en: ['The A lookup of mail.x.net, needed for the SPF record of spf.x.net (reached through `include:spf.x.net`), failed', 'SERVFAIL'],
      nl: ['De A-lookup van mail.x.net, nodig voor het SPF-record van spf.x.net (bereikt via `include:spf.x.net`), is mislukt'],
      advice: ['mail.x.net'],
    },
    {
      name: 'the TXT lookup of an include target times out',
      zone: `zone:
  klant.nl: [{TXT: "v=spf1 include:spf.traag.net -all"}]
  spf.traag.net: [TIMEOUT]`,
      ip: '192.0.2.1',
      sender: 'a@klant.nl',
      result: 'temperror',
      en: ['The TXT lookup of spf.traag.net, needed for the SPF record of spf.traag.net (reached through `include:spf.traag.net`)'],
      nl: ['(bereikt via `include:spf.traag.net`)'],
    },
  ],
  'lookup-limit': [
    {
      name: 'eleven lookups over two includes',
      zone: `zone:
  veel.nl: [{TXT: "v=spf1 include:a.example.net include:b.example.net -all"}]
  a.example.net: [{TXT: "v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net a:h5.example.net -all"}]
  b.example.net: [{TXT: "v=spf1 a:h6.example.net a:h7.example.net a:h8.example.net a:h9.example.net a:h10.example.net -all"}]
  h1.example.net: [{A: "192.0.2.1"}]
  h2.example.net: [{A: "192.0.2.2"}]
  h3.example.net: [{A: "192.0.2.3"}]
  h4.example.net: [{A: "192.0.2.4"}]
  h5.example.net: [{A: "192.0.2.5"}]
  h6.example.net: [{A: "192.0.2.6"}]
  h7.example.net: [{A: "192.0.2.7"}]
  h8.example.net: [{A: "192.0.2.8"}]
  h9.example.net: [{A: "192.0.2.9"}]
  h10.example.net: [{A: "192.0.2.10"}]`,
      ip: '198.51.100.1',
      sender: 'a@veel.nl',
      result: 'permerror',
      en: [
        'Checking veel.nl needs more than 10 DNS lookups: `a:h9.example.net` in the SPF record of b.example.net (reached through `include:b.example.net`) was lookup number 11 (RFC 7208 §4.6.4)',
      ],
      nl: ['Voor de controle van veel.nl zijn meer dan 10 DNS-lookups nodig', 'was lookup nummer 11'],
      advice: ['Bring it down to 10 or fewer', '`include:a.example.net` 6, `include:b.example.net` 5'],
    },
  ],
  'void-limit': [
    {
      name: 'three lookups that find nothing',
      zone: `zone:\n  leeg.nl: [{TXT: "v=spf1 a:n1.leeg.nl mx:n2.leeg.nl a:n3.leeg.nl -all"}]`,
      ip: '192.0.2.1',
      sender: 'a@leeg.nl',
      result: 'permerror',
      en: ['More than 2 DNS lookups found nothing', 'n1.leeg.nl (A), n2.leeg.nl (MX), n3.leeg.nl (A)', 'The last was for `a:n3.leeg.nl`'],
      nl: ['Meer dan 2 DNS-lookups leverden niets op', 'De laatste was voor `a:n3.leeg.nl`'],
      advice: ['names without records'],
    },
  ],
  'mx-limit': [
    {
      name: 'eleven MX records',
      zone: `zone:
  groot.nl:
    - {TXT: "v=spf1 mx -all"}
    - {MX: [1, "m1.groot.nl"]}
    - {MX: [2, "m2.groot.nl"]}
    - {MX: [3, "m3.groot.nl"]}
    - {MX: [4, "m4.groot.nl"]}
    - {MX: [5, "m5.groot.nl"]}
    - {MX: [6, "m6.groot.nl"]}
    - {MX: [7, "m7.groot.nl"]}
    - {MX: [8, "m8.groot.nl"]}
    - {MX: [9, "m9.groot.nl"]}
    - {MX: [10, "m10.groot.nl"]}
    - {MX: [11, "m11.groot.nl"]}`,
      ip: '192.0.2.1',
      sender: 'a@groot.nl',
      result: 'permerror',
      en: ['`mx` in the SPF record of groot.nl finds 11 mail servers (MX) at groot.nl, more than the 10 allowed'],
      nl: ['vindt 11 mailservers (MX) bij groot.nl, meer dan de toegestane 10'],
      advice: ['Replace `mx`'],
    },
  ],
  'include-none': [
    {
      name: 'an include of a domain without SPF',
      zone: `zone:
  klant.nl: [{TXT: "v=spf1 include:spf.weg.net -all"}]
  spf.weg.net: [{A: "192.0.2.1"}]`,
      ip: '192.0.2.1',
      sender: 'a@klant.nl',
      result: 'permerror',
      en: ['`include:spf.weg.net` in the SPF record of klant.nl points at spf.weg.net, which has not published an SPF policy', 'RFC 7208 §5.2'],
      nl: ['`include:spf.weg.net` in het SPF-record van klant.nl verwijst naar spf.weg.net, dat geen SPF-record heeft gepubliceerd'],
      advice: ['Check the spelling of spf.weg.net, or remove `include:spf.weg.net`'],
    },
  ],
  'redirect-none': [
    {
      name: 'a redirect to a domain that does not exist',
      zone: `zone:\n  klant.nl: [{TXT: "v=spf1 redirect=_spf.weg.net"}]`,
      ip: '192.0.2.1',
      sender: 'a@klant.nl',
      result: 'permerror',
      en: ['`redirect=_spf.weg.net` in the SPF record of klant.nl hands over to _spf.weg.net, which has not published an SPF policy (RFC 7208 §6.1)'],
      nl: ['verwijst door naar _spf.weg.net, dat geen SPF-record heeft gepubliceerd'],
      advice: ['Publish an SPF record at _spf.weg.net'],
    },
  ],
  'invalid-target': [
    {
      name: 'a redirect macro that expands to an empty label',
      zone: `zone:\n  klant.nl: [{TXT: "v=spf1 redirect=%{l}.users.klant.nl"}]`,
      ip: '192.0.2.1',
      sender: 'a..b@klant.nl',
      result: 'permerror',
      en: ['`redirect=%{l}.users.klant.nl` in the SPF record of klant.nl leads to “a..b.users.klant.nl”, which is not a usable domain name: an empty label'],
      nl: ['leidt naar “a..b.users.klant.nl”, en dat is geen bruikbare domeinnaam: een leeg label'],
      advice: ['Check the macros and the domain in `redirect=%{l}.users.klant.nl`'],
    },
  ],
  'macro-too-long': [
    {
      name: 'an exists macro over the expansion guard',
      zone: `zone:\n  lang.nl: [{TXT: "v=spf1 exists:%{i}.%{d}.%{d}.example.com -all"}]`,
      ip: '192.0.2.1',
      sender: 'a@lang.nl',
      options: { limits: { maxMacroExpansion: 20 } },
      result: 'permerror',
      en: ['`exists:%{i}.%{d}.%{d}.example.com` in the SPF record of lang.nl expands to more than 20 characters'],
      nl: ['wordt na het invullen van de macro\'s langer dan 20 tekens'],
      advice: ['Shorten the macros'],
    },
  ],
} satisfies Record<SpfCauseCode, readonly Case[]>;

describe('explainCheck: every cause and result, in en and nl', () => {
  const seen = new Set<SpfResult>();
  for (const [cause, cases] of Object.entries(CASES) as Array<[SpfCauseCode, readonly Case[]]>) {
    for (const c of cases) {
      seen.add(c.result);
      it(`${cause}: ${c.name}`, async () => {
        const check = await run(c);
        assert.equal(check.cause.code, cause, JSON.stringify(check.cause));
        assert.equal(check.result, c.result);
        const x = explainBoth(check, c.ptrName);
        assertIncludes(text(x.en), c.en, 'en');
        assertIncludes(text(x.nl), c.nl, 'nl');
        for (const lang of ['en', 'nl'] as const) {
          const e = x[lang];
          assert.equal(e.summary, `${e.headline} ${e.reason}`);
          assert.ok(e.headline.includes(check.domain), `${lang} headline names the domain: ${e.headline}`);
          if (['pass', 'fail', 'softfail', 'neutral'].includes(check.result)) assert.ok(e.headline.includes(check.ip), `${lang} headline names the IP`);
          assert.doesNotMatch(text(e), /undefined|\[object Object\]|NaN/);
        }
        assert.notEqual(x.nl.reason, x.en.reason);
        if (c.advice === null) assert.equal(x.en.advice, undefined);
        else if (c.advice) assertIncludes(x.en.advice ?? '', c.advice, 'en advice');
      });
    }
  }
  it('covers every result', () => assert.deepEqual([...seen].sort(), [...SPF_RESULTS].sort()));
});

describe('explainCheck: details', () => {
  it('a bad prefix length names both ranges without a stray `//0–128`, and no internal code (issue 16.3)', async () => {
    for (const record of ['v=spf1 ip6:2001:db8::/129 -all', 'v=spf1 a/24//129 -all', 'v=spf1 ip4:192.0.2.0/33 -all']) {
      const check = await run({ zone: `zone:\n  cidr.nl: [{TXT: "${record}"}]`, ip: '192.0.2.1', sender: 'a@cidr.nl' });
      assert.equal(check.cause.code, 'syntax', record);
      const { en, nl } = explainBoth(check);
      assertIncludes(en.reason, ['is not a valid prefix length', 'IPv4 /0 to /32, IPv6 /0 to /128', '`a/24//64`'], record);
      assertIncludes(nl.reason, ['is geen geldige prefixlengte', 'IPv4 /0 tot /32, IPv6 /0 tot /128', '`a/24//64`'], record);
      for (const reason of [en.reason, nl.reason]) {
        assert.doesNotMatch(reason, /\/\/0/, reason);
        assert.doesNotMatch(reason, /bad-cidr/, reason);
      }
    }
  });

  it('shows the bare IP without a PTR name', async () => {
    const check = await run({ zone: SEED_004, ip: '5.255.64.53', sender: 'info@example.com' });
    const x = explainCheck(check);
    assert.ok(x.headline.startsWith('example.com has declared that it does not send mail through 5.255.64.53, '), x.headline);
    assert.ok(!x.advice?.includes('a:'), 'no a: suggestion without a name');
    assert.match(x.advice ?? '', /`include:…` or `ip4:5\.255\.64\.53` to the SPF record of example\.com, before `-all`\.$/);
  });

  it('defaults to English', async () => {
    const check = await run({ zone: SEED_004, ip: '5.255.64.53', sender: 'info@klant.nl' });
    assert.equal(explainCheck(check).headline, 'klant.nl has not published an SPF policy.');
    assert.equal(explainCheck(check, { lang: 'nl' }).headline, 'klant.nl heeft geen SPF-record gepubliceerd.');
  });

  it('says when a candidate record was used instead of the published one', async () => {
    const check = await run({ zone: SEED_004, ip: '5.255.64.53', sender: 'info@klant.nl', options: { overrides: { 'klant.nl': 'v=spf1 ip4:5.255.64.53 -all' } } });
    assert.equal(check.result, 'pass');
    assert.match(explainCheck(check).reason, /used the candidate record for klant\.nl, not the published one/);
    assert.match(explainCheck(check, { lang: 'nl' }).reason, /kandidaat-record voor klant\.nl/);
  });

  it('suggests ip6: for an IPv6 client', async () => {
    const check = await run({ zone: `zone:\n  v6.nl: [{TXT: "v=spf1 -all"}]`, ip: '2001:db8::1', sender: 'a@v6.nl' });
    assert.match(explainCheck(check).advice ?? '', /`ip6:2001:db8::1`/);
  });
});
