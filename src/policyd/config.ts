/**
 * The configuration file, in policyd-spf's own format (policyd-spf.conf(5): `Name = value`
 * lines, `#` comments), so that an existing /etc/postfix-policyd-spf-python/policyd-spf.conf
 * works as it is. spfkit's own settings use the same format under their own names. Problems
 * are returned as data; the CLI words them.
 */
import { normalizeName } from '../dns/resolver.ts';
import type { Lang } from '../i18n/lang.ts';
import { isLang } from '../i18n/lang.ts';
import { type HeaderType, type PolicySettings, REJECT_LEVELS, type RejectLevel, parseCidrList, splitList } from './settings.ts';

export type ConfigIssue =
  /** A line that is not `Name = value`. */
  | { code: 'syntax'; line: number; text: string }
  /** A name neither policyd-spf nor spfkit knows. */
  | { code: 'unknown-setting'; line: number; name: string }
  /** A value the setting does not take; `expected` lists what it takes. */
  | { code: 'bad-value'; line: number; name: string; value: string; expected: string }
  /** A policyd-spf setting spfkit does not implement; it is ignored (a warning). */
  | { code: 'ignored'; line: number; name: string };

/** The setting names, as policyd-spf spells them (compared without case). */
const NAMES = [
  'HELO_reject',
  'Mail_From_reject',
  'PermError_reject',
  'TempError_Defer',
  'skip_addresses',
  'Whitelist',
  'HELO_Whitelist',
  'Domain_Whitelist',
  'Domain_Whitelist_PTR',
  'Header_Type',
  'Authserv_Id',
  'Hide_Receiver',
  // spfkit's own
  'Receiver',
  'Deadline',
  'Failure_Action',
  'Why_URL',
  'Language',
  'Log_Format',
] as const;

type Name = (typeof NAMES)[number];

/** policyd-spf settings with no counterpart here: accepted and ignored, with a warning. */
const IGNORED = [
  'debugLevel',
  'TestOnly',
  'defaultSeedOnly',
  'HELO_pass_restriction',
  'Mail_From_pass_restriction',
  'No_Mail',
  'Reject_Not_Pass_Domains',
  'Prospective',
  'SPF_Enhanced_Status_Codes',
  'Lookup_Time',
  'Whitelist_Lookup_Time',
  'Void_Limit',
  'Mock',
];

/** What a config file sets: settings, and the log format (a service option, not a decision setting). */
export interface ConfigValues {
  settings: Partial<PolicySettings>;
  logFormat?: 'mail' | 'json';
}

const byLowerName = new Map<string, Name>(NAMES.map((n) => [n.toLowerCase(), n]));
const ignoredLower = new Set(IGNORED.map((n) => n.toLowerCase()));

/**
 * Reads a config file's text.
 *
 * @example
 * parseConfig('HELO_reject = SPF_Not_Pass\nTempError_Defer = True\n')
 * // { values: { settings: { heloReject: 'SPF_Not_Pass', tempErrorDefer: true } }, issues: [] }
 */
export function parseConfig(text: string): { values: ConfigValues; issues: ConfigIssue[] } {
  const values: ConfigValues = { settings: {} };
  const issues: ConfigIssue[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) continue;
    const eq = content.indexOf('=');
    if (eq <= 0) {
      issues.push({ code: 'syntax', line, text: content });
      continue;
    }
    const given = content.slice(0, eq).trim();
    const value = content.slice(eq + 1).trim();
    const name = byLowerName.get(given.toLowerCase());
    if (!name) {
      issues.push(ignoredLower.has(given.toLowerCase()) ? { code: 'ignored', line, name: given } : { code: 'unknown-setting', line, name: given });
      continue;
    }
    const problem = applySetting(values, name, value);
    if (problem !== undefined) issues.push({ code: 'bad-value', line, name, value, expected: problem });
  }
  return { values, issues };
}

/** policyd-spf's booleans: True/False, Yes/No (and 1/0, on/off). */
function parseBoolean(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  return undefined;
}

function names(value: string): string[] {
  return splitList(value).map(normalizeName);
}

/** Sets one value; returns what was expected when it is not acceptable. */
export function applySetting(values: ConfigValues, name: Name, value: string): string | undefined {
  const s = values.settings;
  switch (name) {
    case 'HELO_reject':
    case 'Mail_From_reject': {
      const level = REJECT_LEVELS.find((l) => l.toLowerCase() === value.toLowerCase()) as RejectLevel | undefined;
      if (!level) return REJECT_LEVELS.join(', ');
      if (name === 'HELO_reject') s.heloReject = level;
      else s.mailFromReject = level;
      return undefined;
    }
    case 'PermError_reject':
    case 'TempError_Defer':
    case 'Hide_Receiver': {
      const flag = parseBoolean(value);
      if (flag === undefined) return 'True, False';
      if (name === 'PermError_reject') s.permErrorReject = flag;
      else if (name === 'TempError_Defer') s.tempErrorDefer = flag;
      else s.hideReceiver = flag;
      return undefined;
    }
    case 'skip_addresses':
    case 'Whitelist': {
      const list = parseCidrList(value);
      if (!list.ok) return 'IP/prefix, …';
      if (name === 'skip_addresses') s.skipAddresses = list.cidrs;
      else s.whitelist = list.cidrs;
      return undefined;
    }
    case 'HELO_Whitelist':
      s.heloWhitelist = names(value);
      return undefined;
    case 'Domain_Whitelist':
      s.domainWhitelist = names(value);
      return undefined;
    case 'Domain_Whitelist_PTR':
      s.domainWhitelistPtr = names(value);
      return undefined;
    case 'Header_Type': {
      const type = (['SPF', 'AR', 'None'] as const).find((h) => h.toLowerCase() === value.toLowerCase()) as HeaderType | undefined;
      if (!type) return 'SPF, AR, None';
      s.headerType = type;
      return undefined;
    }
    case 'Authserv_Id':
      if (!/^[A-Za-z0-9.-]+$/.test(value)) return 'a host name';
      s.authservId = value;
      return undefined;
    case 'Receiver':
      if (!/^[A-Za-z0-9.-]+$/.test(value)) return 'a host name';
      s.receiver = value;
      return undefined;
    case 'Deadline': {
      // Seconds, as policyd-spf's Lookup_Time; fractions allowed.
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) return 'seconds (0–3600)';
      s.deadlineMs = Math.round(seconds * 1000);
      return undefined;
    }
    case 'Failure_Action': {
      const action = value.toUpperCase();
      if (action !== 'DUNNO' && action !== 'DEFER') return 'DUNNO, DEFER';
      s.onFailure = action;
      return undefined;
    }
    case 'Why_URL':
      if (!/^https?:\/\/\S+$/.test(value)) return 'http(s)://…/why';
      s.whyUrl = value;
      return undefined;
    case 'Language': {
      const lang: string = value.toLowerCase();
      if (!isLang(lang)) return 'en, nl';
      s.lang = lang as Lang;
      return undefined;
    }
    case 'Log_Format':
      if (value !== 'mail' && value !== 'json') return 'mail, json';
      values.logFormat = value;
      return undefined;
    default: {
      const never: never = name;
      return never;
    }
  }
}

/** Whether an issue stops the service from starting (an ignored setting does not). */
export function isConfigError(issue: ConfigIssue): boolean {
  return issue.code !== 'ignored';
}
