/**
 * Words for the verdict on a received message (`spfkit message`, POST /api/message, the page's
 * message tab, the test inbox): DKIM signature results and their causes (src/dkim/verify.ts),
 * SPF for the client, DMARC, the headers shown but not trusted. Issue 13.3.
 */
import type { AreaMessages } from './types.ts';

export const messageEn = {
  // ── DKIM, one line per signature ─────────────────────────────────────────────────────
  'message.dkim.none': () => `No DKIM-Signature in the message.`,
  'message.dkim.heading': (p: { domain: string; selector: string; what: string }) => `DKIM d=${p.domain} s=${p.selector} (${p.what})`,
  'message.dkim.cause.verified': () => `Signature verified: the signed headers and the body are as the signer sent them.`,
  'message.dkim.cause.body-appended': (p: { bytes: number; text: string }) =>
    `Body hash mismatch: ${p.bytes} bytes were added after the signed body — probably a footer added by a mailing list or a disclaimer. Added text starts with: ${p.text}`,
  'message.dkim.cause.body-truncated': (p: { length: number; bytes: number }) => `Body hash mismatch: l= says ${p.length} bytes were signed, but the body now has ${p.bytes}; it was cut.`,
  'message.dkim.cause.body-whitespace': () => `Body hash mismatch: only whitespace changed (the signer used c=simple, which breaks on that; relaxed would have survived).`,
  'message.dkim.cause.body-changed': () => `Body hash mismatch: the body was changed after signing.`,
  'message.dkim.cause.body-reencoded': () => `Body hash mismatch: the body was changed after signing — edited, or re-encoded by a relay (e.g. 8bit to quoted-printable, a MIME part rewritten).`,
  'message.dkim.cause.signature-mismatch': () => `Signature mismatch: the body is intact, but a signed header was changed, added or removed (or the key in DNS is not the one that signed).`,
  'message.dkim.suspect.added': (p: { name: string }) => `${p.name}: the message has more ${p.name} headers than were signed; one was probably added.`,
  'message.dkim.suspect.absent': (p: { name: string }) => `${p.name}: signed, but the message has none now; it was probably removed.`,
  'message.dkim.cause.sha1-not-accepted': () => `The signature is valid but uses rsa-sha1, which verifiers must not accept (RFC 8301). Sign with rsa-sha256 or ed25519-sha256.`,
  'message.dkim.cause.key-too-short': (p: { bits: number }) => `The signature is valid but the key has only ${p.bits} bits; verifiers must not accept RSA keys under 1024 bits (RFC 8301).`,
  'message.dkim.cause.expired': (p: { when: string }) => `The signature expired at ${p.when} (x=).`,
  'message.dkim.cause.signed-in-future': (p: { when: string }) => `The signature is dated in the future (t= ${p.when}); the signer's clock is wrong.`,
  'message.dkim.cause.not-checked': (p: { limit: number }) => `Not checked: only the first ${p.limit} signatures of a message are verified.`,
  'message.dkim.cause.key-unavailable': (p: { name: string }) => `The key record at ${p.name} could not be fetched (DNS timeout or server failure); try again later. This is not "no key".`,
  'message.dkim.cause.malformed-signature': (p: { code: string; detail: string }) => `The DKIM-Signature header is malformed (${p.code}${p.detail}).`,
  'message.dkim.cause.no-key': (p: { name: string }) => `No key record is published at ${p.name}.`,
  'message.dkim.cause.key-revoked': (p: { name: string }) => `The key at ${p.name} is revoked (empty p=).`,
  'message.dkim.cause.key-unusable': (p: { name: string; text: string }) => `The key record at ${p.name} cannot be used (${p.text}).`,
  'message.dkim.cause.key-type-mismatch': (p: { tag: string; value: string }) => `The key is of type ${p.tag}, but the signature uses ${p.value}.`,
  'message.dkim.cause.key-hash-not-allowed': (p: { tag: string; value: string }) => `The key allows only h=${p.tag}, but the signature uses ${p.value}.`,
  'message.dkim.cause.identity-not-allowed': (p: { domain: string }) => `The key has t=s (no subdomains), but the signature's i= is at ${p.domain}.`,
  'message.dkim.cause.no-from': () => `The message has no From header, which every DKIM signature must cover.`,
  'message.dkim.testing': () => `The key is in testing mode (t=y).`,
  'message.dkim.cname': (p: { name: string; target: string }) => `Key record ${p.name} is a CNAME to ${p.target}.`,

  // ── SPF, DMARC ───────────────────────────────────────────────────────────────────────
  'message.spf.checked': (p: { outcome: string; ip: string; identity: string }) => `SPF ${p.outcome} for ${p.ip}, ${p.identity}.`,
  'message.spf.trace': () => `The client was read from the message's own Received and Return-Path headers, which anyone upstream can write: a hint, not proof.`,
  'message.spf.no-ip': () => `SPF not checked: give the client's IP (--ip), or --trace-headers to read it from the Received header.`,
  'message.spf.bad-input': (p: { text: string }) => `SPF not checked: ${p.text}.`,
  'message.dmarc.evaluated': (p: { outcome: string; domain: string; policy: string }) => `DMARC ${p.outcome} for From domain ${p.domain}; policy for failing mail: ${p.policy}.`,
  'message.dmarc.aligned-by': (p: { what: string }) => `Passes by: ${p.what}.`,
  'message.dmarc.none-aligned': () => `Neither an SPF pass nor a DKIM pass is aligned with the From domain.`,
  'message.dmarc.no-from': () => `DMARC not evaluated: the message has no From header.`,
  'message.dmarc.several-from': () => `DMARC not evaluated: the From header has several addresses.`,
  'message.dmarc.unreadable-from': () => `DMARC not evaluated: the From address cannot be read.`,

  // ── The message itself ───────────────────────────────────────────────────────────────
  'message.issue.no-headers': () => `This does not look like an email message: it has no header section.`,
  'message.issue.bad-header-line': (p: { count: number }) => `Line ${p.count} of the header section is not a header field; the body is taken to start there.`,
  'message.issue.leading-continuation': () => `The message starts with a folded line that belongs to no header.`,
  'message.issue.bare-lf': () => `Line ends were LF only; they were read as CRLF, as sent over SMTP.`,
  'message.issue.nul-in-headers': () => `The header section contains NUL bytes.`,
  'message.untrusted': (p: { count: number }) => `${p.count} authentication header(s) already in the message — shown, not trusted (anyone upstream can write them):`,
  'message.our-header': () => `Our Authentication-Results header:`,
  'message.too-large': (p: { bytes: number; limit: number }) => `The message is ${p.bytes} bytes; at most ${p.limit} bytes are checked.`,
  'message.empty': () => `The message is empty.`,
} satisfies AreaMessages<'message'>;
