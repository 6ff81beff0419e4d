/**
 * The HTTP API of src/server, as the page uses it. Types of the library's data come from the
 * library itself (type-only imports, erased in the build), so the page cannot drift from it.
 */
import type { SpfCheck } from '../../src/spf/types.ts';
import type { TreeNode } from '../../src/spf/tree.ts';
import type { CheckExplanation } from '../../src/spf/explain.ts';
import type { RecordExplanation } from '../../src/spf/describe.ts';
import type { AddPlan } from '../../src/record/add.ts';
import type { PlanWords } from '../../src/record/words.ts';
import type { Provider } from '../../src/record/providers.ts';
import type { AuditResult, Finding, Severity } from '../../src/audit/types.ts';
import type { InputIssue } from '../../src/server/errors.ts';
import type { VerdictReport } from '../../src/app/verdict.ts';
import type { VerdictBody } from '../../src/server/verdict-schemas.ts';
import type { PageLang } from './i18n.ts';
import type { StoredCheck, StoredEvent, WatchedDomain } from '../../src/monitor/types.ts';
import type { WhatIfReport } from '../../src/monitor/what-if.ts';

export type { SpfCheck, TreeNode, CheckExplanation, RecordExplanation, AddPlan, Provider, AuditResult, Finding, Severity, InputIssue, VerdictReport, VerdictBody };

/** `POST /api/check` and `GET /api/why`. */
export interface CheckResponse {
  check: SpfCheck;
  tree?: TreeNode | null;
  explanation: CheckExplanation;
  lang: PageLang;
}

export interface CheckRequest {
  ip: string;
  sender: string;
  helo?: string;
  /** A candidate record for the sender's domain, used instead of DNS. */
  policy?: string;
  lang: PageLang;
}

/**
 * A failed call: the HTTP status (0 = no answer), the server's message when it sent one, the
 * fields it refused (a 400's `issues`) and, for a 429, the seconds to wait (Retry-After).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly InputIssue[] = [],
    readonly retryAfter?: number,
    /** The server's error code (`rate-limited`, `dns-budget` …), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<T> {
  let response: Response;
  try {
    const headers: Record<string, string> = body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    // RFC 9110 §10.2.3: Retry-After in seconds (the rate limiter sends seconds, not a date).
    const wait = Number(response.headers.get('retry-after') ?? NaN);
    throw new ApiError(response.status, errorMessage(data) ?? response.statusText, inputIssues(data), Number.isFinite(wait) && wait >= 0 ? wait : undefined, errorCode(data));
  }
  return data as T;
}

/** A 400's `issues` (the `Error` schema's `InputIssue`s), the malformed ones left out. */
function inputIssues(data: unknown): InputIssue[] {
  const issues = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).issues : undefined;
  if (!Array.isArray(issues)) return [];
  return issues.filter((i): i is InputIssue => typeof i === 'object' && i !== null && typeof i.field === 'string' && typeof i.message === 'string');
}

/** The message of an error body: Fastify's `{ message }`, or `{ error: { message } }`, or `{ issues: [{ message }] }`. */
function errorCode(data: unknown): string | undefined {
  const code = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).error : undefined;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  if (Array.isArray(record.issues)) {
    const messages = record.issues.map((i) => (typeof i === 'object' && i !== null ? (i as Record<string, unknown>).message : undefined)).filter((m): m is string => typeof m === 'string');
    if (messages.length > 0) return messages.join(' ');
  }
  if (typeof record.message === 'string') return record.message;
  if (typeof record.error === 'string') return record.error;
  if (typeof record.error === 'object' && record.error !== null && typeof (record.error as Record<string, unknown>).message === 'string') {
    return (record.error as Record<string, string>).message;
  }
  return undefined;
}

export function checkPolicy(request: CheckRequest): Promise<CheckResponse> {
  return call('POST', '/api/check', request);
}

export function why(params: { scope: 'mfrom' | 'helo'; identity: string; ip: string; receiver?: string; lang: PageLang }): Promise<CheckResponse> {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  return call('GET', `/api/why?${query.toString()}`);
}

/** `POST /api/explain {domain}`: the published record of a domain, explained, or why there is none. */
export interface ExplainResponse {
  lang: PageLang;
  domain?: string;
  record?: string;
  recordLength?: number;
  explanation?: Omit<RecordExplanation, 'text'>;
  /** No record to explain: `nxdomain`, `nodata`, `no-spf`, `multiple-records`, `timeout`, `servfail`, in words. */
  problem?: { code: string; message: string };
}

