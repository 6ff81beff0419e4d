/**
 * `predictDelivery`: what a receiver's DMARC check (RFC 9989) would conclude for a sending
 * setup, from DNS alone — check_host() for the envelope domain (RFC 7208), the DKIM keys the
 * sender signs with (RFC 6376 §3.6.2, CNAMEs followed), the DMARC record by the tree walk, and
 * the alignment of both with the From domain; then what to change, as data. The DMARC rule
 * itself is `dmarcOutcome` (dmarc-outcome.ts).
 */
import { isTemporaryFailure, type Resolver } from '../dns/resolver.ts';
import { lookupKey } from '../audit/dkim.ts';
import { parseDkimKey } from '../dkim/parse.ts';
import { dkimName } from '../dkim/selectors.ts';
import { discoverDmarc, type DmarcDiscovery, type Rfc7489Policy } from '../dmarc/discover.ts';
import { organizationalDomain as pslOrganizationalDomain } from '../dmarc/org-domain.ts';
import { bundledPublicSuffixList } from '../psl/bundled.ts';
import { toAsciiDomain } from '../psl/domain-name.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import { addSender } from '../record/add.ts';
import { findProvider, type Provider, type ProviderCatalogue } from '../record/providers.ts';
import { canonicalDomain, domainProblem } from '../spf/domain.ts';
import { evaluateSpf, validateCheckInput } from '../spf/evaluate.ts';
import { parseClientIp } from '../spf/ip.ts';
import type { SpfCheck } from '../spf/types.ts';
import { dmarcOutcome, policyLookupOf, rfc7489Reading, type DmarcOutcomeInput } from './dmarc-outcome.ts';
import { findOrganizationalDomain, type OrganizationalDomains } from './org-domain.ts';
import type {
  DeliveryPrediction,
  DkimKeyState,
  DkimResult,
  DkimSigner,
  DkimVerdict,
  DmarcOutcome,
  RecordToPublish,
  VerdictFix,
  VerdictInput,
  VerdictInputIssue,
} from './types.ts';

/** What `predictDelivery` needs besides the input. */
export interface VerdictDeps {
  resolver: Resolver;
  /** The Public Suffix List for RFC 7489's reading; default the bundled copy. */
  suffixes?: PublicSuffixList;
  /** The provider catalogue that `input.provider` names (data/providers.json). */
  catalogue?: ProviderCatalogue;
  /** The clock for SPF's %{t}, in milliseconds since the epoch; default 0 (no macro uses it in practice). */
  now?: () => number;
}

/** Thrown by `predictDelivery` for inputs that are not usable at all; `issues` say which field. */
export class VerdictInputError extends Error {
  readonly issues: VerdictInputIssue[];
  constructor(issues: VerdictInputIssue[]) {
    super(issues.map((i) => `${i.field}${i.index === undefined ? '' : `[${i.index}]`}: ${i.code} (${JSON.stringify(i.value)})`).join('; '));
    this.name = 'VerdictInputError';
    this.issues = issues;
  }
}

/** The input, checked and normalised. */
interface ValidInput {
  ip: string;
  helo: string;
  mailFrom: string;
  fromDomain: string;
  signers: Array<DkimSigner & { from: 'input' | 'provider'; expectedCname?: string }>;
  provider: Provider | undefined;
}

function domainIssue(field: VerdictInputIssue['field'], value: string, index?: number): VerdictInputIssue | undefined {
  const problem = domainProblem(value);
  return problem === undefined ? undefined : { field, code: 'bad-domain', value, problem, ...(index === undefined ? {} : { index }) };
}

/** The domain of an address or a bare domain. */
function domainOf(text: string): string {
  const at = text.lastIndexOf('@');
  return canonicalDomain(at === -1 ? text.trim() : text.slice(at + 1).trim());
}

