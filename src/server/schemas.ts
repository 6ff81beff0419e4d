/**
 * The JSON Schemas of the HTTP API, in one place: routes validate requests with them and
 * @fastify/swagger builds `/openapi.json` (OpenAPI 3.0.3) from the same route definitions,
 * so the document cannot drift from what is validated. Response schemas are documentation
 * (responses are serialised with JSON.stringify, never cut to a schema); the server tests
 * validate real responses against the published document.
 *
 * Schemas keep to the subset that is both JSON Schema draft-07 (Ajv, request validation)
 * and an OpenAPI 3.0 Schema Object: no `const`, no `null` type, no `examples`.
 */
import { LANGS, type Lang } from '../i18n/lang.ts';
import { SPF_RESULTS } from '../spf/types.ts';

// ---------------------------------------------------------------------------------------
// Request shapes (the TypeScript side of the request schemas below)

/** `POST /api/check`. */
export interface CheckBody {
  ip: string;
  sender: string;
  helo?: string;
  policy?: string;
  overrides?: Record<string, string>;
  lang?: Lang;
}

/** `GET /api/why`: openspf's permalink parameters. */
export interface WhyQuery {
  scope: 'mfrom' | 'helo';
  identity: string;
  ip: string;
  /** The receiving host's name, for %{r}. */
  receiver?: string;
  lang?: Lang;
}

/** `POST /api/explain`. */
export interface ExplainBody {
  record?: string;
  domain?: string;
  lang?: Lang;
}

/** `GET /api/audit/:domain`. */
export interface AuditParams {
  domain: string;
}

/** `GET /api/audit/:domain?selectors=a,b&lang=nl`. */
export interface AuditQuery {
  selectors?: string;
  lang?: Lang;
}

/** `POST /api/add`. */
export interface AddBody {
  domain?: string;
  record?: string;
  provider?: string;
  mechanism?: string;
  testIps?: string[];
  keepNoAll?: boolean;
  ttl?: number;
  lang?: Lang;
}

// ---------------------------------------------------------------------------------------
// Limits on input sizes (the request body as a whole is capped by `bodyBytes`)

/** RFC 1035 §2.3.4: 253 characters in text form, plus a trailing dot. */
const DOMAIN_MAX = 254;
/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets; 320 leaves room for the forms people type. */
const SENDER_MAX = 320;
/** Far above RFC 7208 §3.4's 450 octets, for records that are too long and need explaining. */
const RECORD_MAX = 4096;
/** IPv6 text form with an embedded IPv4 address is at most 45 characters. */
const IP_MAX = 64;
const MAX_OVERRIDES = 20;
const MAX_TEST_IPS = 16;

// ---------------------------------------------------------------------------------------
// Shared components (registered with `app.addSchema`, named in /openapi.json)

const str = (description: string, maxLength: number, minLength?: number) => ({
  type: 'string',
  description,
  maxLength,
  ...(minLength === undefined ? {} : { minLength }),
});

/** A reference to a shared component, for Ajv and (rewritten by @fastify/swagger) for OpenAPI. */
export const ref = (id: string) => ({ $ref: `${id}#` });

const anyObject = (description: string) => ({ type: 'object', description, additionalProperties: true });

const span = {
  type: 'object',
  description: 'Half-open character range [start, end) in the record text.',
  required: ['start', 'end'],
  properties: { start: { type: 'integer' }, end: { type: 'integer' } },
};

