/**
 * The JSON Schemas of the monitor's routes (`/api/monitor/…`), beside the public API's in
 * schemas.ts and in the same subset (draft-07 ∩ OpenAPI 3.0). Request types are written from
 * them; response schemas document the shapes of src/monitor/types.ts and src/app/monitor.ts.
 */
import { DOMAIN_SORTS, type DomainSort } from '../monitor/store.ts';
import { EVENT_KINDS, MONITOR_SITUATIONS } from '../monitor/types.ts';
import { type Lang } from '../i18n/lang.ts';
import { DEFAULT_PAGE, MAX_PAGE, WATCH_LIMITS } from '../app/monitor.ts';
import { errors, lang, ref } from './schemas.ts';

/** RFC 1035 §2.3.4: 253 characters in text form, plus a trailing dot. */
const DOMAIN_MAX = 254;
/** The largest CSV an import takes over HTTP. */
export const IMPORT_BODY_BYTES = 8 * 1024 * 1024;
/** Domains one `POST /api/monitor/check` checks. */
export const MAX_HTTP_CHECK = MAX_PAGE;

/** Every monitor route needs the token (components.securitySchemes.apiToken). */
const security = [{ apiToken: [] }];

const situations = [...MONITOR_SITUATIONS];
const text = (description: string, maxLength: number) => ({ type: 'string', description, maxLength });

export const MONITOR_COMPONENTS = [
  {
    $id: 'WatchedService',
    type: 'object',
    description: 'A service the domain must authorise: a catalogue id (`provider`) or one mechanism, with optional test addresses.',
    additionalProperties: false,
    properties: {
      provider: text('A catalogue id (GET /api/providers).', 64),
      mechanism: text('One mechanism, e.g. `include:spf.example.net`.', 512),
      testIps: { type: 'array', maxItems: WATCH_LIMITS.testIps, items: text('An IPv4 or IPv6 address.', 64) },
    },
  },
  {
    $id: 'WatchedDomain',
    type: 'object',
    required: ['domain', 'services', 'dkimSelectors', 'schedule', 'addedAt', 'updatedAt'],
    properties: {
      domain: { type: 'string' },
      services: { type: 'array', items: ref('WatchedService') },
      dkimSelectors: { type: 'array', items: { type: 'string' } },
      customerId: { type: 'string' },
      label: { type: 'string' },
      schedule: { type: 'string' },
      addedAt: { type: 'string' },
      updatedAt: { type: 'string' },
      lastCheck: {
        type: 'object',
        required: ['id', 'checkedAt', 'situation'],
        properties: { id: { type: 'integer' }, checkedAt: { type: 'string' }, situation: { type: 'string', enum: situations } },
      },
    },
  },
  {
    $id: 'MonitorCheck',
    type: 'object',
    description: 'One check as kept: the SPF record(s) as published, the situation per service with the result per test address, DMARC, DKIM selectors, the services\' own records, and the record to publish. See `CheckSnapshot` in the library.',
    required: ['id', 'domain', 'checkedAt', 'situation', 'spf', 'services', 'dmarc', 'dkim', 'providers'],
    properties: {
      id: { type: 'integer' },
      domain: { type: 'string' },
      checkedAt: { type: 'string' },
      situation: { type: 'string', enum: situations },
      spf: {
        type: 'object',
        required: ['status', 'records'],
        properties: {
          status: { type: 'string', enum: ['record', 'none', 'multiple', 'dns-error'] },
          dns: { type: 'string' },
          records: { type: 'array', items: { type: 'string' } },
          strings: { type: 'array', items: { type: 'string' } },
          lookups: { type: 'integer' },
          lookupsComplete: { type: 'boolean' },
          bytes: { type: 'integer' },
          longestString: { type: 'integer' },
        },
      },
      services: {
        type: 'array',
        items: {
          type: 'object',
          required: ['service', 'mechanism', 'situation', 'results'],
          properties: {
            service: { type: 'string' },
            mechanism: { type: 'string' },
            situation: { type: 'string', enum: situations },
            by: { type: 'string' },
            cause: { type: 'string' },
            results: {
              type: 'array',
              items: { type: 'object', required: ['ip', 'result', 'cause'], properties: { ip: { type: 'string' }, result: { type: 'string' }, cause: { type: 'string' }, decidedBy: { type: 'string' } } },
            },
          },
        },
      },
      dmarc: { type: 'object', required: ['status'], properties: { status: { type: 'string' }, name: { type: 'string' }, record: { type: 'string' }, policy: { type: 'string' } } },
      dkim: { type: 'array', items: { type: 'object', required: ['selector', 'status'], properties: { selector: { type: 'string' }, status: { type: 'string' }, cname: { type: 'string' } } } },
      providers: {
        type: 'array',
        items: { type: 'object', required: ['domain', 'status'], properties: { domain: { type: 'string' }, status: { type: 'string' }, record: { type: 'string' }, lookups: { type: 'integer' } } },
      },
      recordToPublish: { type: 'string' },
    },
  },
  {
    $id: 'MonitorEvent',
    type: 'object',
    description: 'A change between two checks, with the values before and after (any JSON).',
    required: ['id', 'checkId', 'at', 'kind', 'domain', 'subject'],
    properties: {
      id: { type: 'integer' },
      checkId: { type: 'integer' },
      at: { type: 'string' },
      kind: { type: 'string', enum: [...EVENT_KINDS] },
      domain: { type: 'string' },
      subject: { type: 'string', description: "What the event is about within the domain (a selector, a provider's domain); empty for the domain itself." },
      before: { description: 'The value before (any JSON, null for none).' },
      after: { description: 'The value after (any JSON, null for none).' },
      alarm: { type: 'string', enum: ['open', 'close'] },
      diff: { type: 'array', items: { type: 'string' } },
    },
  },
  {
    $id: 'MonitorIssue',
    type: 'object',
    description: 'Why a domain or an import row was not taken.',
    required: ['field', 'code', 'message'],
    properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
    additionalProperties: true,
  },
] as const;

