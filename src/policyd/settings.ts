/**
 * The policy service's settings, under policyd-spf's names and meanings (policyd-spf.conf(5),
 * version 3.0): reject levels per identity, PermError/TempError handling, skip addresses and
 * whitelists, the header type. spfkit adds the per-request deadline and what to answer when
 * it passes, the /why link and the log format.
 */
import { type Cidr, parseCidr } from '../spf/cidr.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * policyd-spf's HELO_reject / Mail_From_reject levels:
 * - `Fail`: reject on fail;
 * - `SPF_Not_Pass`: reject on fail, softfail, neutral (and permerror, with PermError_reject);
 * - `Softfail`: reject on fail or softfail;
 * - `Null`: (HELO) reject a HELO fail only when the sender is null;
 * - `False`: never reject, only add the header;
 * - `No_Check`: do not check this identity.
 */
export type RejectLevel = 'Fail' | 'SPF_Not_Pass' | 'Softfail' | 'Null' | 'False' | 'No_Check';

export const REJECT_LEVELS: readonly RejectLevel[] = ['Fail', 'SPF_Not_Pass', 'Softfail', 'Null', 'False', 'No_Check'];

/** policyd-spf's Header_Type: Received-SPF, Authentication-Results, or none. */
export type HeaderType = 'SPF' | 'AR' | 'None';

export interface PolicySettings {
  /** HELO_reject (policyd-spf default: Fail). */
  heloReject: RejectLevel;
  /** Mail_From_reject (default Fail). */
  mailFromReject: RejectLevel;
  /** PermError_reject (default false). */
  permErrorReject: boolean;
  /** TempError_Defer (default false). */
  tempErrorDefer: boolean;
  /** skip_addresses (default 127.0.0.0/8, ::ffff:127.0.0.0/104, ::1). */
  skipAddresses: Cidr[];
  /** Whitelist: client IP ranges not checked. */
  whitelist: Cidr[];
  /** HELO_Whitelist: HELO names not checked, when the name's A/AAAA has the client IP. */
  heloWhitelist: string[];
  /** Domain_Whitelist: clients that the SPF record of one of these domains passes are not checked. */
  domainWhitelist: string[];
  /** Domain_Whitelist_PTR: clients whose validated PTR name is in (or under) one of these domains are not checked. */
  domainWhitelistPtr: string[];
  /** Header_Type (default SPF). */
  headerType: HeaderType;
  /** Authserv_Id for Authentication-Results (default: the host name). */
  authservId: string;
  /** This host's name in headers and replies (`receiver=`). */
  receiver: string;
  /** Hide_Receiver: show `<UNKNOWN>` instead of the receiver (default false). */
  hideReceiver: boolean;
  /** Milliseconds for one request, all checks together (default 10 000, below Postfix's 100 s policy timeout). */
  deadlineMs: number;
  /** The answer when the deadline passes or the service fails internally: DUNNO (default) or DEFER. */
  onFailure: 'DUNNO' | 'DEFER';
  /** The base of this server's "Why?" page (e.g. https://spf.example.nl/why), linked from rejects; none when empty. */
  whyUrl: string;
  /** Language of header comments and reply texts. */
  lang: Lang;
}

/** policyd-spf's default skip_addresses. */
export const DEFAULT_SKIP_ADDRESSES = '127.0.0.0/8,::ffff:127.0.0.0/104,::1';

/** A comma-separated CIDR list as policyd-spf writes it ("no spaces", though spaces are tolerated here). */
export function parseCidrList(text: string): { ok: true; cidrs: Cidr[] } | { ok: false; bad: string } {
  const cidrs: Cidr[] = [];
  for (const item of splitList(text)) {
    const cidr = parseCidr(item);
    if (!cidr) return { ok: false, bad: item };
    cidrs.push(cidr);
  }
  return { ok: true, cidrs };
}

/** A comma-separated list, items trimmed, empties dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The defaults, with the host-dependent values given. */
export function defaultSettings(host: { receiver: string }): PolicySettings {
  const skip = parseCidrList(DEFAULT_SKIP_ADDRESSES);
  if (!skip.ok) throw new Error('DEFAULT_SKIP_ADDRESSES does not parse');
  return {
    heloReject: 'Fail',
    mailFromReject: 'Fail',
    permErrorReject: false,
    tempErrorDefer: false,
    skipAddresses: skip.cidrs,
    whitelist: [],
    heloWhitelist: [],
    domainWhitelist: [],
    domainWhitelistPtr: [],
    headerType: 'SPF',
    authservId: host.receiver,
    receiver: host.receiver,
    hideReceiver: false,
    deadlineMs: 10_000,
    onFailure: 'DUNNO',
    whyUrl: '',
    lang: 'en',
  };
}