/** Components, each with its `$id` (the name under `#/components/schemas`). */
export const COMPONENTS = [
  {
    $id: 'Readiness',
    type: 'object',
    required: ['status', 'dns'],
    properties: {
      status: { type: 'string', enum: ['ready', 'unavailable'] },
      dns: {
        type: 'object',
        required: ['state'],
        description: 'The ResolverHealth of the probe, or `not-probed` for a zone resolver.',
        properties: {
          state: { type: 'string', enum: ['reachable', 'unreachable', 'not-probed'] },
          servers: { type: 'array', items: { type: 'string' } },
          error: { type: 'string', enum: ['refused', 'no-reply'] },
          detail: { type: 'string' },
        },
      },
      message: { type: 'string', description: 'unavailable only: the resolver and its error in words (Accept-Language).' },
    },
  },
  {
    $id: 'Lang',
    type: 'string',
    enum: [...LANGS],
    description: 'Language of the words in the response. Default: from the Accept-Language header, else en.',
  },
  {
    $id: 'InputIssue',
    type: 'object',
    required: ['field', 'code', 'message'],
    properties: {
      field: { type: 'string', description: 'The request field at fault, e.g. `ip`, `sender`, `overrides.example.com`.' },
      code: { type: 'string', description: 'Machine-readable reason, e.g. `bad-ip`, `required`, `unknown-field`.' },
      message: { type: 'string' },
      problem: { type: 'string', description: 'What is wrong with the value, without the field name: for a form that shows it next to the field.' },
    },
  },
  {
    $id: 'Error',
    type: 'object',
    description: 'Every error response. Never contains a stack trace.',
    required: ['error', 'message', 'requestId'],
    properties: {
      error: {
        type: 'string',
        description: 'invalid-input, invalid-json, body-too-large, unsupported-media-type, not-found, rate-limited, dns-budget (429: the client DNS query allowance is spent), internal, bad-request.',
      },
      message: { type: 'string' },
      requestId: { type: 'string', description: 'Also in the `x-request-id` header and the server log.' },
      issues: { type: 'array', items: ref('InputIssue') },
    },
  },
  {
    $id: 'SpfCheck',
    type: 'object',
    description: 'The outcome of check_host() (RFC 7208 §4) with its evaluation trace; see `SpfCheck` in the library.',
    required: ['result', 'domain', 'identity', 'sender', 'ip', 'cause', 'trace', 'lookups', 'problems', 'overridesUsed'],
    additionalProperties: true,
    properties: {
      result: { type: 'string', enum: [...SPF_RESULTS], description: 'RFC 7208 §2.6; also the Received-SPF token.' },
      domain: { type: 'string', description: 'The domain whose policy was checked.' },
      identity: { type: 'string', enum: ['mfrom', 'helo'] },
      sender: { type: 'string' },
      ip: { type: 'string', description: 'The client IP, canonical.' },
      explanation: { type: 'string', description: 'The text of the domain’s exp= (fail only).' },
      cause: {
        type: 'object',
        description: 'Why: `code` (matched, no-match, no-record, dns-error, lookup-limit, syntax …), `domain`, and details per code.',
        required: ['code', 'domain'],
        additionalProperties: true,
        properties: { code: { type: 'string' }, domain: { type: 'string' } },
      },
      matched: {
        type: 'object',
        description: 'The mechanism that decided.',
        required: ['domain', 'text', 'span', 'kind', 'qualifier', 'depth'],
        properties: {
          domain: { type: 'string' },
          text: { type: 'string' },
          span,
          kind: { type: 'string' },
          qualifier: { type: 'string', enum: ['+', '-', '~', '?'] },
          depth: { type: 'integer' },
        },
      },
      trace: {
        type: 'array',
        description: 'Evaluation steps: check, query, record, term, result, explanation.',
        items: {
          type: 'object',
          required: ['type', 'depth'],
          additionalProperties: true,
          properties: { type: { type: 'string' }, depth: { type: 'integer' } },
        },
      },
      lookups: {
        type: 'object',
        description: 'RFC 7208 §4.6.4 counts.',
        required: ['terms', 'void', 'mx', 'ptr'],
        properties: { terms: { type: 'integer' }, void: { type: 'integer' }, mx: { type: 'integer' }, ptr: { type: 'integer' } },
      },
      problems: { type: 'array', items: anyObject('A problem met that did not decide the result, as data: `code`, `domain` and the code’s parameters (`SpfProblem`); `explanation.problems` has it in words.') },
      overridesUsed: { type: 'array', items: { type: 'string' } },
    },
  },
  {
    $id: 'TreeNode',
    type: 'object',
    description: 'One checked record and its terms; includes and redirects nest (`terms[].child`).',
    required: ['domain', 'via', 'depth', 'terms', 'lookups'],
    properties: {
      domain: { type: 'string' },
      via: { type: 'string', enum: ['root', 'include', 'redirect'] },
      depth: { type: 'integer' },
      record: { type: 'string' },
      source: { type: 'string', enum: ['dns', 'override'] },
      result: { type: 'string', enum: [...SPF_RESULTS] },
      cause: anyObject('As `SpfCheck.cause`.'),
      lookups: { type: 'integer', description: 'DNS-querying terms of this record itself.' },
      terms: {
        type: 'array',
        items: {
          type: 'object',
          required: ['index', 'text', 'span', 'kind', 'outcome', 'counted'],
          properties: {
            index: { type: 'integer' },
            text: { type: 'string' },
            span,
            kind: { type: 'string' },
            outcome: { type: 'string', enum: ['match', 'no-match', 'error'] },
            counted: { type: 'boolean' },
            target: { type: 'string' },
            child: ref('TreeNode'),
          },
        },
      },
    },
  },
  {
    $id: 'CheckExplanation',
    type: 'object',
    required: ['headline', 'reason', 'summary', 'problems'],
    properties: {
      headline: { type: 'string', description: 'One sentence on the outcome.' },
      reason: { type: 'string', description: 'The deciding term or the error, and where it sits.' },
      advice: { type: 'string', description: 'What the domain owner can do, when there is something to do.' },
      summary: { type: 'string' },
      problems: { type: 'array', items: { type: 'string' }, description: 'Each of `check.problems` in words (Accept-Language), in its order.' },
    },
  },
  {
    $id: 'ResolverHealth',
    type: 'object',
    description: "spfkit's own DNS resolver as its probe (one query for the root, one short try) found it: `unreachable` when the connection was refused or no reply came.",
    required: ['state', 'servers'],
    properties: {
      state: { type: 'string', enum: ['reachable', 'unreachable'] },
      servers: { type: 'array', items: { type: 'string' }, description: 'The servers the resolver asks.' },
      error: { type: 'string', enum: ['refused', 'no-reply'], description: 'unreachable only.' },
      detail: { type: 'string', description: 'What the transport said, e.g. `ECONNREFUSED 127.0.0.1:1`.' },
    },
  },
  {
    $id: 'CheckResponse',
    type: 'object',
    required: ['check', 'explanation', 'lang'],
    properties: {
      check: ref('SpfCheck'),
      tree: { ...ref('TreeNode'), description: 'The include/redirect tree; absent when no record was looked at (invalid domain).' },
      explanation: ref('CheckExplanation'),
      ptrName: { type: 'string', description: 'The forward-confirmed reverse-DNS name of the client, when it has one.' },
      resolver: { ...ref('ResolverHealth'), description: "Present when the temperror is spfkit's own resolver being unreachable (not the domain's DNS); the explanation then says so." },
      lang: ref('Lang'),
    },
  },
  {
    $id: 'RecordExplanation',
    type: 'object',
    description:
      'A record term by term: meaning, lookup cost, syntax problems with positions. Spans point into the response’s `record` (carried once); at most 50 terms and 20 problems are explained, the rest counted.',
    required: ['ok', 'terms', 'issues', 'moreIssues', 'moreTerms', 'lookups', 'limit', 'size', 'notes'],
    properties: {
      ok: { type: 'boolean', description: 'No syntax problems.' },
      terms: {
        type: 'array',
        items: {
          type: 'object',
          required: ['text', 'span', 'kind', 'meaning', 'lookups'],
          properties: {
            text: { type: 'string', description: 'The term for showing: control characters as ·, over 120 characters shortened with …; `span` is exact.' },
            span,
            qualifier: { type: 'string', enum: ['+', '-', '~', '?'] },
            kind: { type: 'string' },
            meaning: { type: 'string' },
            lookups: { type: 'integer' },
          },
        },
      },
      issues: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'span', 'column', 'message', 'caret'],
          properties: {
            code: { type: 'string' },
            span,
            column: { type: 'integer' },
            token: { type: 'string' },
            suggestion: { type: 'string', description: 'The term as it was probably meant (`~all` for `~al`).' },
            message: { type: 'string' },
            caret: { type: 'string' },
          },
        },
      },
      moreIssues: { type: 'integer', description: 'Problems beyond the first 20, counted but not explained.' },
      moreTerms: { type: 'integer', description: 'Terms beyond the first 50, counted (lookups too) but not explained.' },
      lookups: { type: 'integer' },
      limit: { type: 'integer' },
      size: {
        type: 'object',
        description: 'What publishing the record takes (RFC 1035 §3.3: 255-byte TXT strings; RFC 7208 §3.4: under 450 bytes).',
        required: ['bytes', 'strings', 'tooLong'],
        properties: {
          bytes: { type: 'integer' },
          strings: { type: 'integer', description: 'TXT strings it is published as.' },
          tooLong: { type: 'boolean', description: 'Over 450 bytes: cannot be published like this.' },
        },
      },
      notes: { type: 'array', items: { type: 'string' } },
    },
  },
  {
    $id: 'ExplainResponse',
    type: 'object',
    required: ['lang'],
    properties: {
      lang: ref('Lang'),
      domain: { type: 'string', description: 'The domain asked for (canonical).' },
      record: { type: 'string', description: 'The record explained (its first 8 192 characters when it is longer: see `recordLength`).' },
      recordLength: { type: 'integer', description: 'The length of the record when `record` is cut.' },
      explanation: ref('RecordExplanation'),
      problem: {
        type: 'object',
        description: 'Why the domain’s record could not be explained.',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: ['nxdomain', 'nodata', 'no-spf', 'multiple-records', 'timeout', 'servfail'] },
          message: { type: 'string' },
        },
      },
    },
  },
  {
    $id: 'Provider',
    type: 'object',
    required: ['id', 'name', 'mechanism', 'testIps', 'docs'],
    additionalProperties: true,
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      mechanism: { type: 'string', description: 'The mechanism customers add, e.g. include:spf.coachview.net.' },
      additional: { type: 'array', items: anyObject('A further mechanism some customers need.') },
      testIps: { type: 'array', items: { type: 'string' } },
      dkim: anyObject('DKIM selectors the provider signs with.'),
      docs: { type: 'string' },
      seed: { type: 'string' },
      note: { type: 'string' },
    },
  },
  {
    $id: 'ProviderCatalogue',
    type: 'object',
    required: ['version', 'note', 'providers'],
    properties: {
      version: { type: 'integer', enum: [1] },
      note: { type: 'string' },
      providers: { type: 'array', items: ref('Provider') },
    },
  },
  {
    $id: 'Finding',
    type: 'object',
    required: ['id', 'area', 'severity', 'message', 'evidence'],
    properties: {
      id: { type: 'string', description: 'Stable kebab-case id, e.g. spf-no-all, dmarc-policy-none.' },
      area: { type: 'string', enum: ['spf', 'dkim', 'dmarc', 'mx'] },
      severity: { type: 'string', enum: ['error', 'warning', 'info'] },
      message: { type: 'string' },
      evidence: anyObject('The records, names and values that show it.'),
      fix: { type: 'string', description: 'What to do about it.' },
    },
  },
  {
    $id: 'AreaResult',
    type: 'object',
    required: ['verdict', 'summary', 'findings'],
    properties: {
      verdict: { type: 'string', enum: ['ok', 'warning', 'error', 'unknown', 'not-found'], description: 'unknown: DNS failed, "could not check"; not-found: no DKIM key at the selectors tried (others may exist).' },
      summary: { type: 'string' },
      findings: { type: 'array', items: ref('Finding') },
    },
  },
  {
    $id: 'AuditResult',
    type: 'object',
    required: ['domain', 'lang', 'grade', 'areas', 'findings'],
    properties: {
      domain: { type: 'string' },
      lang: ref('Lang'),
      grade: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F', null], nullable: true, description: "null: no grade, spfkit's own resolver could not be reached (see `resolver`)." },
      resolver: { ...ref('ResolverHealth'), description: "Present when spfkit's own resolver could not be reached: every area is then `unknown` with one dns-resolver-unreachable finding." },
      areas: {
        type: 'object',
        required: ['spf', 'dkim', 'dmarc', 'mx'],
        properties: { spf: ref('AreaResult'), dkim: ref('AreaResult'), dmarc: ref('AreaResult'), mx: ref('AreaResult') },
      },
      findings: { type: 'array', items: ref('Finding'), description: 'Every finding, in area order, worst first within an area.' },
    },
  },
  {
    $id: 'PublishForms',
    type: 'object',
    required: ['name', 'ttl', 'strings', 'zoneLine', 'panel', 'json'],
    properties: {
      name: { type: 'string' },
      ttl: { type: 'integer' },
      strings: { type: 'array', items: { type: 'string' } },
      zoneLine: { type: 'string', description: 'RFC 1035 master-file line.' },
      panel: { type: 'string', description: 'The value to paste into a DNS control panel.' },
      json: anyObject('The record as JSON for DNS APIs.'),
    },
  },
  {
    $id: 'AddResponse',
    type: 'object',
    required: ['plan', 'messages'],
    properties: {
      plan: {
        type: 'object',
        description:
          'The plan (`AddPlan` in the library): status added | already-authorised | created | blocked; the record before and after, reasons, warnings and the verification — or, blocked, the issues to fix first.',
        required: ['status', 'domain', 'mechanism'],
        additionalProperties: true,
        properties: {
          status: { type: 'string', enum: ['added', 'already-authorised', 'created', 'blocked'] },
          domain: { type: 'string' },
          mechanism: { type: 'string' },
        },
      },
      publish: {
        type: 'object',
        description: 'What to publish (absent when blocked).',
        required: ['main', 'subRecords'],
        properties: { main: ref('PublishForms'), subRecords: { type: 'array', items: ref('PublishForms') } },
      },
      provider: ref('Provider'),
      messages: {
        type: 'object',
        description:
          'The plan’s reasons, warnings, (blocked) issues and verification problems in words, in the language asked for; one sentence per item of `plan.reasons`, `plan.warnings`, `plan.issues` and `plan.verification.issues`, in their order.',
        required: ['reasons', 'warnings', 'issues', 'verification', 'syntax'],
        properties: {
          reasons: { type: 'array', items: { type: 'string' } },
          warnings: { type: 'array', items: { type: 'string' } },
          issues: { type: 'array', items: { type: 'string' } },
          verification: { type: 'array', items: { type: 'string' } },
          syntax: { type: 'array', items: { type: 'string' }, description: 'The syntax problems of a blocking `record-syntax` issue (its `issues`), one sentence each.' },
        },
      },
    },
  },
] as const;

