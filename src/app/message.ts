/**
 * The "check a received message" use case (issue 13.3), shared by `spfkit message` and
 * `POST /api/message` (and the test inbox): the size limit, `evaluateMessage`, and the verdict
 * in words (en/nl) from the evaluation's data.
 */
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/catalog.ts';
import type { DkimVerification } from '../dkim/verify.ts';
import { evaluateMessage, type MessageClient, type MessageDeps, type MessageEvaluation } from '../verdict/message.ts';

/** The largest message checked: 25 MiB (bigger than most receivers accept, RFC 5321 leaves it open). */
export const MESSAGE_SIZE_LIMIT = 25 * 1024 * 1024;

export type MessageCheck = { ok: true; evaluation: MessageEvaluation } | { ok: false; code: 'too-large'; bytes: number; limit: number } | { ok: false; code: 'empty' };

/**
 * Checks a raw message within the size limit.
 *
 * @example
 * const check = await checkMessage(raw, { ip: '192.0.2.1' }, { resolver, now: Date.now() });
 * if (check.ok) console.log(check.evaluation.authenticationResults);
 */
export async function checkMessage(raw: Uint8Array, client: MessageClient, deps: MessageDeps, limit = MESSAGE_SIZE_LIMIT): Promise<MessageCheck> {
  if (raw.byteLength > limit) return { ok: false, code: 'too-large', bytes: raw.byteLength, limit };
  if (raw.byteLength === 0) return { ok: false, code: 'empty' };
  return { ok: true, evaluation: await evaluateMessage(raw, client, deps) };
}

