/**
 * Shared data of the bulk tests: seed 004's customers (Blue Inkt TeleManager mails from
 * smtp1.blueinkt.com = 5.255.64.53) plus a broken and a slow domain, and one CSV of them all.
 */
import { readFileSync } from 'node:fs';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { findProvider, parseProviderCatalogue } from '../../src/record/providers.ts';
import type { Provider } from '../../src/record/providers.ts';

export const ZONE_OBJECT = {
  'smtp1.blueinkt.com': [{ A: '5.255.64.53' }],
  'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 -all' }],
  // Seed 004 case 1: no SPF record.
  'klant.nl': [{ MX: [10, 'mx.klant.nl'] }],
  // Case 2: a record without the service.
  'example.com': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }],
  // Case 3: a record with it.
  'eneco.com': [{ TXT: 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all' }],
  'broken.nl': [{ TXT: 'v=spf1 include:nowhere.example -all' }],
  'slow.nl': ['TIMEOUT'],
};

export const zone = zoneFromObject(ZONE_OBJECT);

const catalogue = parseProviderCatalogue(JSON.parse(readFileSync(new URL('../../data/providers.json', import.meta.url), 'utf8')));
if (!catalogue.ok) throw new Error('the provider catalogue does not load');
export const blueinkt = findProvider(catalogue.catalogue, 'blueinkt') as Provider;

/** Every situation, CSV quirks and bad rows in one file (BOM, CRLF, `;`, quotes, comments). */
export const CUSTOMERS_CSV = [
  '\uFEFF# TeleManager customers, exported from the CRM',
  'Name;Email;Note',
  'Klant;info@klant.nl;case 1',
  '"Example; Inc";"info@example.com";case 2',
  '',
  'Eneco;fm_eib_verkoop_midden@eneco.com;"case 3, quoted"',
  'Broken;info@broken.nl;',
  'Bad quote;"open;x',
  'Empty;;no address',
  'Words;hello world;',
  ';;',
  'Too short',
  'Single;localhost;',
].join('\r\n') + '\r\n';

/** Line → expected [situation, cause-or-result] for CUSTOMERS_CSV. */
export const EXPECTED: ReadonlyMap<number, readonly [string, string]> = new Map([
  [3, ['none', 'none']],
  [4, ['not-authorised', 'fail']],
  [6, ['authorised', 'pass']],
  [7, ['broken', 'include-none']],
  [8, ['invalid', 'unclosed-quote']],
  [9, ['invalid', 'empty']],
  [10, ['invalid', 'not-an-address']],
  [12, ['invalid', 'missing-column']],
  [13, ['invalid', 'bad-domain']],
]);
