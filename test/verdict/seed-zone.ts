/**
 * The seed setups (seeds 000 Coachview, 001 Prezent) and the DMARC policy variants, as one
 * zone for the loopback DNS server: shared by the library, CLI, server and page tests of
 * `predictDelivery`. Keys are made per run (node:crypto), not copied from anywhere.
 */
import { generateKeyPairSync } from 'node:crypto';
import { zoneFromObject, type Zone } from '../../src/dns/zone.ts';

/** A DKIM key record for a fresh RSA key (SubjectPublicKeyInfo, base64: RFC 6376 §3.6.1). */
export function dkimKeyRecord(bits = 2048): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
}

/** TXT strings of at most 255 characters (RFC 1035 §3.3). */
function strings(text: string): string[] {
  return Array.from({ length: Math.ceil(text.length / 255) }, (_, i) => text.slice(i * 255, (i + 1) * 255));
}

/** Coachview's sending address (seed 000) and one of Prezent's (an example inside spf.dmrmail.nl). */
export const COACHVIEW_IP = '212.83.209.204';
export const PREZENT_IP = '185.45.112.20';

/** The zone as a zone document's owner map (docs/zone-format.md), e.g. to write as a zone file. */
export function seedZoneObject(): Record<string, unknown[]> {
  const key = strings(dkimKeyRecord());
  return {
    // Seed 000: Coachview, with its own bounce domain.
    'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.0/24 -all' }],
    'bounce.coachview.net': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }, { MX: [10, 'mx.coachview.net'] }],
    'coachview.net': [{ A: '212.83.209.1' }],
    // A customer that authorised Coachview, with p=reject.
    'klant.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }, { MX: [10, 'mx.klant.nl'] }],
    '_dmarc.klant.nl': [{ TXT: 'v=DMARC1; p=reject; rua=mailto:d@klant.nl' }],
    'cv1._domainkey.klant.nl': [{ TXT: key }],
    // A customer that did not: SPF fails for its own domain.
    'zonder.nl': [{ TXT: 'v=spf1 mx -all' }, { MX: [10, 'mx.zonder.nl'] }],
    'mx.zonder.nl': [{ A: '192.0.2.25' }],
    '_dmarc.zonder.nl': [{ TXT: 'v=DMARC1; p=quarantine' }],
    // Seed 001: Prezent / dmrmail, with and without the DKIM CNAMEs.
    'spf.dmrmail.nl': [{ TXT: 'v=spf1 ip4:185.45.112.0/24 -all' }],
    '_dkim-a.prezent.nl': [{ TXT: key }],
    '_dkim-b.prezent.nl': [{ TXT: key }],
    'prezentklant.nl': [{ TXT: 'v=spf1 +mx +a include:spf.dmrmail.nl -all' }, { A: '192.0.2.80' }],
    'prezent-a._domainkey.prezentklant.nl': [{ CNAME: '_dkim-a.prezent.nl' }],
    'prezent-b._domainkey.prezentklant.nl': [{ CNAME: '_dkim-b.prezent.nl' }],
    '_dmarc.prezentklant.nl': [{ TXT: 'v=DMARC1; p=reject' }],
    'zondercname.nl': [{ TXT: 'v=spf1 +mx +a include:spf.dmrmail.nl -all' }, { A: '192.0.2.81' }],
    '_dmarc.zondercname.nl': [{ TXT: 'v=DMARC1; p=quarantine' }],
    // The CNAMEs published, but pointing at a name without a key.
    'kapot.nl': [{ TXT: 'v=spf1 -all' }, { A: '192.0.2.82' }],
    'prezent-a._domainkey.kapot.nl': [{ CNAME: '_dkim-x.prezent.nl' }],
    '_dmarc.kapot.nl': [{ TXT: 'v=DMARC1; p=reject' }],
    // No DMARC record at all.
    'geendmarc.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }, { A: '192.0.2.83' }],
    // sp and np: one existing subdomain, one that does not exist.
    '_dmarc.sub.nl': [{ TXT: 'v=DMARC1; p=reject; sp=none; np=quarantine' }],
    'sub.nl': [{ A: '192.0.2.84' }],
    'nieuws.sub.nl': [{ A: '192.0.2.85' }],
    // Strict vs relaxed SPF alignment for a bounce subdomain of From.
    'bounce.strikt.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }],
    'strikt.nl': [{ A: '192.0.2.86' }],
    '_dmarc.strikt.nl': [{ TXT: 'v=DMARC1; p=quarantine; aspf=s' }],
    'bounce.relaxed.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }],
    'relaxed.nl': [{ A: '192.0.2.87' }],
    '_dmarc.relaxed.nl': [{ TXT: 'v=DMARC1; p=quarantine' }],
    // t=y and pct.
    'testing.nl': [{ A: '192.0.2.88' }],
    '_dmarc.testing.nl': [{ TXT: 'v=DMARC1; p=reject; t=y' }],
    'pct.nl': [{ A: '192.0.2.89' }],
    '_dmarc.pct.nl': [{ TXT: 'v=DMARC1; p=reject; pct=25' }],
    // psd=n below a registrable domain: the tree walk's organisation is not the PSL's.
    'groot.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }],
    'afdeling.groot.nl': [{ A: '192.0.2.90' }],
    '_dmarc.afdeling.groot.nl': [{ TXT: 'v=DMARC1; p=reject; psd=n' }],
    // DNS failures: DMARC discovery and SPF time out.
    'traag.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }],
    '_dmarc.traag.nl': [{ TIMEOUT: true }],
    'spftraag.nl': [{ TIMEOUT: true }],
    '_dmarc.spftraag.nl': [{ TXT: 'v=DMARC1; p=reject' }],
  };
}

export function seedZone(): Zone {
  return zoneFromObject(seedZoneObject());
}
