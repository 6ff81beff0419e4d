/**
 * The provider catalogue (data/providers.json, described by data/providers.schema.json):
 * sending services and the DNS records their customers add. Validated here without a
 * schema library: `CATALOGUE_SPEC` mirrors the JSON Schema (a test keeps the two in step),
 * and the checks a schema cannot express — each mechanism parses as one pass mechanism,
 * ids are unique, test IPs lie inside an ip4/ip6 mechanism — are done in code.
 *
 * Reading the file is the caller's business (protocol code does no I/O): pass the parsed JSON.
 */
import { parseClientIp } from '../spf/ip.ts';
import { renderTerm } from '../spf/render.ts';
import { issueMessage } from '../spf/describe.ts';
import { addressValue, cidrHas } from '../spf/cidr.ts';
import { parseMechanism, termCidr } from './terms.ts';

/** A further mechanism some customers need (e.g. Prezent's website forms). */
export interface AdditionalMechanism {
  mechanism: string;
  purpose: 'website' | 'marketing' | 'transactional' | 'other';
  note?: string;
}

/** A DKIM selector the provider signs with; `{placeholders}` stand for customer-specific parts. */
export interface DkimSelector {
  /** The label before `._domainkey`, e.g. `prezent-a`. */
  selector: string;
  type: 'CNAME' | 'TXT';
  /** The CNAME target, e.g. `_dkim-a.prezent.nl`. */
  target?: string;
  note?: string;
}

export interface Provider {
  id: string;
  name: string;
  /** The mechanism to add, canonical (`renderTerm`). */
  mechanism: string;
  additional: AdditionalMechanism[];
  /** Example sending addresses (canonical); may be empty (then derived from the mechanism). */
  testIps: string[];
  dkim?: { selectors: DkimSelector[] };
  docs: string;
  seed?: string;
  note?: string;
}

export interface ProviderCatalogue {
  version: 1;
  note: string;
  providers: Provider[];
}

export type CatalogueIssueCode =
  | 'type'
  | 'required'
  | 'unknown-key'
  | 'pattern'
  | 'enum'
  | 'const'
  | 'too-short'
  | 'duplicate'
  | 'bad-mechanism'
  | 'bad-ip'
  | 'ip-outside-mechanism';

/** One problem in the catalogue; `path` is a JSON Pointer (RFC 6901) to the value. */
export interface CatalogueIssue {
  path: string;
  code: CatalogueIssueCode;
  message: string;
}

/** The shape of a value, as far as the catalogue's JSON Schema goes. */
export type FieldSpec =
  | { kind: 'string'; pattern?: RegExp; minLength?: number; enum?: readonly string[] }
  | { kind: 'const'; value: number | string }
  | { kind: 'array'; items: FieldSpec; minItems?: number; uniqueItems?: boolean }
  | { kind: 'object'; required: readonly string[]; properties: Readonly<Record<string, FieldSpec>> };

const text = (minLength?: number): FieldSpec => (minLength === undefined ? { kind: 'string' } : { kind: 'string', minLength });

const SELECTOR_SPEC: FieldSpec = {
  kind: 'object',
  required: ['selector', 'type'],
  properties: {
    selector: { kind: 'string', pattern: /^([a-z0-9_-]+|\{[a-z-]+\})(\.([a-z0-9_-]+|\{[a-z-]+\}))*$/ },
    type: { kind: 'string', enum: ['CNAME', 'TXT'] },
    target: text(1),
    note: text(),
  },
};

/**
 * One provider entry (data/providers.schema.json `#/$defs/provider`).
 *
 * @example
 * PROVIDER_SPEC.kind === 'object' && PROVIDER_SPEC.required; // ['id', 'name', 'mechanism', 'testIps', 'docs']
 */