/** Why a check was refused, in words. */
export function describeRefusal(check: Exclude<MessageCheck, { ok: true }>, lang: Lang): string {
  return check.code === 'too-large' ? t(lang, 'message.too-large', { bytes: check.bytes, limit: check.limit }) : t(lang, 'message.empty');
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** The cause of one signature's result in words, with the suspects of a signature mismatch. */
export function describeDkimCause(v: DkimVerification, lang: Lang): string[] {
  const cause = v.cause;
  switch (cause.code) {
    case 'verified':
      return [t(lang, 'message.dkim.cause.verified')];
    case 'body-hash-mismatch': {
      const change = cause.change;
      switch (change.kind) {
        case 'appended':
          return [t(lang, 'message.dkim.cause.body-appended', { bytes: change.octets, text: JSON.stringify(change.preview.slice(0, 60)) })];
        case 'truncated':
          return [t(lang, 'message.dkim.cause.body-truncated', { length: change.signedLength, bytes: change.bodyLength })];
        case 'whitespace':
          return [t(lang, 'message.dkim.cause.body-whitespace')];
        case 'changed':
          return [t(lang, change.reencodable ? 'message.dkim.cause.body-reencoded' : 'message.dkim.cause.body-changed')];
        default: {
          const never: never = change;
          throw new Error(`unhandled change ${String(never)}`);
        }
      }
    }
    case 'signature-mismatch':
      return [t(lang, 'message.dkim.cause.signature-mismatch'), ...cause.suspects.map((s) => t(lang, s.kind === 'added' ? 'message.dkim.suspect.added' : 'message.dkim.suspect.absent', { name: s.name }))];
    case 'sha1-not-accepted':
      return [t(lang, 'message.dkim.cause.sha1-not-accepted')];
    case 'key-too-short':
      return [t(lang, 'message.dkim.cause.key-too-short', { bits: cause.bits })];
    case 'expired':
      return [t(lang, 'message.dkim.cause.expired', { when: isoSeconds(cause.expiration) })];
    case 'signed-in-future':
      return [t(lang, 'message.dkim.cause.signed-in-future', { when: isoSeconds(cause.timestamp) })];
    case 'not-checked':
      return [t(lang, 'message.dkim.cause.not-checked', { limit: cause.limit })];
    case 'key-unavailable':
      return [t(lang, 'message.dkim.cause.key-unavailable', { name: cause.name })];
    case 'malformed-signature': {
      const p = cause.problem;
      const detail = 'tag' in p ? ` ${p.tag}=` : 'value' in p ? ` ${p.value}` : '';
      return [t(lang, 'message.dkim.cause.malformed-signature', { code: p.code, detail })];
    }
    case 'no-key':
      return [t(lang, 'message.dkim.cause.no-key', { name: cause.name })];
    case 'key-revoked':
      return [t(lang, 'message.dkim.cause.key-revoked', { name: cause.name })];
    case 'key-unusable':
      return [t(lang, 'message.dkim.cause.key-unusable', { name: cause.name, text: cause.issues.join(', ') })];
    case 'key-type-mismatch':
      return [t(lang, 'message.dkim.cause.key-type-mismatch', { tag: cause.keyType, value: cause.algorithm })];
    case 'key-hash-not-allowed':
      return [t(lang, 'message.dkim.cause.key-hash-not-allowed', { tag: cause.allowed.join(':'), value: cause.algorithm })];
    case 'identity-not-allowed':
      return [t(lang, 'message.dkim.cause.identity-not-allowed', { domain: cause.identityDomain })];
    case 'no-from':
      return [t(lang, 'message.dkim.cause.no-from')];
    default: {
      const never: never = cause;
      throw new Error(`unhandled cause ${String(never)}`);
    }
  }
}

/**
 * The whole verdict as lines of text (CLI output; the page renders the same data itself).
 *
 * @example
 * io.stdout(describeMessage(evaluation, 'nl').join('\n') + '\n');
 */
export function describeMessage(evaluation: MessageEvaluation, lang: Lang): string[] {
  const lines: string[] = [];
  for (const issue of evaluation.message.issues) {
    lines.push(issue.code === 'bad-header-line' ? t(lang, 'message.issue.bad-header-line', { count: issue.line }) : t(lang, `message.issue.${issue.code}`));
  }
  if (evaluation.dkim.length === 0) lines.push(t(lang, 'message.dkim.none'));
  for (const v of evaluation.dkim) {
    lines.push(t(lang, 'message.dkim.heading', { domain: v.domain ?? '?', selector: v.selector ?? '?', what: [v.result, v.algorithm].filter(Boolean).join(', ') }));
    for (const line of describeDkimCause(v, lang)) lines.push(`  ${line}`);
    if (v.keyCname !== undefined && v.keyName !== undefined) lines.push(`  ${t(lang, 'message.dkim.cname', { name: v.keyName, target: v.keyCname })}`);
    if (v.testing === true) lines.push(`  ${t(lang, 'message.dkim.testing')}`);
  }
  const spf = evaluation.spf;
  if (spf.kind === 'checked') {
    lines.push(t(lang, 'message.spf.checked', { outcome: spf.check.result, ip: spf.ip, identity: spf.check.identity === 'mfrom' ? `MAIL FROM ${spf.check.sender}` : `HELO ${spf.check.domain}` }));
    if (spf.source === 'trace-headers') lines.push(`  ${t(lang, 'message.spf.trace')}`);
  } else if (spf.reason === 'no-ip') {
    lines.push(t(lang, 'message.spf.no-ip'));
  } else {
    lines.push(t(lang, 'message.spf.bad-input', { text: spf.issues.map((issue) => issue.field).join(', ') }));
  }
  const dmarc = evaluation.dmarc;
  if (dmarc.kind === 'evaluated') {
    const o = dmarc.outcome;
    lines.push(t(lang, 'message.dmarc.evaluated', { outcome: o.result, domain: dmarc.fromDomain, policy: o.policy === undefined ? '-' : `${o.policy.tag}=${o.policy.effective}` }));
    lines.push(`  ${o.passedBy.length > 0 ? t(lang, 'message.dmarc.aligned-by', { what: o.passedBy.join(', ') }) : t(lang, 'message.dmarc.none-aligned')}`);
  } else {
    lines.push(t(lang, `message.dmarc.${dmarc.reason}`));
  }
  if (evaluation.untrusted.length > 0) {
    lines.push(t(lang, 'message.untrusted', { count: evaluation.untrusted.length }));
    for (const u of evaluation.untrusted) lines.push(`  ${u.name}: ${u.value}`);
  }
  lines.push(t(lang, 'message.our-header'));
  lines.push(`  Authentication-Results: ${evaluation.authenticationResults.replace(/\r\n\t/g, '\n    ')}`);
  return lines;
}
