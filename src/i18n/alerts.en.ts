/**
 * The monitor's alert words in English: the ready message for a customer (what is wrong,
 * the exact record to publish) and the operator's e-mail digest.
 */
import type { AreaMessages } from './types.ts';

export const alertsEn = {
  'alerts.customer.subject': (p: { domain: string }) => `Action needed: the SPF record of ${p.domain}`,
  'alerts.customer.greeting': () => 'Hello,',
  'alerts.customer.not-authorised': (p: { domain: string; services: readonly string[] }) =>
    `The SPF record of ${p.domain} does not authorise ${p.services.join(', ')}. Mail we send on your behalf may be rejected or marked as spam until this is fixed.`,
  'alerts.customer.none': (p: { domain: string; services: readonly string[] }) =>
    `${p.domain} publishes no SPF record, so receivers cannot tell that ${p.services.join(', ')} may send mail for it.`,
  'alerts.customer.broken': (p: { domain: string }) => `The SPF record of ${p.domain} contains an error; receivers ignore it (permerror).`,
  'alerts.customer.publish': (p: { domain: string }) => `Please publish this TXT record at ${p.domain}, in place of the current SPF record (there must be only one):`,
  'alerts.customer.publish-new': (p: { domain: string }) => `Please publish this TXT record at ${p.domain} (it has no SPF record yet):`,
  'alerts.customer.help': () => 'Reply to this message and we will help you fix it.',
  'alerts.customer.closing': () => 'Kind regards,',
  'alerts.digest.subject': (p: { count: number }) => `spfkit: ${p.count} ${p.count === 1 ? 'change' : 'changes'} in watched domains`,
  'alerts.digest.intro': (p: { count: number; domainCount: number }) => `${p.count} ${p.count === 1 ? 'change' : 'changes'} in ${p.domainCount} watched ${p.domainCount === 1 ? 'domain' : 'domains'} since the last digest.`,
  'alerts.digest.customer': (p: { domain: string }) => `Ready message for the customer of ${p.domain}:`,
} satisfies AreaMessages<'alerts'>;