export const PROVIDER_SPEC: FieldSpec = {
  kind: 'object',
  required: ['id', 'name', 'mechanism', 'testIps', 'docs'],
  properties: {
    id: { kind: 'string', pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/ },
    name: text(1),
    mechanism: text(1),
    additional: {
      kind: 'array',
      items: {
        kind: 'object',
        required: ['mechanism', 'purpose'],
        properties: { mechanism: text(1), purpose: { kind: 'string', enum: ['website', 'marketing', 'transactional', 'other'] }, note: text() },
      },
    },
    testIps: { kind: 'array', items: text(), uniqueItems: true },
    dkim: { kind: 'object', required: ['selectors'], properties: { selectors: { kind: 'array', items: SELECTOR_SPEC, minItems: 1 } } },
    docs: { kind: 'string', pattern: /^https:\/\// },
    seed: { kind: 'string', pattern: /^[0-9]{3}$/ },
    note: text(),
  },
};

/**
 * The whole catalogue (data/providers.schema.json, top level).
 *
 * @example
 * parseProviderCatalogue(data); // checks the shape against CATALOGUE_SPEC, then mechanisms, ids and addresses
 */
export const CATALOGUE_SPEC: FieldSpec = {
  kind: 'object',
  required: ['version', 'note', 'providers'],
  properties: {
    $schema: text(),
    version: { kind: 'const', value: 1 },
    note: text(1),
    providers: { kind: 'array', items: PROVIDER_SPEC, minItems: 1 },
  },
};

function pointer(path: readonly (string | number)[]): string {
  return path.length === 0 ? '' : '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

function checkShape(value: unknown, spec: FieldSpec, path: (string | number)[], issues: CatalogueIssue[]): void {
  const at = pointer(path);
  const where = at === '' ? 'the catalogue' : at;
  switch (spec.kind) {
    case 'const':
      if (value !== spec.value) issues.push({ path: at, code: 'const', message: `${where} must be ${JSON.stringify(spec.value)}, not ${describe(value)}` });
      return;
    case 'string':
      if (typeof value !== 'string') {
        issues.push({ path: at, code: 'type', message: `${where} must be a string, not ${describe(value)}` });
        return;
      }
      if (spec.minLength !== undefined && value.length < spec.minLength) issues.push({ path: at, code: 'too-short', message: `${where} must not be empty` });
      if (spec.pattern && !spec.pattern.test(value)) issues.push({ path: at, code: 'pattern', message: `${where}: ${describe(value)} does not match ${spec.pattern.source}` });
      if (spec.enum && !spec.enum.includes(value)) issues.push({ path: at, code: 'enum', message: `${where}: ${describe(value)} is not one of ${spec.enum.join(', ')}` });
      return;
    case 'array': {
      if (!Array.isArray(value)) {
        issues.push({ path: at, code: 'type', message: `${where} must be an array, not ${describe(value)}` });
        return;
      }
      if (spec.minItems !== undefined && value.length < spec.minItems) issues.push({ path: at, code: 'too-short', message: `${where} needs at least ${spec.minItems} item(s)` });
      value.forEach((item: unknown, i) => {
        checkShape(item, spec.items, [...path, i], issues);
        if (spec.uniqueItems && value.indexOf(item) !== i) issues.push({ path: pointer([...path, i]), code: 'duplicate', message: `${pointer([...path, i])}: ${describe(item)} is listed twice` });
      });
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push({ path: at, code: 'type', message: `${where} must be an object, not ${describe(value)}` });
        return;
      }
      const record = value as Record<string, unknown>;
      for (const key of spec.required) {
        if (!(key in record)) issues.push({ path: at, code: 'required', message: `${where} is missing "${key}"` });
      }
      for (const [key, item] of Object.entries(record)) {
        const field = spec.properties[key];
        if (!field) issues.push({ path: pointer([...path, key]), code: 'unknown-key', message: `${where} has an unknown key "${key}" (allowed: ${Object.keys(spec.properties).join(', ')})` });
        else checkShape(item, field, [...path, key], issues);
      }
      return;
    }
    default: {
      const never: never = spec;
      throw new Error(`unhandled spec ${String(never)}`);
    }
  }
}

/**
 * Validates parsed catalogue JSON and returns it typed, with mechanisms and addresses in
 * canonical form; or every problem found, each with a JSON Pointer and a precise message.
 *
 * @example
 * const parsed = parseProviderCatalogue(JSON.parse(await readFile('data/providers.json', 'utf8')));
 * if (parsed.ok) findProvider(parsed.catalogue, 'coachview')?.mechanism; // 'include:spf.coachview.net'
 * else parsed.issues[0]; // { path: '/providers/0/testIps/0', code: 'bad-ip', message: '…' }
 */
export function parseProviderCatalogue(data: unknown): { ok: true; catalogue: ProviderCatalogue } | { ok: false; issues: CatalogueIssue[] } {
  const issues: CatalogueIssue[] = [];
  checkShape(data, CATALOGUE_SPEC, [], issues);
  if (issues.length > 0) return { ok: false, issues };
  const raw = data as { version: 1; note: string; providers: Array<Record<string, unknown>> };
  const seen = new Map<string, number>();
  const providers: Provider[] = [];
  raw.providers.forEach((entry, i) => {
    const base = ['providers', i];
    const e = entry as unknown as Provider & { additional?: AdditionalMechanism[] };
    const first = seen.get(e.id);
    if (first !== undefined) issues.push({ path: pointer([...base, 'id']), code: 'duplicate', message: `${pointer([...base, 'id'])}: id "${e.id}" is already used by /providers/${first}` });
    else seen.set(e.id, i);

    const mechanism = checkMechanism(e.mechanism, [...base, 'mechanism'], issues);
    const additional = (e.additional ?? []).map((a, j) => {
      const m = checkMechanism(a.mechanism, [...base, 'additional', j, 'mechanism'], issues);
      const out: AdditionalMechanism = { mechanism: m ? renderTerm(m) : a.mechanism, purpose: a.purpose };
      if (a.note !== undefined) out.note = a.note;
      return out;
    });
    const testIps: string[] = [];
    e.testIps.forEach((ip, j) => {
      const path = pointer([...base, 'testIps', j]);
      const parsed = parseClientIp(ip);
      if (!parsed) {
        issues.push({ path, code: 'bad-ip', message: `${path}: ${describe(ip)} is not an IPv4 or IPv6 address` });
        return;
      }
      testIps.push(parsed.text);
      // A test IP outside an ip4/ip6 mechanism can never pass: the entry contradicts itself.
      if (mechanism && (mechanism.kind === 'ip4' || mechanism.kind === 'ip6')) {
        const range = termCidr(mechanism);
        const value = addressValue(parsed.text);
        if (range && value && !cidrHas(range, value)) {
          issues.push({ path, code: 'ip-outside-mechanism', message: `${path}: ${parsed.text} is not inside ${renderTerm(mechanism)}, so it could never pass` });
        }
      }
    });
    (e.dkim?.selectors ?? []).forEach((s, j) => {
      // RFC 6376 §3.6.2.1: a selector published by CNAME needs its target.
      if (s.type === 'CNAME' && s.target === undefined) {
        const path = pointer([...base, 'dkim', 'selectors', j]);
        issues.push({ path, code: 'required', message: `${path} is a CNAME selector without "target"` });
      }
    });
    const provider: Provider = { id: e.id, name: e.name, mechanism: mechanism ? renderTerm(mechanism) : e.mechanism, additional, testIps, docs: e.docs };
    if (e.dkim) provider.dkim = { selectors: e.dkim.selectors.map((s) => ({ ...s })) };
    if (e.seed !== undefined) provider.seed = e.seed;
    if (e.note !== undefined) provider.note = e.note;
    providers.push(provider);
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, catalogue: { version: raw.version, note: raw.note, providers } };
}

function checkMechanism(text: string, path: (string | number)[], issues: CatalogueIssue[]) {
  const parsed = parseMechanism(text);
  if (parsed.ok) return parsed.mechanism;
  const at = pointer(path);
  const detail = parsed.issue.code === 'mechanism-syntax' ? (parsed.issue.issues[0] !== undefined ? issueMessage(parsed.issue.issues[0], 'en') : 'syntax error') : parsed.issue.code;
  issues.push({ path: at, code: 'bad-mechanism', message: `${at}: ${describe(text)} is not one mechanism to add (${detail})` });
  return undefined;
}

/**
 * The provider with this id (case-insensitive).
 *
 * @example
 * findProvider(catalogue, 'byte')?.testIps; // ['82.94.214.10', '46.21.235.241']
 */
export function findProvider(catalogue: ProviderCatalogue, id: string): Provider | undefined {
  const wanted = id.trim().toLowerCase();
  return catalogue.providers.find((p) => p.id === wanted);
}

/**
 * The DKIM selectors the catalogue names literally, once each, in catalogue order: what a
 * domain audit can probe besides the common ones. Templated selectors (`{token}`) differ per
 * customer and cannot be guessed.
 *
 * @example
 * catalogueSelectors(catalogue); // ['prezent-a', 'prezent-b', 'google', 'selector1', …]
 */
export function catalogueSelectors(catalogue: ProviderCatalogue): string[] {
  const selectors = new Set<string>();
  for (const provider of catalogue.providers) for (const s of provider.dkim?.selectors ?? []) if (!s.selector.includes('{')) selectors.add(s.selector);
  return [...selectors];
}