/**
 * Checks a `VerdictInput` without any DNS: the IP, the HELO name (needed for a null MAIL FROM),
 * the MAIL FROM and From domains, each DKIM signer and the provider id.
 *
 * @example
 * validateVerdictInput({ ip: '300.1.1.1', helo: 'x', mailFrom: 'a@b.nl', fromDomain: 'b.nl' }, {});
 * // { ok: false, issues: [{ field: 'ip', code: 'bad-ip', value: '300.1.1.1' }] }
 */
export function validateVerdictInput(input: VerdictInput, deps: Pick<VerdictDeps, 'catalogue'>): { ok: true; value: ValidInput } | { ok: false; issues: VerdictInputIssue[] } {
  const issues: VerdictInputIssue[] = [];
  const ip = parseClientIp(String(input.ip ?? '').trim());
  if (!ip) issues.push({ field: 'ip', code: 'bad-ip', value: String(input.ip ?? '') });
  const helo = String(input.helo ?? '').trim();
  const mailFrom = String(input.mailFrom ?? '').trim();
  const spfInput = validateCheckInput({ ip: ip?.text ?? '127.0.0.1', sender: mailFrom, helo });
  if (!spfInput.ok) {
    for (const issue of spfInput.issues) {
      if (issue.code === 'missing-helo') issues.push({ field: 'helo', code: 'missing-helo', value: helo });
      else if (issue.code === 'sender-without-domain') issues.push({ field: 'mailFrom', code: 'sender-without-domain', value: mailFrom });
    }
  } else if (mailFrom !== '') {
    const bad = domainIssue('mailFrom', domainOf(mailFrom));
    if (bad) issues.push({ ...bad, value: mailFrom });
  }
  if (helo !== '' && mailFrom === '') {
    const bad = domainIssue('helo', canonicalDomain(helo));
    if (bad) issues.push(bad);
  }
  const fromDomain = domainOf(String(input.fromDomain ?? ''));
  const badFrom = domainIssue('fromDomain', fromDomain);
  if (badFrom) issues.push({ ...badFrom, value: String(input.fromDomain ?? '') });
  const signers: ValidInput['signers'] = [];
  (input.dkim ?? []).forEach((signer, index) => {
    const domain = canonicalDomain(String(signer.domain ?? '').trim());
    const bad = domainIssue('dkim', domain, index);
    if (bad) return void issues.push({ ...bad, value: String(signer.domain ?? '') });
    const selector = String(signer.selector ?? '').trim().toLowerCase();
    const name = dkimName(selector, domain);
    if (!name.ok) return void issues.push({ field: 'dkim', code: 'bad-selector', value: String(signer.selector ?? ''), index });
    signers.push({ domain: toAsciiDomain(domain), selector, from: 'input' });
  });
  let provider: Provider | undefined;
  if (input.provider !== undefined && input.provider.trim() !== '') {
    provider = deps.catalogue === undefined ? undefined : findProvider(deps.catalogue, input.provider);
    if (provider === undefined) issues.push({ field: 'provider', code: 'unknown-provider', value: input.provider });
  }
  if (issues.length > 0 || !ip) return { ok: false, issues };
  const asciiFrom = toAsciiDomain(fromDomain);
  // Catalogue selectors are delegated to the provider (CNAME) or hold its key: it signs as the
  // customer's own domain, the From domain. Templated selectors ({token}) cannot be guessed.
  for (const entry of provider?.dkim?.selectors ?? []) {
    if (entry.selector.includes('{')) continue;
    if (signers.some((s) => s.selector === entry.selector && s.domain === asciiFrom)) continue;
    const expected = entry.type === 'CNAME' && entry.target !== undefined && !entry.target.includes('{') ? { expectedCname: canonicalDomain(entry.target) } : {};
    signers.push({ domain: asciiFrom, selector: entry.selector, from: 'provider', ...expected });
  }
  return { ok: true, value: { ip: ip.text, helo: helo.toLowerCase(), mailFrom, fromDomain: asciiFrom, signers, provider } };
}