/** The error responses a route can give, by status. */
export function errors(...statuses: number[]): Record<string, unknown> {
  const descriptions: Record<number, string> = {
    400: 'Invalid input; `issues` names the fields.',
    401: 'No API token, or one that is not valid (`Authorization: Bearer <token>`; make one with `spfkit monitor token create`).',
    404: 'Not found.',
    503: 'The monitor database cannot be opened.',
    413: 'The request body is too large.',
    415: 'The body is not JSON.',
    429: 'Too many requests from this client; see the Retry-After header.',
    500: 'Internal error; quote the request id.',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: descriptions[s] ?? 'Error', ...ref('Error') }]));
}

export const lang = { ...ref('Lang') };

// ---------------------------------------------------------------------------------------
// Route schemas

/** `POST /api/check`. */
export const CHECK_SCHEMA = {
  tags: ['spf'],
  operationId: 'check',
  summary: 'Check an IP and sender against the SPF policy (published or candidate)',
  description:
    'RFC 7208 check_host() for the client IP and the MAIL FROM address (or, with an empty sender, the HELO name), explained in words. `policy` tests a candidate record for the sender’s domain before it is published; `overrides` replaces the records of any domains met (includes too); "" stands for no record.',
  body: {
    type: 'object',
    required: ['ip', 'sender'],
    additionalProperties: false,
    properties: {
      ip: str('The sending server’s IPv4 or IPv6 address.', IP_MAX, 1),
      sender: str('MAIL FROM address (info@example.com) or bare domain; "" checks the HELO name.', SENDER_MAX),
      helo: str('HELO/EHLO name; needed when sender is "".', DOMAIN_MAX),
      policy: str('Candidate SPF record for the sender’s domain; must start with v=spf1.', RECORD_MAX),
      overrides: {
        type: 'object',
        description: 'Records to use instead of DNS, by domain ("" = no record).',
        maxProperties: MAX_OVERRIDES,
        additionalProperties: { type: 'string', maxLength: RECORD_MAX },
      },
      lang,
    },
  },
  response: { 200: { description: 'The check, its tree and its explanation.', ...ref('CheckResponse') }, ...errors(400, 413, 415, 429, 500) },
} as const;