export function explainDomain(domain: string, lang: PageLang): Promise<ExplainResponse> {
  return call('POST', '/api/explain', { domain, lang });
}

/**
 * `GET /api/audit/:domain`: src/audit's `AuditResult` — a grade, a verdict and summary per
 * area (spf, dkim, dmarc, mx), and the findings `{ id, area, severity, message, evidence, fix? }`
 * in the language asked for. `available: false` when the server has no such route (404 "no route").
 */
export type AuditAnswer = { available: true; result: AuditResult } | { available: false };

export async function audit(domain: string, selectors: string[], lang: PageLang): Promise<AuditAnswer> {
  const query = new URLSearchParams({ lang });
  if (selectors.length > 0) query.set('selectors', selectors.join(','));
  try {
    return { available: true, result: await call<AuditResult>('GET', `/api/audit/${encodeURIComponent(domain)}?${query.toString()}`) };
  } catch (error) {
    // src/server's 404 for an unknown route says "no route for GET …".
    if (error instanceof ApiError && error.status === 404 && /no route/i.test(error.message)) return { available: false };
    throw error;
  }
}

export function providers(): Promise<Provider[]> {
  return call<unknown>('GET', '/api/providers').then((data) => {
    if (Array.isArray(data)) return data as Provider[];
    const list = (data as { providers?: unknown } | undefined)?.providers;
    return Array.isArray(list) ? (list as Provider[]) : [];
  });
}

export interface AddRequest {
  domain: string;
  record?: string;
  provider?: string;
  mechanism?: string;
  testIps?: string[];
  /** The language of `messages` in the answer. */
  lang: PageLang;
}

/** How a record is published: a zone-file line, the value for a control panel, the TXT strings. */
export interface PublishForms {
  name: string;
  ttl: number;
  strings: string[];
  zoneLine: string;
  panel: string;
}

/** `POST /api/add`: the plan, and (when it can be carried out) the forms to publish it in. */
export interface AddResponse {
  plan: AddPlan;
  publish?: { main: PublishForms; subRecords: PublishForms[] };
  provider?: Provider;
  /** The plan's reasons, warnings and (blocked) issues in words, in the language asked for. Optional: older servers send none. */
  messages?: PlanWords;
}

export function addSender(request: AddRequest): Promise<AddResponse> {
  return call('POST', '/api/add', request);
}

/** `POST /api/verdict` (issue 13.1): the request is the server's schema type, the answer the use case's. */
export function verdict(body: VerdictBody): Promise<VerdictReport> {
  return call('POST', '/api/verdict', body);
}

// ── The monitor (API token) ────────────────────────────────────────────────────────────

/** One page of watched domains (GET /api/monitor/domains). */
export interface MonitorPage {
  total: number;
  offset: number;
  limit: number;
  domains: WatchedDomain[];
}

/** One domain with its history (GET /api/monitor/domains/:domain). */
export interface MonitorDetail {
  domain: WatchedDomain;
  checks: StoredCheck[];
  events: StoredEvent[];
  /** The ready customer message for the latest check, when something is wrong. */
  messages?: Record<PageLang, { subject: string; text: string }>;
}

export interface MonitorQuery {
  situation?: string;
  search?: string;
  sort?: string;
  order?: string;
  offset: number;
  limit: number;
}

export function monitorDomains(token: string, query: MonitorQuery): Promise<MonitorPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return call<MonitorPage>('GET', `/api/monitor/domains?${params.toString()}`, undefined, token);
}

export function monitorDetail(token: string, domain: string): Promise<MonitorDetail> {
  return call<MonitorDetail>('GET', `/api/monitor/domains/${encodeURIComponent(domain)}`, undefined, token);
}

export function monitorCheckNow(token: string, domain: string): Promise<unknown> {
  return call<unknown>('POST', `/api/monitor/domains/${encodeURIComponent(domain)}/check`, undefined, token);
}

/** POST /api/monitor/what-if, with the reasons in words in `lang`. */
export interface WhatIfResponse extends Omit<WhatIfReport, 'affected'> {
  affected: Array<WhatIfReport['affected'][number] & { messages: string[] }>;
  summary: string;
}

export function monitorWhatIf(token: string, provider: string, policy: string, lang: PageLang): Promise<WhatIfResponse> {
  return call<WhatIfResponse>('POST', '/api/monitor/what-if', { provider, policy, lang }, token);
}

/** The export as a file (the route needs the token, so a plain link cannot fetch it). */
export async function monitorExport(token: string, format: 'csv' | 'jsonl'): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/monitor/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new ApiError(response.status, response.statusText);
  return response.blob();
}
