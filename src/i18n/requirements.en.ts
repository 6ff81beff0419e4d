/**
 * Sentences of the receivers' requirements checklist and the SPF implementation profiles
 * (issue 13.2, src/verdict/requirements.ts, src/spf/profiles.ts) in English. requirements.nl.ts
 * must translate every key.
 */
import type { AreaMessages } from './types.ts';

export const requirementsEn = {
  'verdict.requirements.title': () => `Receivers' requirements`,
  'verdict.requirements.audience.all': () => `all senders`,
  'verdict.requirements.audience.bulk': () => `bulk senders (over 5 000 messages a day)`,
  'verdict.requirements.check.spf-or-dkim-pass': () => `SPF or DKIM passes`,
  'verdict.requirements.check.spf-pass': () => `SPF passes`,
  'verdict.requirements.check.dkim-pass': () => `DKIM passes (a usable key is published for a selector the sender signs with)`,
  'verdict.requirements.check.spf-and-dkim-pass': () => `SPF and DKIM both pass`,
  'verdict.requirements.check.dmarc-record': () => `a DMARC record is published (p=none at least)`,
  'verdict.requirements.check.dmarc-aligned': () => `the From domain is aligned with SPF or DKIM (DMARC alignment)`,
  'verdict.requirements.check.ptr-fcrdns': () => `the sending IP has reverse DNS (PTR) that resolves back to it`,
  'verdict.requirements.check.spf-fail-treated-as-softfail': () => `an SPF fail may be treated as softfail (marked as suspicious instead of refused)`,
  'verdict.requirements.check.tls': () => `the connection uses TLS`,
  'verdict.requirements.check.rfc5322-format': () => `messages are formatted per RFC 5322`,
  'verdict.requirements.check.spam-rate': () => `the reported spam rate stays low (below 0.3%)`,
  'verdict.requirements.check.one-click-unsubscribe': () => `marketing mail has one-click unsubscribe (RFC 8058)`,
  'verdict.requirements.status.met': () => `met`,
  'verdict.requirements.status.not-met': () => `not met`,
  'verdict.requirements.status.unknown': () => `unknown (a DNS query failed; ask again later)`,
  'verdict.requirements.status.not-checkable': () => `not checkable here (needs the message or the receiver's data)`,
  'verdict.requirements.status.applies': () => `applies to this setup`,
  'verdict.requirements.status.not-applicable': () => `does not apply to this setup`,
  'verdict.requirements.profiles.title': () => `SPF as different implementations read it`,
  'verdict.requirements.profiles.same': (p: { result: string }) => `Every implementation profiled gives ${p.result}.`,
  'verdict.requirements.profiles.differ': () => `The implementations disagree for this setup:`,
} satisfies AreaMessages<'verdict'>;