/** `GET /api/why`. */
export const WHY_SCHEMA = {
  tags: ['spf'],
  operationId: 'why',
  summary: 'openspf-style "Why?" permalink',
  description:
    'The same as POST /api/check for a permalink: `?scope=mfrom&identity=info@klant.nl&ip=5.255.64.53`. `;` between the parameters is accepted too, and so are openspf.org\'s names that old reject texts link to: `?s=mfrom;id=info%40klant.nl;ip=5.255.64.53;r=mx.example.org` (s = scope, id = identity, r = receiver; without s, as libspf2 links, the scope is mfrom).',
  querystring: {
    type: 'object',
    required: ['scope', 'identity', 'ip'],
    additionalProperties: false,
    properties: {
      scope: { type: 'string', enum: ['mfrom', 'helo'], description: 'mfrom: identity is the MAIL FROM address; helo: the HELO name.' },
      identity: str('The MAIL FROM address or the HELO name.', SENDER_MAX, 1),
      ip: str('The sending server’s IPv4 or IPv6 address.', IP_MAX, 1),
      receiver: str('The receiving host’s name, for the %{r} macro of an explanation; "unknown" when it is not a domain name.', DOMAIN_MAX),
      lang,
    },
  },
  response: { 200: { description: 'The check, its tree and its explanation.', ...ref('CheckResponse') }, ...errors(400, 429, 500) },
} as const;

