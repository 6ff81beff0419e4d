/**
 * DKIM canonicalisation, RFC 6376 §3.4: the `simple` and `relaxed` forms of header fields and
 * of the body. Text is latin1 (one character per octet, see message.ts), lines end in CRLF.
 */

/** `c=` algorithm names (RFC 6376 §3.4). */
export type Canonicalization = 'simple' | 'relaxed';

/**
 * One header field in canonical form, with its final CRLF (RFC 6376 §3.7: each selected field
 * is hashed with its CRLF; the DKIM-Signature field itself is hashed without, see `verify.ts`).
 *
 * @example
 * canonicalizeHeader('Subject :  Hello\r\n  World ', 'relaxed'); // 'subject:Hello World\r\n'
 */
export function canonicalizeHeader(raw: string, algorithm: Canonicalization): string {
  switch (algorithm) {
    case 'simple':
      // §3.4.1: the field exactly as it is.
      return `${raw}\r\n`;
    case 'relaxed': {
      // §3.4.2: lower-case the name; unfold; WSP runs → one SP; no WSP at the value's end;
      // no WSP around the colon.
      const colon = raw.indexOf(':');
      const name = raw.slice(0, colon).replace(/[ \t]+$/, '').toLowerCase();
      const value = raw
        .slice(colon + 1)
        .replace(/\r\n/g, '')
        .replace(/[ \t]+/g, ' ')
        .replace(/^ /, '')
        .replace(/ $/, '');
      return `${name}:${value}\r\n`;
    }
    default: {
      const never: never = algorithm;
      throw new Error(`unknown canonicalization ${String(never)}`);
    }
  }
}

/**
 * The body in canonical form (RFC 6376 §3.4.3, §3.4.4).
 *
 * - simple: trailing empty lines removed; an empty body becomes one CRLF; a body that does
 *   not end in CRLF gets one.
 * - relaxed: WSP at line ends removed, WSP runs → one SP, then trailing empty lines removed;
 *   an empty body stays empty (erratum 1384).
 *
 * @example
 * canonicalizeBody('Hi  there \r\n\r\n\r\n', 'relaxed'); // 'Hi there\r\n'
 */
export function canonicalizeBody(body: string, algorithm: Canonicalization): string {
  switch (algorithm) {
    case 'simple': {
      let text = body;
      if (text.length > 0 && !text.endsWith('\r\n')) text += '\r\n';
      text = stripTrailingEmptyLines(text);
      return text.length === 0 ? '\r\n' : text;
    }
    case 'relaxed': {
      let text = body.replace(/[ \t]+\r\n/g, '\r\n').replace(/[ \t]+/g, ' ');
      // A last line without CRLF: its trailing WSP goes too, and it gets a CRLF (§3.4.4 reads
      // the body as lines; a non-empty last line is completed).
      if (text.length > 0 && !text.endsWith('\r\n')) text = `${text.replace(/ $/, '')}\r\n`;
      text = stripTrailingEmptyLines(text);
      return text;
    }
    default: {
      const never: never = algorithm;
      throw new Error(`unknown canonicalization ${String(never)}`);
    }
  }
}

/** Removes the empty lines at the end: "CRLF CRLF … CRLF" after the last CRLF of content. */
function stripTrailingEmptyLines(text: string): string {
  let end = text.length;
  while (end >= 4 && text.charCodeAt(end - 1) === 0x0a && text.charCodeAt(end - 2) === 0x0d && text.charCodeAt(end - 3) === 0x0a && text.charCodeAt(end - 4) === 0x0d) end -= 2;
  // A body of only CRLFs: nothing left.
  if (end === 2 && text.startsWith('\r\n')) end = 0;
  return end === text.length ? text : text.slice(0, end);
}
