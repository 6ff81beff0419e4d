/**
 * The policy service's words (`spfkit policyd`), in English: the comments of the
 * Received-SPF header (RFC 7208 §9.1 gives these sentences as its examples), the trace
 * headers of skipped checks, and the SMTP reply texts of rejects and defers. SMTP replies
 * and header fields are ASCII, so these stay ASCII in every language.
 */
import type { AreaMessages } from './types.ts';

export const policydEn = {
  // ── Received-SPF comments (RFC 7208 §9.1) ─────────────────────────────────────────────
  'policyd.received.pass': (p: { receiver: string; identity: string; ip: string }) => `${p.receiver}: domain of ${p.identity} designates ${p.ip} as permitted sender`,
  'policyd.received.fail': (p: { receiver: string; identity: string; ip: string }) => `${p.receiver}: domain of ${p.identity} does not designate ${p.ip} as permitted sender`,
  'policyd.received.softfail': (p: { receiver: string; identity: string; ip: string }) =>
    `${p.receiver}: transitioning domain of ${p.identity} does not designate ${p.ip} as permitted sender`,
  'policyd.received.neutral': (p: { receiver: string; identity: string; ip: string }) => `${p.receiver}: ${p.ip} is neither permitted nor denied by domain of ${p.identity}`,
  'policyd.received.none': (p: { receiver: string; identity: string; ip: string }) => `${p.receiver}: domain of ${p.identity} does not designate permitted sender hosts`,
  'policyd.received.permerror': (p: { receiver: string; identity: string; ip: string }) => `${p.receiver}: permanent error in processing the SPF policy of ${p.identity}`,
  'policyd.received.temperror': (p: { receiver: string; identity: string; ip: string }) => `${p.receiver}: temporary error in processing during lookup of ${p.identity}`,

  // ── Checks not made (an X-Comment trace header, as policyd-spf adds) ──────────────────
  'policyd.skip.local': (p: { ip: string }) => `SPF not applicable to localhost connection ${p.ip} - skipped check`,
  'policyd.skip.whitelist-ip': (p: { ip: string }) => `SPF skipped for whitelisted relay - client-ip=${p.ip}`,
  'policyd.skip.whitelist-helo': (p: { ip: string; name: string }) => `SPF skipped for whitelisted relay ${p.name} - client-ip=${p.ip}`,
  'policyd.skip.whitelist-domain': (p: { ip: string; domain: string }) => `SPF skipped for relay authorised by the whitelisted domain ${p.domain} - client-ip=${p.ip}`,
  'policyd.skip.whitelist-ptr': (p: { ip: string; domain: string }) => `SPF skipped for relay named in the whitelisted domain ${p.domain} - client-ip=${p.ip}`,

  // ── SMTP replies ──────────────────────────────────────────────────────────────────────
  'policyd.reject.fail': (p: { identity: string; ip: string }) => `SPF fail: the domain of ${p.identity} does not authorise ${p.ip} to send its mail.`,
  'policyd.reject.softfail': (p: { identity: string; ip: string }) => `SPF softfail: the domain of ${p.identity} does not authorise ${p.ip} to send its mail.`,
  'policyd.reject.neutral': (p: { identity: string; ip: string }) => `SPF neutral: the domain of ${p.identity} neither authorises nor denies ${p.ip}.`,
  'policyd.reject.permerror': (p: { identity: string }) => `SPF permerror: the SPF policy of the domain of ${p.identity} cannot be evaluated.`,
  'policyd.defer.temperror': (p: { identity: string }) => `SPF temperror: the SPF policy of the domain of ${p.identity} could not be looked up; try again later.`,
  'policyd.defer.deadline': () => `The SPF check took too long; try again later.`,
  'policyd.defer.error': () => `The SPF check failed on our side; try again later.`,
  'policyd.see': (p: { url: string }) => `See ${p.url}`,

  // ── The config file and the command (spfkit policyd, --check-config) ───────────────────
  'policyd.config.syntax': (p: { where: string; text: string }) => `${p.where}: "${p.text}" is not a "Name = value" line`,
  'policyd.config.unknown-setting': (p: { where: string; name: string }) => `${p.where}: unknown setting "${p.name}" (see docs/policyd.md)`,
  'policyd.config.bad-value': (p: { where: string; name: string; value: string; expected: string }) =>
    `${p.where}: ${p.name} cannot be "${p.value}" (expected: ${p.expected})`,
  'policyd.config.ignored': (p: { where: string; name: string }) => `${p.where}: ${p.name} is a policyd-spf setting spfkit does not use; ignored`,
  'policyd.config.ok': (p: { where: string; count: number }) => `${p.where}: configuration OK (${p.count} ${p.count === 1 ? 'setting' : 'settings'} set)`,
  'policyd.cli.listening': (p: { text: string }) => `listening on ${p.text}`,
} satisfies AreaMessages<'policyd'>;