/** RFC 9989 "non-existent domain": NXDOMAIN, or no A, AAAA and MX records. */
async function domainExists(domain: string, resolver: Resolver): Promise<boolean | 'unknown'> {
  let unknown = false;
  for (const type of ['MX', 'A', 'AAAA'] as const) {
    const answer = await resolver.query(domain, type);
    if (answer.kind === 'answer') return true;
    if (answer.kind === 'nxdomain') return false;
    if (isTemporaryFailure(answer)) unknown = true;
  }
  return unknown ? 'unknown' : false;
}

/** What the key at one selector gives a verifier. */
async function checkKey(signer: ValidInput['signers'][number], resolver: Resolver): Promise<Omit<DkimVerdict, 'alignment'>> {
  const name = `${signer.selector}._domainkey.${signer.domain}`;
  const lookup = await lookupKey(resolver, name);
  const base = { domain: signer.domain, selector: signer.selector, name, from: signer.from, ...(signer.expectedCname ? { expectedCname: signer.expectedCname } : {}) };
  const withCname = lookup.kind !== 'unavailable' && lookup.cname !== undefined ? { cname: lookup.cname } : {};
  const state = (key: DkimKeyState, result: DkimResult) => ({ ...base, ...withCname, key, result });
  switch (lookup.kind) {
    case 'unavailable':
      return state('temperror', 'temperror');
    case 'absent':
      // RFC 6376 §6.1.2: no key record is a permanent failure of a signature made with it.
      return state('missing', 'permerror');
    case 'found': {
      if (lookup.records.length > 1) return state('multiple', 'permerror');
      const parsed = parseDkimKey(lookup.records[0] ?? '');
      if (!parsed.ok) return state('unusable', 'permerror');
      const record = parsed.record;
      if (record.revoked || record.keyInfo === null) return state('revoked', 'permerror');
      // RFC 8301 §3.2: RSA keys under 1024 bits MUST NOT be accepted.
      if (parsed.issues.some((issue) => issue.code === 'weak-key' || issue.code === 'sha256-not-allowed')) return { ...state('unusable', 'permerror'), keyType: record.keyInfo.type, bits: record.keyInfo.bits };
      return { ...state('usable', 'pass'), keyType: record.keyInfo.type, bits: record.keyInfo.bits, testing: record.flags.includes('y') };
    }
    default: {
      const never: never = lookup;
      throw new Error(`unhandled key lookup ${String(never)}`);
    }
  }
}

/** The policy RFC 7489 applies, as `rfc7489Reading` wants it. */
function rfc7489PolicyOf(discovery: DmarcDiscovery): Rfc7489Policy {
  if (discovery.kind === 'temporary-failure') return { kind: 'unavailable' };
  if (discovery.rfc7489Differs !== undefined) return discovery.rfc7489Differs.policy;
  return discovery.kind === 'found' ? { kind: 'found', domain: discovery.policyDomain, name: discovery.name, text: discovery.text } : { kind: 'none' };
}

/** The record to publish at a name, as a zone file would hold it. */
function txt(name: string, value: string, action: RecordToPublish['action'] = 'add'): RecordToPublish {
  return { name, type: 'TXT', value, action };
}

async function spfFix(check: SpfCheck, valid: ValidInput, resolver: Resolver): Promise<VerdictFix> {
  const parsedIp = parseClientIp(valid.ip);
  const mechanism = valid.provider?.mechanism ?? `${parsedIp?.family === 6 ? 'ip6' : 'ip4'}:${valid.ip}`;
  const plan = await addSender({ domain: check.domain, mechanism, testIps: [valid.ip] }, { resolver });
  const records: RecordToPublish[] = [];
  if (plan.status === 'added' || plan.status === 'created') {
    records.push(txt(check.domain, plan.after.record, plan.status === 'added' ? 'replace' : 'add'));
    for (const sub of plan.subRecords) records.push(txt(sub.name, sub.record));
  }
  return { code: 'spf-authorise', domain: check.domain, ip: valid.ip, mechanism, records };
}

