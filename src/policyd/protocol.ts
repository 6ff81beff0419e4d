/**
 * The Postfix SMTP access policy delegation protocol (Postfix SMTPD_POLICY_README): a request
 * is `name=value` lines ending in an empty line; the answer is `action=…` and an empty line.
 * Many requests may follow on one connection. This module only turns bytes into requests and
 * answers into bytes; time (the stalled-client timeout) belongs to the socket shell, which
 * asks `reader.inRequest` whether a request is half read.
 */

/** One request's attributes (`request`, `protocol_state`, `client_address`, `sender`, `helo_name` …). */
export type PolicyRequest = ReadonlyMap<string, string>;

/** The largest request accepted: 1 MB (Postfix's own requests are well under 2 kB). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** A request that could not be read; it is still answered (fail-safe), and logged. */
export type RequestProblem =
  /** A line without `=`, or with an empty name. */
  | { code: 'malformed-line'; line: string; lineNumber: number }
  /** More than `MAX_REQUEST_BYTES` before the empty line; the rest of the connection is dropped. */
  | { code: 'too-large'; limit: number };

export type ReaderEvent = { kind: 'request'; request: PolicyRequest; problems: RequestProblem[] } | { kind: 'too-large'; problem: RequestProblem };

/** Lines quoted in a problem are cut here, so that a log line stays a line. */
const QUOTE_LIMIT = 200;

/**
 * Reads requests from a byte stream, chunk by chunk. Lines end in LF (Postfix's) or CRLF.
 * A malformed line does not end the connection: the request it is in is answered and marked
 * (`problems`), as the next empty line resynchronises the stream. A request over the size
 * limit cannot be resynchronised cheaply and ends the connection after its answer.
 *
 * @example
 * const reader = new RequestReader();
 * reader.push(Buffer.from('request=smtpd_access_policy\nsender=a@b.nl\n\n'));
 * // → [{ kind: 'request', request: Map { 'request' => 'smtpd_access_policy', 'sender' => 'a@b.nl' }, problems: [] }]
 */
export class RequestReader {
  readonly #limit: number;
  #pending = '';
  #attributes = new Map<string, string>();
  #problems: RequestProblem[] = [];
  #lines = 0;
  #size = 0;
  #closed = false;

  constructor(options: { maxRequestBytes?: number } = {}) {
    this.#limit = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  }

  /** Whether part of a request has arrived but not its empty line (the stalled-client clock runs). */
  get inRequest(): boolean {
    return !this.#closed && (this.#pending.length > 0 || this.#lines > 0);
  }

  /** Feeds a chunk; returns the requests (and a size refusal) it completed. */
  push(chunk: Buffer | string): ReaderEvent[] {
    if (this.#closed) return [];
    const events: ReaderEvent[] = [];
    const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    const data = this.#pending + text;
    let start = 0;
    for (;;) {
      const end = data.indexOf('\n', start);
      if (end === -1) break;
      const line = end > start && data.charCodeAt(end - 1) === 13 ? data.slice(start, end - 1) : data.slice(start, end);
      this.#size += end + 1 - start;
      start = end + 1;
      if (line === '') {
        // An empty line outside a request is ignored (keep-alive tolerance).
        if (this.#lines > 0) events.push(this.#finish());
        else this.#size = 0;
        continue;
      }
      if (this.#size > this.#limit) return this.#refuse(events);
      this.#addLine(line);
    }
    this.#pending = data.slice(start);
    if (this.#size + this.#pending.length > this.#limit) return this.#refuse(events);
    return events;
  }

  #refuse(events: ReaderEvent[]): ReaderEvent[] {
    this.#closed = true;
    this.#pending = '';
    this.#attributes = new Map();
    events.push({ kind: 'too-large', problem: { code: 'too-large', limit: this.#limit } });
    return events;
  }

  #addLine(line: string): void {
    this.#lines++;
    const eq = line.indexOf('=');
    if (eq <= 0) {
      this.#problems.push({ code: 'malformed-line', line: line.length > QUOTE_LIMIT ? `${line.slice(0, QUOTE_LIMIT)}…` : line, lineNumber: this.#lines });
      return;
    }
    // Postfix sends each name once; a repeated name keeps its last value, as policyd-spf does.
    this.#attributes.set(line.slice(0, eq), decodeValue(line.slice(eq + 1)));
  }

  #finish(): ReaderEvent {
    const event: ReaderEvent = { kind: 'request', request: this.#attributes, problems: this.#problems };
    this.#attributes = new Map();
    this.#problems = [];
    this.#lines = 0;
    this.#size = 0;
    return event;
  }
}

/** Bytes were read as latin1 to keep them; values are UTF-8 (SMTPUTF8 senders), so decode. */
function decodeValue(value: string): string {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) return Buffer.from(value, 'latin1').toString('utf8');
  }
  return value;
}

/**
 * The answer to one request: `action=<action>` and the empty line. Line breaks inside the
 * action would end the answer early and let the rest be read as the next answer, so they are
 * replaced by spaces (a header's folding is not allowed in PREPEND text either).
 *
 * @example
 * formatResponse('DUNNO') // 'action=DUNNO\n\n'
 */
export function formatResponse(action: string): string {
  return `action=${action.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/**
 * A request back as protocol text (tests, the benchmark client, and a request replayed
 * from a log).
 *
 * @example
 * formatRequest({ request: 'smtpd_access_policy', sender: '' }) // 'request=smtpd_access_policy\nsender=\n\n'
 */
export function formatRequest(attributes: Readonly<Record<string, string>> | PolicyRequest): string {
  const entries = attributes instanceof Map ? [...attributes] : Object.entries(attributes);
  return entries.map(([name, value]) => `${name}=${String(value).replace(/[\r\n]+/g, ' ')}\n`).join('') + '\n';
}