/** `POST /api/explain`. */
export const EXPLAIN_SCHEMA = {
  tags: ['spf'],
  operationId: 'explain',
  summary: 'Explain an SPF record term by term',
  description:
    'Give `record` to explain that text, or `domain` to explain the record the domain publishes. With both, `record` is explained as the record of `domain` (a candidate).',
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      record: str('An SPF record, v=spf1 …', RECORD_MAX),
      domain: str('A domain whose published record to explain.', DOMAIN_MAX, 1),
      lang,
    },
  },
  response: { 200: { description: 'The explanation, or why there is none.', ...ref('ExplainResponse') }, ...errors(400, 413, 415, 429, 500) },
} as const;

/** At most this many DKIM selectors per audit. */
export const MAX_SELECTORS = 20;

/** `GET /api/audit/:domain`. */
export const AUDIT_SCHEMA = {
  tags: ['audit'],
  operationId: 'audit',
  summary: 'Audit a domain: SPF (with its include tree), DKIM, DMARC and MX, with a grade',
  params: {
    type: 'object',
    required: ['domain'],
    properties: { domain: str('The domain to audit.', DOMAIN_MAX, 1) },
  },
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      selectors: str(`Comma-separated DKIM selectors to check (at most ${MAX_SELECTORS}); without, common ones are probed.`, 1024),
      lang,
    },
  },
  response: { 200: { description: 'Findings per area, verdicts and a grade.', ...ref('AuditResult') }, ...errors(400, 429, 500) },
} as const;

