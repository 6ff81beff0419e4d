/**
 * The test inbox's words (`spfkit inbox`, issue 13.4), in English: the SMTP reply texts
 * (ASCII in every language: SMTP replies are), the command's start-up lines and the API's
 * refusals.
 */
import type { AreaMessages } from './types.ts';

export const inboxEn = {
  // ── SMTP replies ──────────────────────────────────────────────────────────────────────
  'inbox.smtp.other-domain': (p: { name: string }) => `This server takes mail only for test addresses at ${p.name} (no relaying)`,
  'inbox.smtp.not-a-test-address': (p: { name: string }) => `Only test-<token>@${p.name} addresses are served here; get one from the report page`,
  'inbox.smtp.unknown-token': () => 'Unknown or expired test address; get a new one from the report page',
  'inbox.smtp.token-full': (p: { count: number }) => `This test address has received its ${p.count} messages; get a new one`,
  'inbox.smtp.too-many-recipients': (p: { limit: number }) => `Too many recipients: at most ${p.limit} per session`,
  'inbox.smtp.too-many-rcpt-commands': (p: { limit: number }) => `Too many RCPT commands (over ${p.limit}), closing the connection`,
  'inbox.smtp.too-large': (p: { limit: number }) => `Message exceeds the size limit of ${p.limit} octets`,
  'inbox.smtp.too-large-cut': (p: { limit: number }) => `Message far exceeds the size limit of ${p.limit} octets, closing the connection`,
  'inbox.smtp.session-too-long': (p: { seconds: number }) => `Session over ${p.seconds} seconds, closing the connection`,
  'inbox.smtp.evaluation-failed': () => 'Could not evaluate the message just now; try again later',
  'inbox.smtp.accepted': (p: { url: string }) => `OK: the report is at ${p.url}`,

  // ── spfkit inbox ──────────────────────────────────────────────────────────────────────
  'inbox.cli.listening': (p: { address: string; url: string }) => `Test inbox: SMTP on ${p.address}, report page and API on ${p.url}`,
  'inbox.cli.issued': (p: { address: string; url: string }) => `A test address for you: ${p.address} (report: ${p.url})`,
  'inbox.cli.limits': (p: { bytes: number; seconds: number; count: number; limit: number }) =>
    `Limits: messages up to ${p.bytes} octets, idle sessions closed after ${p.seconds} s, ${p.count} messages per address, ${p.limit} recipients per session.`,

  // ── HTTP API ──────────────────────────────────────────────────────────────────────────
  'inbox.api.off': () => 'This server has no test inbox (start it with SPFKIT_INBOX_PORT, or run `spfkit inbox`).',
  'inbox.api.full': () => 'The test inbox is full just now; try again in a few minutes.',
  'inbox.api.unknown': () => 'No report for this address: it was never issued, or it has expired.',
} satisfies AreaMessages<'inbox'>;
