/**
 * The message catalogue: every area's tables merged per language, and `t()` to render a
 * message. To add an area (e.g. the audit module):
 *
 *   1. `src/i18n/audit.en.ts`: `export const auditEn = { 'audit.…': (p: {…}) => … } satisfies AreaMessages<'audit'>;`
 *   2. `src/i18n/audit.nl.ts`: `export const auditNl: Translation<typeof auditEn> = { … };`
 *   3. spread both into `en` and `nl` below, and give every new key a sample in catalog.test.ts.
 *
 * New keys in an existing area: add them to both of its files; the compiler lists what is
 * missing.
 */
import { addEn } from './add.en.ts';
import { apiEn } from './api.en.ts';
import { apiNl } from './api.nl.ts';
import { addNl } from './add.nl.ts';
import { auditEn } from './audit.en.ts';
import { auditNl } from './audit.nl.ts';
import { bulkEn } from './bulk.en.ts';
import { bulkNl } from './bulk.nl.ts';
import { helpEn } from './help.en.ts';
import { helpNl } from './help.nl.ts';
import { cliEn } from './cli.en.ts';
import { cliNl } from './cli.nl.ts';
import type { Lang } from './lang.ts';
import { spfEn } from './spf.en.ts';
import { spfNl } from './spf.nl.ts';
import { policydEn } from './policyd.en.ts';
import { policydNl } from './policyd.nl.ts';
import { monitorEn } from './monitor.en.ts';
import { monitorNl } from './monitor.nl.ts';
import { alertsEn } from './alerts.en.ts';
import { alertsNl } from './alerts.nl.ts';
// test inbox (issue 13.4)
import { inboxEn } from './inbox.en.ts';
import { inboxNl } from './inbox.nl.ts';
import { usageEn } from './usage.en.ts';
// verdict (issue 13.1)
import { verdictEn } from './verdict.en.ts';
import { verdictNl } from './verdict.nl.ts';
// receivers' requirements + SPF profiles (issue 13.2)
import { requirementsEn } from './requirements.en.ts';
import { requirementsNl } from './requirements.nl.ts';
import { usageNl } from './usage.nl.ts';
import { messageEn } from './message.en.ts';
import { messageNl } from './message.nl.ts';
import type { Translation } from './types.ts';

const en = { ...spfEn, ...cliEn, ...auditEn, ...addEn, ...bulkEn, ...usageEn, ...apiEn, ...helpEn, ...policydEn, ...monitorEn, ...alertsEn, ...verdictEn, ...messageEn, ...requirementsEn, ...inboxEn };

const nl: Translation<typeof en> = { ...spfNl, ...cliNl, ...auditNl, ...addNl, ...bulkNl, ...usageNl, ...apiNl, ...helpNl, ...policydNl, ...monitorNl, ...alertsNl, ...verdictNl, ...messageNl, ...requirementsNl, ...inboxNl };

/** The English catalogue's type: the key set and each key's parameters. */
export type Catalog = typeof en;

/** Every message key of spfkit. */
export type MessageKey = keyof Catalog;

/** The arguments after the key that `t()` takes for a message: `[params]`, or none. */
export type MessageArgs<K extends MessageKey> = Parameters<Catalog[K]>;

/** All messages, per language. */
export const MESSAGES: Readonly<Record<Lang, Catalog>> = Object.freeze({ en, nl });

/**
 * Renders one message in a language. Parameters are type-checked per key; keys without
 * parameters take none.
 *
 * @example
 * t('nl', 'spf.headline.none', { domain: 'klant.nl' }) // 'klant.nl heeft geen SPF-record gepubliceerd.'
 * t('en', 'spf.record.ok')                             // 'No syntax problems.'
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: MessageArgs<K>): string {
  const message = MESSAGES[lang][key] as (...params: MessageArgs<K>) => string;
  return message(...args);
}