// ---------------------------------------------------------------------------------------
// Request shapes

export interface DomainsQuery {
  situation?: string;
  search?: string;
  sort?: DomainSort;
  order?: 'asc' | 'desc';
  offset?: string;
  limit?: string;
}
export interface DomainParams {
  domain: string;
}
export interface WatchBody {
  domain: string;
  services: Array<{ provider: string; testIps?: string[] } | { mechanism: string; testIps?: string[] }>;
  dkimSelectors?: string[];
  customerId?: string;
  label?: string;
  schedule?: string;
  lang?: Lang;
}
export interface CheckBody {
  domains?: string[];
}
export interface WhatIfBody {
  provider: string;
  policy: string;
  lang?: Lang;
}
export interface EventsQuery {
  domain?: string;
  kind?: string;
  after?: string;
  limit?: string;
}
export interface ExportQuery {
  format?: 'csv' | 'jsonl';
  situation?: string;
  search?: string;
}
export interface LangQuery {
  lang?: Lang;
}

/** A whole number in a query string (the server does not coerce types; the handler reads it). */
const count = (description: string) => ({ type: 'string', pattern: '^[0-9]{1,15}$', description });
const pageQuery = {
  offset: count('Rows to skip (default 0).'),
  limit: count(`Rows to return (default ${DEFAULT_PAGE}, at most ${MAX_PAGE}).`),
};
const filterQuery = {
  situation: { type: 'string', enum: [...situations, 'unchecked'], description: "Only domains whose latest check is in this situation; `unchecked`: never checked." },
  search: text('Part of the domain, customer id or label (case-insensitive).', 256),
};
const domainParams = { type: 'object', required: ['domain'], properties: { domain: { type: 'string', minLength: 1, maxLength: DOMAIN_MAX } } };
const checkOutcome = {
  type: 'object',
  required: ['check', 'events'],
  properties: { check: ref('MonitorCheck'), events: { type: 'array', items: ref('MonitorEvent') } },
};

const common = { tags: ['monitor'], security };

export const DOMAINS_SCHEMA = {
  ...common,
  operationId: 'monitorDomains',
  summary: 'Watched domains: filter by situation, search, page',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...filterQuery,
      ...pageQuery,
      sort: { type: 'string', enum: [...DOMAIN_SORTS], description: 'Order by: domain (default); situation, worst first, never checked last; checked, the latest check time, never first. Ties in domain order.' },
      order: { type: 'string', enum: ['asc', 'desc'], description: '`desc` reverses the whole order, ties included. Default asc.' },
      lang,
    },
  },
  response: {
    200: {
      description: 'One page, in the order asked for, with the number that match.',
      type: 'object',
      required: ['total', 'offset', 'limit', 'domains'],
      properties: { total: { type: 'integer' }, offset: { type: 'integer' }, limit: { type: 'integer' }, domains: { type: 'array', items: ref('WatchedDomain') } },
    },
    ...errors(400, 401, 500, 503),
  },
} as const;