/** The changes that make the mail pass DMARC (or give it a policy), in the order to make them. */
async function fixesFor(valid: ValidInput, check: SpfCheck, dkim: readonly DkimVerdict[], dmarc: DmarcOutcome, fromOrg: string | undefined, resolver: Resolver): Promise<VerdictFix[]> {
  const fixes: VerdictFix[] = [];
  const failures = [check.result, ...dkim.map((d) => d.result)];
  const dnsNames = [...(check.result === 'temperror' ? [check.domain] : []), ...dkim.filter((d) => d.key === 'temperror').map((d) => d.name), ...dmarc.notes.flatMap((n) => (n.code === 'dns-failure' ? [n.name] : []))];
  if (dmarc.result === 'temperror' || (failures.includes('temperror') && dmarc.result !== 'pass')) fixes.push({ code: 'dns-retry', names: [...new Set(dnsNames)], records: [] });
  const spfAligned = dmarc.alignment.spf.state === 'aligned';
  if (dmarc.passedBy.length === 0) {
    // SPF: authorise the sender where it is checked when that domain aligns; else a bounce domain that does.
    if (spfAligned && check.result !== 'pass' && check.result !== 'temperror') fixes.push(await spfFix(check, valid, resolver));
    if (!spfAligned && dmarc.alignment.spf.state !== 'unknown') {
      const suggestedDomain = `bounce.${valid.fromDomain}`;
      const mechanism = valid.provider?.mechanism ?? `${parseClientIp(valid.ip)?.family === 6 ? 'ip6' : 'ip4'}:${valid.ip}`;
      fixes.push({ code: 'spf-align', domain: check.domain, fromDomain: valid.fromDomain, suggestedDomain, records: [txt(suggestedDomain, `v=spf1 ${mechanism} -all`)] });
    }
    // DKIM: per signer, the key first, then its alignment.
    for (const [i, d] of dkim.entries()) {
      const aligned = dmarc.alignment.dkim[i]?.state === 'aligned';
      if (d.key !== 'usable' && d.key !== 'temperror' && aligned) {
        const records: RecordToPublish[] = d.expectedCname ? [{ name: d.name, type: 'CNAME', value: d.expectedCname, action: d.key === 'missing' ? 'add' : 'replace' }] : [];
        fixes.push({ code: 'dkim-publish', selector: d.selector, domain: d.domain, name: d.name, key: d.key, records });
      }
      if (dmarc.alignment.dkim[i]?.state === 'not-aligned') fixes.push({ code: 'dkim-align', selector: d.selector, domain: d.domain, fromDomain: valid.fromDomain, records: [] });
    }
    if (dkim.length === 0) fixes.push({ code: 'dkim-add', fromDomain: valid.fromDomain, records: [] });
  } else if (dkim.some((d, i) => d.key !== 'usable' && d.key !== 'temperror' && dmarc.alignment.dkim[i]?.state === 'aligned' && d.expectedCname)) {
    // It passes by SPF alone, which forwarding breaks (seed 003): the provider's DKIM CNAMEs keep it passing.
    for (const d of dkim) {
      if (d.key === 'usable' || d.key === 'temperror' || d.expectedCname === undefined) continue;
      fixes.push({ code: 'dkim-publish', selector: d.selector, domain: d.domain, name: d.name, key: d.key, records: [{ name: d.name, type: 'CNAME', value: d.expectedCname, action: d.key === 'missing' ? 'add' : 'replace' }] });
    }
  }
  if (dmarc.result === 'none') {
    const domain = fromOrg ?? valid.fromDomain;
    fixes.push({ code: 'dmarc-publish', domain, records: [txt(`_dmarc.${domain}`, `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`, dmarc.notes.some((n) => n.code === 'record-invalid' || n.code === 'multiple-records') ? 'replace' : 'add')] });
  }
  return fixes;
}

