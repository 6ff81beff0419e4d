/**
 * The monitor's words in English (`spfkit monitor …`, the `/api/monitor/…` routes): issues
 * with a watched domain or an import row, situations and event kinds, what the commands
 * print, and their usage errors. Codes (situation, kind) stay codes in JSON.
 */
import type { AreaMessages } from './types.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const monitorEn = {
  // ── Issues with a domain to watch (an `add`, an import row, a request body) ──────────
  'monitor.issue.bad-domain': (p: { domain: string; problem: string }) => `"${p.domain}" is not a usable domain name: ${p.problem}.`,
  'monitor.issue.not-a-hostname': () => 'a mail domain has only letters, digits, hyphens and dots',
  'monitor.issue.no-service': () => 'No sending service: name at least one (a catalogue id such as coachview, or a mechanism such as include:spf.example.net).',
  'monitor.issue.unknown-provider': (p: { text: string; known: readonly string[] }) => `"${p.text}" is not a known service (known: ${p.known.join(', ')}) nor a mechanism.`,
  'monitor.issue.bad-mechanism': (p: { text: string; reason: string }) => `"${p.text}" is not a usable mechanism (${p.reason}).`,
  'monitor.issue.bad-test-ip': (p: { ip: string }) => `"${p.ip}" is not an IPv4 or IPv6 address.`,
  'monitor.issue.bad-selector': (p: { selector: string }) => `"${p.selector}" is not a usable DKIM selector.`,
  'monitor.issue.too-many': (p: { name: string; limit: number }) => `Too many ${p.name}: at most ${p.limit}.`,
  'monitor.issue.too-long': (p: { name: string; limit: number }) => `${p.name} is too long: at most ${p.limit} characters.`,
  'monitor.issue.duplicate-domain': (p: { domain: string; line: number }) => `${p.domain} is already on line ${p.line} of this file; this row is not imported.`,

  // ── Situations and event kinds ───────────────────────────────────────────────────────
  'monitor.situation.none': () => 'no SPF record',
  'monitor.situation.not-authorised': () => 'not authorised',
  'monitor.situation.authorised': () => 'authorised',
  'monitor.situation.broken': () => 'broken',
  'monitor.situation.could-not-check': () => 'could not check',
  'monitor.situation.unchecked': () => 'not checked yet',
  'monitor.event.record-changed': () => 'SPF record changed',
  'monitor.event.situation-changed': () => 'situation changed',
  'monitor.event.lookups-at-limit': () => 'lookups reached 10',
  'monitor.event.lookups-over-limit': () => 'lookups over 10',
  'monitor.event.record-too-long': () => 'record over 450 bytes',
  'monitor.event.dmarc-removed': () => 'DMARC record removed',
  'monitor.event.dmarc-weakened': () => 'DMARC policy weakened',
  'monitor.event.dkim-cname-removed': () => 'DKIM CNAME removed',
  'monitor.event.dkim-key-revoked': () => 'DKIM key revoked',
  'monitor.event.dkim-key-removed': () => 'DKIM key removed',
  'monitor.event.provider-record-changed': () => "provider's own record changed",
  'monitor.event.could-not-check-repeated': () => 'could not check, twice in a row',
  'monitor.event.alarm-open': () => 'alarm raised',
  'monitor.event.alarm-close': () => 'resolved',

  // ── What the commands print ──────────────────────────────────────────────────────────
  'monitor.added': (p: { domain: string; what: string }) => `Now watching ${p.domain} (${p.what}).`,
  'monitor.updated': (p: { domain: string; what: string }) => `Updated ${p.domain} (${p.what}); its history is kept.`,
  'monitor.removed': (p: { domain: string }) => `No longer watching ${p.domain}; its checks and events are deleted.`,
  'monitor.import.summary': (p: { added: number; updated: number; count: number }) =>
    `Imported: ${p.added} added, ${p.updated} updated; ${plural(p.count, 'row', 'rows')} with problems not imported.`,
  'monitor.import.row': (p: { line: number; text: string }) => `line ${p.line}: ${p.text}`,
  'monitor.list.summary': (p: { count: number; total: number; offset: number }) =>
    p.total === 0 ? 'No watched domains match.' : p.count === 0 ? `No domains on this page (${p.total} match).` : `Domains ${p.offset + 1}–${p.offset + p.count} of ${p.total}.`,
  'monitor.list.header': () => 'DOMAIN|SITUATION|CHECKED|CUSTOMER|LABEL',
  'monitor.check.events': (p: { count: number }) => (p.count === 0 ? 'no change' : plural(p.count, 'event', 'events')),
  'monitor.check.publish': (p: { text: string }) => `publish: ${p.text}`,
  'monitor.check.summary': (p: { count: number; seconds: number }) => `Checked ${plural(p.count, 'domain', 'domains')} in ${p.seconds.toFixed(1)} s.`,
  'monitor.check.nothing': () => 'No watched domains: add one with spfkit monitor add, or import a list.',
  'monitor.events.none': () => 'No events.',
  'monitor.token.created': (p: { token: string; id: number }) =>
    `API token ${p.id} (send as "Authorization: Bearer <token>"; it is shown only now, keep it safe):\n${p.token}`,
  'monitor.token.none': () => 'No API tokens.',
  'monitor.token.row': (p: { id: number; text: string; when: string }) => `${p.id}  made ${p.when}  ${p.text || '(no label)'}`,
  'monitor.token.revoked': (p: { id: number }) => `API token ${p.id} revoked.`,
  'monitor.copy.done': (p: { name: string; domainCount: number; checkCount: number; eventCount: number }) =>
    `Copied ${p.domainCount} domain(s), ${p.checkCount} check(s) and ${p.eventCount} event(s) from ${p.name}. API tokens are not copied: make new ones with spfkit monitor token create.`,

  // ── What if the provider changes its record (monitor what-if) ─────────────────────────
  'monitor.what-if.unknown-provider': (p: { text: string; known: readonly string[] }) => `"${p.text}" is not a service in the catalogue (known: ${p.known.join(', ')}).`,
  'monitor.what-if.no-include': (p: { provider: string; mechanism: string }) =>
    `${p.provider} is authorised with ${p.mechanism}, not with an include of a record of its own: there is no provider record to change.`,
  'monitor.what-if.not-spf': (p: { text: string }) => `"${p.text}" is not an SPF record: it must start with v=spf1.`,
  'monitor.what-if.bad-policy': (p: { problems: readonly string[] }) => `The candidate record has errors, receivers would return permerror: ${p.problems.join(' ')}`,
  'monitor.what-if.too-many-customers': (p: { count: number; limit: number }) => `${p.count} customers would be checked; over HTTP at most ${p.limit}: run spfkit monitor what-if.`,
  'monitor.what-if.candidate': (p: { target: string; lookups: number; current?: number; bytes: number; strings: number }) =>
    `As ${p.target}: including it costs ${plural(p.lookups, 'lookup', 'lookups')}${p.current === undefined ? '' : ` (today ${p.current})`}; ${p.bytes} bytes in ${plural(p.strings, 'string', 'strings')}.`,
  'monitor.what-if.too-long': (p: { bytes: number; limit: number }) => `The candidate is ${p.bytes} bytes, over the ${p.limit} RFC 7208 §3.4 advises: some receivers will need TCP to read it.`,
  'monitor.what-if.reason.over-lookup-limit': (p: { lookupsBefore: number; lookupsAfter: number; limit: number }) => `${p.lookupsAfter} lookups (now ${p.lookupsBefore}), over the limit of ${p.limit}: receivers return permerror`,
  'monitor.what-if.reason.void-limit': (p: { limit: number }) => `more than ${p.limit} lookups without an answer: permerror`,
  'monitor.what-if.reason.stops-authorising': (p: { ips: readonly string[] }) => `${p.ips.join(', ')} would no longer pass`,
  'monitor.what-if.reason.breaks': (p: { cause: string }) => `the record would break (${p.cause})`,
  'monitor.what-if.reason.could-not-check': () => 'could not check: DNS did not answer',
  'monitor.what-if.already': () => 'already a problem before the change',
  'monitor.what-if.summary': (p: { checked: number; affected: number; provider: string }) =>
    p.checked === 0 ? `No watched domain authorises ${p.provider}.` : `${plural(p.checked, 'customer', 'customers')} of ${p.provider} checked; ${p.affected === 0 ? 'none would be affected' : `${p.affected} would be affected`}. Nothing was published or stored.`,

  // ── The operators' digest (monitor digest) ────────────────────────────────────────────
  'monitor.digest.started': () => 'First digest on this store: it starts from now (no old events are sent). The next one covers what changes from here.',
  'monitor.digest.nothing': () => 'No events since the last digest; nothing sent.',
  'monitor.digest.taken': () => 'Another machine is sending this digest.',
  'monitor.digest.sent': (p: { email: string }) => `sent to ${p.email}`,
  'monitor.digest.not-sent': (p: { email: string; detail: string }) => `not sent to ${p.email}: ${p.detail}`,
  'monitor.digest.summary': (p: { count: number }) => `Digest of ${plural(p.count, 'event', 'events')} sent.`,
  'monitor.digest.failed': (p: { count: number }) => `The digest of ${plural(p.count, 'event', 'events')} reached no operator; the next run tries again.`,

  // ── Usage errors (exit 2) ────────────────────────────────────────────────────────────
  'monitor.usage.subcommand': (p: { text?: string }) =>
    `${p.text ? `unknown monitor command "${p.text}"; ` : ''}use spfkit monitor add|remove|import|list|check|events|export|token|copy|what-if|digest (spfkit monitor --help)`,
  'monitor.usage.invalid-what-if': (p: { text: string }) => `cannot evaluate: ${p.text}`,
  'monitor.usage.digest': () => 'use spfkit monitor digest, with SPFKIT_DIGEST_SMTP, SPFKIT_DIGEST_FROM and SPFKIT_DIGEST_TO set (see spfkit monitor --help)',
  'monitor.usage.digest-setting': (p: { detail: string }) => `the digest cannot be sent: ${p.detail}`,
  'monitor.usage.what-if': () => 'use spfkit monitor what-if --provider <id> --policy "<candidate record>"',
  'monitor.usage.domain-required': () => 'name the domain to watch: spfkit monitor add <domain> --provider <id>',
  'monitor.usage.one-domain': (p: { text: string }) => `give one domain, not "${p.text}"`,
  'monitor.usage.invalid': (p: { problems: readonly string[] }) => `cannot watch: ${p.problems.join(' ')}`,
  'monitor.usage.file-required': () => 'name the CSV file to import: spfkit monitor import <customers.csv>',
  'monitor.usage.file-unreadable': (p: { name: string; detail: string }) => `cannot read ${p.name}: ${p.detail}`,
  'monitor.usage.no-domain-column': (p: { names: readonly string[] }) =>
    `the first line must name the columns, one of them "domain" (also: services, mechanism, test_ips, dkim, customer_id, label, schedule); got ${p.names.length === 0 ? 'nothing' : p.names.map((n) => `"${n}"`).join(', ')}`,
  'monitor.usage.not-watched': (p: { domains: readonly string[] }) => `not watched: ${p.domains.join(', ')} (spfkit monitor list shows what is)`,
  'monitor.usage.bad-number': (p: { option: string; text: string; limit: number }) => `${p.option} must be a whole number from 0 to ${p.limit}, got "${p.text}"`,
  'monitor.usage.bad-situation': (p: { text: string; values: readonly string[] }) => `unknown situation "${p.text}"; use one of ${p.values.join(', ')}`,
  'monitor.usage.bad-sort': (p: { text: string; values: readonly string[] }) => `cannot sort by "${p.text}"; use one of ${p.values.join(', ')}`,
  'monitor.usage.bad-order': (p: { text: string }) => `the order is asc or desc, got "${p.text}"`,
  'monitor.usage.bad-kind': (p: { text: string; values: readonly string[] }) => `unknown event kind "${p.text}"; use one of ${p.values.join(', ')}`,
  'monitor.usage.export-format': (p: { text: string }) => `the export format is csv or jsonl (or an --out file ending in .csv, .jsonl or .ndjson), got "${p.text}"`,
  'monitor.usage.unwritable': (p: { name: string; detail: string }) => `cannot write ${p.name}: ${p.detail}`,
  'monitor.usage.token': () => 'use spfkit monitor token create [--label <text>] | list | revoke <id>',
  'monitor.usage.token-id': (p: { text: string }) => `"${p.text}" is not an API token id (spfkit monitor token list shows them)`,
  'monitor.usage.copy': () => 'use spfkit monitor copy --from <data folder> (copies that folder\'s SQLite store into the store DATABASE_URL or --data names)',
  'monitor.usage.copy-no-source': (p: { name: string }) => `there is no monitor database at ${p.name}`,
  'monitor.usage.copy-not-empty': (p: { domainCount: number }) => `the target store already watches ${p.domainCount} domain(s); copy into an empty database`,
  'monitor.usage.store': (p: { detail: string }) => `the monitor's database cannot be used: ${p.detail}`,

  // ── The HTTP routes ──────────────────────────────────────────────────────────────────
  'monitor.api.token-missing': () => 'This route needs an API token: send "Authorization: Bearer <token>" (make one with spfkit monitor token create).',
  'monitor.api.token-bad': () => 'The API token is not valid: it is mistyped, revoked or from another spfkit. Make a new one with spfkit monitor token create.',
  'monitor.api.not-watched': (p: { domain: string }) => `${p.domain} is not watched.`,
  'monitor.api.too-many': (p: { count: number; limit: number }) => `${p.count} domains are watched; a check over HTTP takes at most ${p.limit}: name the domains, or run spfkit monitor check.`,
  'monitor.api.csv-body': () => 'Send the CSV file as the request body with Content-Type: text/csv.',
} satisfies AreaMessages<'monitor'>;