export const WATCH_SCHEMA = {
  ...common,
  operationId: 'monitorWatch',
  summary: 'Watch a domain (or replace what is watched for it; its history is kept)',
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['domain', 'services'],
    properties: {
      domain: text('The mail domain.', DOMAIN_MAX),
      services: { type: 'array', maxItems: WATCH_LIMITS.services, items: ref('WatchedService') },
      dkimSelectors: { type: 'array', maxItems: WATCH_LIMITS.dkimSelectors, items: text('A DKIM selector.', 64) },
      customerId: text('Your own id for the customer.', WATCH_LIMITS.customerId),
      label: text('A name to find the customer by.', WATCH_LIMITS.label),
      schedule: text('When to re-check (default daily).', WATCH_LIMITS.schedule),
      lang,
    },
  },
  response: {
    200: { description: 'Updated.', type: 'object', required: ['outcome', 'domain'], properties: { outcome: { type: 'string', enum: ['updated'] }, domain: ref('WatchedDomain') } },
    201: { description: 'Added.', type: 'object', required: ['outcome', 'domain'], properties: { outcome: { type: 'string', enum: ['added'] }, domain: ref('WatchedDomain') } },
    ...errors(400, 401, 500, 503),
  },
} as const;

export const DOMAIN_SCHEMA = {
  ...common,
  operationId: 'monitorDomain',
  summary: 'One watched domain with its latest checks and events, newest first',
  params: domainParams,
  querystring: { type: 'object', additionalProperties: false, properties: { lang } },
  response: {
    200: {
      description: 'The domain and its history.',
      type: 'object',
      required: ['domain', 'checks', 'events'],
      properties: {
        domain: ref('WatchedDomain'),
        checks: { type: 'array', items: ref('MonitorCheck') },
        events: { type: 'array', items: ref('MonitorEvent') },
        messages: {
          type: 'object',
          description: 'The ready message for the customer about the latest check (what is wrong, the record to publish), in English and Dutch; absent when nothing is wrong or nothing could be checked.',
          required: ['en', 'nl'],
          properties: Object.fromEntries(['en', 'nl'].map((l) => [l, { type: 'object', required: ['subject', 'text'], properties: { subject: { type: 'string' }, text: { type: 'string' } } }])),
        },
      },
    },
    ...errors(401, 404, 500, 503),
  },
} as const;

export const UNWATCH_SCHEMA = {
  ...common,
  operationId: 'monitorUnwatch',
  summary: 'Stop watching a domain; its checks and events are deleted',
  params: domainParams,
  querystring: { type: 'object', additionalProperties: false, properties: { lang } },
  response: { 200: { description: 'Removed.', type: 'object', required: ['removed'], properties: { removed: { type: 'string' } } }, ...errors(401, 404, 500, 503) },
} as const;

export const CHECK_DOMAIN_SCHEMA = {
  ...common,
  operationId: 'monitorCheckDomain',
  summary: 'Check one watched domain now and keep the result',
  params: domainParams,
  querystring: { type: 'object', additionalProperties: false, properties: { lang } },
  response: { 200: { description: 'The check kept and the events it raised.', ...checkOutcome }, ...errors(401, 404, 500, 503) },
} as const;

export const CHECK_MANY_SCHEMA = {
  ...common,
  operationId: 'monitorCheck',
  summary: `Check the named watched domains (or all, when at most ${MAX_HTTP_CHECK} are watched) now`,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { domains: { type: 'array', maxItems: MAX_HTTP_CHECK, items: text('A watched domain.', DOMAIN_MAX) }, lang },
  },
  response: {
    200: {
      description: 'Each check kept with its events, and the count per situation.',
      type: 'object',
      required: ['checked', 'situations', 'results'],
      properties: {
        checked: { type: 'integer' },
        situations: { type: 'object', additionalProperties: { type: 'integer' } },
        results: { type: 'array', items: checkOutcome },
      },
    },
    ...errors(400, 401, 500, 503),
  },
} as const;

export const EVENTS_SCHEMA = {
  ...common,
  operationId: 'monitorEvents',
  summary: 'Events, newest first',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      domain: text('Only this domain.', DOMAIN_MAX),
      kind: { type: 'string', enum: [...EVENT_KINDS] },
      after: count('Only events with a higher id (what a poller has seen).'),
      limit: pageQuery.limit,
      lang,
    },
  },
  response: { 200: { description: 'Events.', type: 'object', required: ['events'], properties: { events: { type: 'array', items: ref('MonitorEvent') } } }, ...errors(400, 401, 500, 503) },
} as const;

