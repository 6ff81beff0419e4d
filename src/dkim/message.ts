/**
 * An Internet message split into its header fields and body (RFC 5322 §2.1–2.2), byte-exact,
 * as DKIM needs it (RFC 6376 §3.4 canonicalises the bytes as received).
 *
 * Text is kept as latin1 strings: one character per octet, so any byte (8-bit, UTF-8 headers
 * of RFC 6532, binary) survives unchanged and hashing `Buffer.from(text, 'latin1')` gives the
 * original octets back.
 *
 * Line ends: a message read from a Unix file has bare LF line ends; RFC 5322 §2.1 lines end in
 * CRLF, and DKIM signers hash CRLF. So a bare LF (not after CR) is read as CRLF, as mailauth
 * and dkimpy do.
 */
import { Buffer } from 'node:buffer';

/** One header field as it appears in the message. */
export interface HeaderField {
  /** The field name as written (before the colon, trailing WSP removed). */
  name: string;
  /** `name` in lower case, for matching (field names are case-insensitive, RFC 5322 §1.2.2). */
  key: string;
  /** The whole field as latin1 text: name, colon, value, inner CRLFs of folding; no final CRLF. */
  raw: string;
  /** The value after the colon, folding kept (latin1). */
  value: string;
}

/** Why the header section is not what RFC 5322 wants (the message is still read). */
export type MessageIssue =
  /** The first line is not a header field: the message has no header section. */
  | { code: 'no-headers' }
  /** A line in the header section is neither a field nor a folded continuation; the body starts there. */
  | { code: 'bad-header-line'; line: number }
  /** The header section starts with a folded (WSP) line, which belongs to no field. */
  | { code: 'leading-continuation' }
  /** Bare LF line ends were read as CRLF. */
  | { code: 'bare-lf' }
  /** NUL octets in the header section: not text (RFC 5322 §2.2). */
  | { code: 'nul-in-headers' };

/** A parsed message: fields in order, top first, and the body bytes (CRLF line ends). */
export interface ParsedMessage {
  headers: HeaderField[];
  /** The body: everything after the empty line that ends the header section, as latin1. */
  body: string;
  issues: MessageIssue[];
}

const CR = 0x0d;
const LF = 0x0a;

/** CRLF line ends: bare LF becomes CRLF (a copy only when there is one). */
function toCrlf(bytes: Buffer): { text: string; changed: boolean } {
  let bare = false;
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) {
    if (i === 0 || bytes[i - 1] !== CR) {
      bare = true;
      break;
    }
  }
  const text = bytes.toString('latin1');
  if (!bare) return { text, changed: false };
  return { text: text.replace(/\r?\n/g, '\r\n'), changed: true };
}

// RFC 5322 §3.6.8: field-name = 1*ftext, ftext = %d33-57 / %d59-126 (printable, no colon).
// Trailing WSP before the colon is tolerated (obsolete syntax, §4.5).
const FIELD_START = /^([!-9;-~]+)[ \t]*:/;

/**
 * Splits a raw message into header fields and body. Never throws; a message without a header
 * section (a binary blob, a bare body) has no fields and the issue `no-headers`.
 *
 * @example
 * const message = parseMessage(Buffer.from('From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n'));
 * message.headers.map((h) => h.key); // ['from', 'subject']
 * message.body; // 'body\r\n'
 */
export function parseMessage(raw: Uint8Array | string): ParsedMessage {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'latin1') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const { text, changed } = toCrlf(bytes);
  const issues: MessageIssue[] = [];
  if (changed) issues.push({ code: 'bare-lf' });
  const headers: HeaderField[] = [];
  let pos = 0;
  let line = 0;
  let bodyStart = -1;
  let current: { name: string; start: number; colon: number } | undefined;
  // `lineStart`: where the line after the field begins; the field ends before that line's CRLF.
  const close = (lineStart: number): void => {
    if (current === undefined) return;
    const end = text.startsWith('\r\n', lineStart - 2) ? lineStart - 2 : lineStart;
    const fieldRaw = text.slice(current.start, end);
    headers.push({ name: current.name, key: current.name.toLowerCase(), raw: fieldRaw, value: fieldRaw.slice(current.colon - current.start + 1) });
    current = undefined;
  };
  while (pos < text.length) {
    const eol = text.indexOf('\r\n', pos);
    const end = eol === -1 ? text.length : eol;
    const next = eol === -1 ? text.length : eol + 2;
    line++;
    if (end === pos) {
      // The empty line: the header section ends (RFC 5322 §2.1).
      close(pos);
      bodyStart = next;
      break;
    }
    const first = text.charCodeAt(pos);
    if (first === 0x20 || first === 0x09) {
      if (current === undefined) {
        if (headers.length === 0 && line === 1) issues.push({ code: 'leading-continuation' });
        else {
          issues.push({ code: 'bad-header-line', line });
          bodyStart = pos;
          break;
        }
      }
      pos = next;
      continue;
    }
    const match = FIELD_START.exec(text.slice(pos, Math.min(end, pos + 1000)));
    if (match === null) {
      const none = headers.length === 0 && current === undefined;
      close(pos);
      if (none) issues.push({ code: 'no-headers' });
      else issues.push({ code: 'bad-header-line', line });
      bodyStart = pos;
      break;
    }
    close(pos);
    current = { name: match[1] ?? '', start: pos, colon: pos + match[0].length - 1 };
    pos = next;
  }
  if (bodyStart === -1) {
    // No empty line: the message is all header section (or empty).
    close(text.length);
    bodyStart = text.length;
    if (headers.length === 0 && text.length > 0 && !issues.some((issue) => issue.code === 'no-headers')) issues.push({ code: 'no-headers' });
  }
  if (headers.some((header) => header.raw.includes('\0'))) issues.push({ code: 'nul-in-headers' });
  return { headers, body: text.slice(bodyStart), issues };
}

/** The octets of a latin1 string (the inverse of the reading above). */
export function octets(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