/**
 * Predicts the DMARC outcome of a sending setup from DNS: SPF for the envelope domain and its
 * alignment with From, each DKIM key and its alignment, the DMARC result and the policy that
 * applies, what to change, and RFC 7489's reading where it differs. Never throws for a DNS
 * outcome (a timeout is `temperror`, never "no record"); throws `VerdictInputError` for an
 * unusable input.
 *
 * @example
 * const p = await predictDelivery(
 *   { ip: '212.83.209.204', helo: 'mail.coachview.net', mailFrom: 'bounce@coachview.net', fromDomain: 'klant.nl' },
 *   { resolver },
 * );
 * p.spf.result;            // 'pass'
 * p.spf.alignment.state;   // 'not-aligned'
 * p.dmarc.result;          // 'fail' — unless an aligned DKIM key is published
 */
export async function predictDelivery(input: VerdictInput, deps: VerdictDeps): Promise<DeliveryPrediction> {
  const valid = validateVerdictInput(input, deps);
  if (!valid.ok) throw new VerdictInputError(valid.issues);
  const v = valid.value;
  const { resolver } = deps;
  const suffixes = deps.suffixes ?? bundledPublicSuffixList();
  const [check, discovery, dkimKeys] = await Promise.all([
    evaluateSpf({ ip: v.ip, sender: v.mailFrom, helo: v.helo }, { resolver, now: deps.now ?? (() => 0) }),
    discoverDmarc(v.fromDomain, resolver, suffixes),
    Promise.all(v.signers.map((signer) => checkKey(signer, resolver))),
  ]);
  const fromOrg = discovery.kind === 'temporary-failure' ? undefined : discovery.organizationalDomain;
  const fromPsl = pslOrganizationalDomain(v.fromDomain, suffixes);
  // Other domains' Organizational Domains, walked once each (the From domain's is known).
  const orgs = new Map<string, Promise<OrganizationalDomains>>([[v.fromDomain, Promise.resolve({ rfc9989: fromOrg, rfc7489: fromPsl })]]);
  const orgOf = (domain: string): Promise<OrganizationalDomains> => {
    const key = toAsciiDomain(domain);
    let found = orgs.get(key);
    if (found === undefined) orgs.set(key, (found = findOrganizationalDomain(key, resolver, suffixes)));
    return found;
  };
  const needsExistence = discovery.kind === 'found' && discovery.source !== 'author';
  const [spfOrg, dkimOrgs, exists] = await Promise.all([
    orgOf(check.domain),
    Promise.all(dkimKeys.map((d) => orgOf(d.domain))),
    needsExistence ? domainExists(v.fromDomain, resolver) : Promise.resolve(true as const),
  ]);
  const outcomeInput: DmarcOutcomeInput = {
    from: { domain: v.fromDomain, organizationalDomain: fromOrg, exists },
    spf: { result: check.result, domain: check.domain, organizationalDomain: spfOrg.rfc9989 },
    dkim: dkimKeys.map((d, i) => ({ result: d.result, domain: d.domain, organizationalDomain: dkimOrgs[i]?.rfc9989 })),
    policy: policyLookupOf(discovery),
  };
  const dmarc = dmarcOutcome(outcomeInput);
  const dkim: DkimVerdict[] = dkimKeys.map((d, i) => ({ ...d, alignment: dmarc.alignment.dkim[i] ?? dmarc.alignment.spf }));
  const rfc7489 = rfc7489Reading(outcomeInput, dmarc, {
    organizationalDomains: { from: fromPsl, spf: spfOrg.rfc7489, dkim: dkimOrgs.map((o) => o.rfc7489) },
    policy: rfc7489PolicyOf(discovery),
  });
  const fixes = await fixesFor(v, check, dkim, dmarc, fromOrg, resolver);
  return {
    input: { ip: v.ip, helo: v.helo, mailFrom: v.mailFrom, fromDomain: v.fromDomain, dkim: v.signers.map(({ domain, selector }) => ({ domain, selector })), ...(v.provider ? { provider: v.provider.id } : {}) },
    from: { domain: v.fromDomain, organizationalDomain: fromOrg, exists },
    spf: { result: check.result, domain: check.domain, identity: check.identity, cause: check.cause.code, lookups: check.lookups.terms, alignment: dmarc.alignment.spf },
    dkim,
    dmarc,
    fixes,
    ...(rfc7489 ? { rfc7489 } : {}),
  };
}