export const EXPORT_SCHEMA = {
  ...common,
  operationId: 'monitorExport',
  summary: 'Every watched domain with its latest check, as CSV or JSON Lines',
  querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['csv', 'jsonl'], description: 'Default csv.' }, ...filterQuery, lang } },
  response: {
    200: {
      description: 'text/csv (header first) or application/x-ndjson, one domain per line.',
      content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
    },
    ...errors(400, 401, 500, 503),
  },
} as const;

export const IMPORT_SCHEMA = {
  ...common,
  operationId: 'monitorImport',
  summary: 'Import a customer CSV (body, Content-Type: text/csv): rows with problems are listed by line, the rest watched',
  consumes: ['text/csv'],
  body: { type: 'string', description: 'The CSV: a header with domain and any of services, mechanism, test_ips, dkim, customer_id, label, schedule.' },
  querystring: { type: 'object', additionalProperties: false, properties: { lang } },
  response: {
    200: {
      description: 'What was imported, and each row that was not.',
      type: 'object',
      required: ['added', 'updated', 'errors'],
      properties: {
        added: { type: 'integer' },
        updated: { type: 'integer' },
        errors: {
          type: 'array',
          items: { type: 'object', required: ['line', 'issues'], properties: { line: { type: 'integer' }, issues: { type: 'array', items: ref('MonitorIssue') } } },
        },
      },
    },
    ...errors(400, 401, 413, 415, 500, 503),
  },
} as const;

/** Customers one `POST /api/monitor/what-if` checks at most (twice each); more: the CLI. */
export const MAX_HTTP_WHAT_IF = 10_000;

const whatIfState = {
  type: 'object',
  required: ['situation', 'results'],
  properties: {
    situation: { type: 'string', enum: situations },
    lookups: { type: 'integer' },
    results: { type: 'array', items: { type: 'object', required: ['ip', 'result', 'cause'], properties: { ip: { type: 'string' }, result: { type: 'string' }, cause: { type: 'string' }, decidedBy: { type: 'string' } } } },
    cause: { type: 'string' },
  },
};

export const WHAT_IF_SCHEMA = {
  ...common,
  operationId: 'monitorWhatIf',
  summary: "What if a provider changes its own record: the candidate evaluated for every watched customer of it, as if published (nothing is published or stored)",
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['provider', 'policy'],
    properties: { provider: text('A catalogue id whose mechanism is an include (GET /api/providers).', 64), policy: text('The candidate record for the include target.', 4096), lang },
  },
  response: {
    200: {
      description: 'The candidate as it would be published, and each customer it would affect (over 10 lookups, the void limit, a lost pass, a break, or DNS that did not answer), with the reasons in words.',
      type: 'object',
      required: ['provider', 'candidate', 'checked', 'affected', 'summary'],
      properties: {
        provider: { type: 'string' },
        candidate: {
          type: 'object',
          required: ['target', 'record', 'bytes', 'overRecordLimit', 'strings', 'lookups'],
          properties: {
            target: { type: 'string' },
            record: { type: 'string' },
            bytes: { type: 'integer' },
            overRecordLimit: { type: 'boolean' },
            strings: { type: 'array', items: { type: 'string' } },
            lookups: { type: 'integer' },
            current: { type: 'object', required: ['record', 'lookups'], properties: { record: { type: 'string' }, lookups: { type: 'integer' } } },
          },
        },
        checked: { type: 'integer' },
        affected: {
          type: 'array',
          items: {
            type: 'object',
            required: ['domain', 'before', 'after', 'reasons', 'already', 'messages'],
            properties: {
              domain: { type: 'string' },
              customerId: { type: 'string' },
              label: { type: 'string' },
              before: whatIfState,
              after: whatIfState,
              reasons: { type: 'array', items: { type: 'string', enum: ['over-lookup-limit', 'void-limit', 'stops-authorising', 'breaks', 'could-not-check'] } },
              already: { type: 'boolean' },
              messages: { type: 'array', items: { type: 'string' }, description: 'The reasons in words, in the request\'s language.' },
            },
          },
        },
        summary: { type: 'string' },
      },
    },
    ...errors(400, 401, 500, 503),
  },
} as const;