/** `GET /api/providers`. */
export const PROVIDERS_SCHEMA = {
  tags: ['record'],
  operationId: 'providers',
  summary: 'The catalogue of known sending services',
  response: { 200: { description: 'data/providers.json, validated.', ...ref('ProviderCatalogue') }, ...errors(500) },
} as const;

/** `POST /api/add`. */
export const ADD_SCHEMA = {
  tags: ['record'],
  operationId: 'add',
  summary: 'Plan adding a sending service to an SPF record',
  description:
    'Starts from `record`, or from the record published at `domain`; adds `provider` (an id from /api/providers) or one `mechanism`; keeps the record within 10 DNS lookups and 450 octets, and verifies the result with `testIps` (default: the provider’s, or derived from the mechanism). Give `domain` or `record` (or both), and exactly one of `provider` and `mechanism`.',
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      domain: str('The MAIL FROM domain the record is (to be) published at.', DOMAIN_MAX, 1),
      record: str('The record to start from instead of the published one; "" = no record yet.', RECORD_MAX),
      provider: { type: 'string', maxLength: 64, pattern: '^[a-z0-9-]+$', description: 'A provider id from /api/providers.' },
      mechanism: str('One mechanism, e.g. include:spf.coachview.net, ip4:82.94.214.5, a:smtp1.blueinkt.com.', 512, 1),
      testIps: { type: 'array', maxItems: MAX_TEST_IPS, items: str('An address the service sends from.', IP_MAX, 1) },
      keepNoAll: { type: 'boolean', description: 'Do not append ~all to a record without all/redirect.' },
      ttl: { type: 'integer', minimum: 0, maximum: 2147483647, description: 'TTL of the zone-file line (RFC 2181 §8), default 3600.' },
      lang,
    },
  },
  response: { 200: { description: 'The plan and what to publish.', ...ref('AddResponse') }, ...errors(400, 413, 415, 429, 500) },
} as const;

/** `GET /readyz`. */
export const READY_SCHEMA = {
  tags: ['server'],
  operationId: 'ready',
  summary: "Readiness: whether spfkit's own DNS resolver answers (probed at most every few seconds)",
  description: 'For a load balancer or monitor: 503 while the resolver refuses connections or does not reply, so checks would all end in temperror. With a zone resolver (ZONE_FILE, tests) there is nothing to probe.',
  response: {
    200: { description: 'Ready.', ...ref('Readiness') },
    503: { description: "spfkit's own resolver could not be reached.", ...ref('Readiness') },
  },
} as const;

/** `GET /healthz`. */
export const HEALTH_SCHEMA = {
  tags: ['server'],
  operationId: 'health',
  summary: 'Liveness: answers while the process serves requests, whatever DNS does',
  response: {
    200: {
      description: 'Serving.',
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ok'] } },
    },
  },
} as const;
