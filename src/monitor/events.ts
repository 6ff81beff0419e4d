/**
 * Changes between checks, as events. Each part of a check is compared with the latest
 * earlier check in which that part was known: a DNS failure leaves the part unknown, so it
 * raises no "removed" or "changed" event, and once DNS answers again the comparison goes on
 * from what was last seen. Two DNS failures in a row raise `could-not-check-repeated`, once
 * per run of failures.
 */
import { diffLines, diffRecords } from '../record/publish.ts';
import { MAX_RECORD_BYTES } from '../record/split.ts';
import { RFC_LIMITS } from '../spf/types.ts';
import { dnsFailed } from './check.ts';
import type { CheckSnapshot, DkimSnapshot, MonitorEvent } from './types.ts';

/** Stronger policies rank higher (RFC 7489 §6.3 `p=`). */
const POLICY_RANK = { none: 0, quarantine: 1, reject: 2 } as const;

/** The published SPF record a check saw, '' for none, undefined when DNS did not answer. */
function spfText(check: CheckSnapshot): string | undefined {
  switch (check.spf.status) {
    case 'dns-error':
      return undefined;
    case 'none':
      return '';
    case 'record':
    case 'multiple':
      return check.spf.records.join('\n');
    default: {
      const never: never = check.spf.status;
      throw new Error(`unhandled status ${String(never)}`);
    }
  }
}

/** `+ term` / `- term` lines from one record text to another ('' = no record). */
function termDiff(before: string, after: string): string[] {
  if (after === '') return diffLines(diffRecords(undefined, before).map((c) => ({ ...c, op: 'removed' as const })));
  return diffLines(diffRecords(before === '' ? undefined : before, after));
}

const nullable = (text: string | undefined): string | null => (text === undefined || text === '' ? null : text);

/**
 * The events `current` raises against the checks before it (`history`, newest first).
 *
 * @example
 * const history = await store.recentChecks('klant.nl', HISTORY_DEPTH);
 * const events = compareChecks(check, history);
 * events.map((e) => e.kind); // ['record-changed', 'situation-changed']
 */
export function compareChecks(current: CheckSnapshot, history: readonly CheckSnapshot[]): MonitorEvent[] {
  const domain = current.domain;
  const events: MonitorEvent[] = [];
  const push = (event: Omit<MonitorEvent, 'domain'>): void => void events.push({ domain, ...event });

  // Two DNS failures in a row, counted once: this one and the one before, but not the one before that.
  if (dnsFailed(current) && history[0] !== undefined && dnsFailed(history[0]) && !(history[1] !== undefined && dnsFailed(history[1]))) {
    push({ kind: 'could-not-check-repeated', subject: '', before: history[0].checkedAt, after: current.checkedAt });
  }

  const now = spfText(current);
  const lastSpf = history.find((c) => spfText(c) !== undefined);
  if (now !== undefined && lastSpf !== undefined) {
    const then = spfText(lastSpf) ?? '';
    if (then !== now) push({ kind: 'record-changed', subject: '', before: nullable(then), after: nullable(now), diff: termDiff(then, now) });
    const before = lastSpf.spf.lookups;
    const after = current.spf.lookups;
    const limit = RFC_LIMITS.dnsTerms;
    if (before !== undefined && after !== undefined) {
      if (after === limit && before < limit) push({ kind: 'lookups-at-limit', subject: '', before, after });
      if (after > limit && before <= limit) push({ kind: 'lookups-over-limit', subject: '', before, after });
    }
    const bytesBefore = lastSpf.spf.bytes;
    const bytesAfter = current.spf.bytes;
    if (bytesBefore !== undefined && bytesAfter !== undefined && bytesAfter > MAX_RECORD_BYTES && bytesBefore <= MAX_RECORD_BYTES) {
      push({ kind: 'record-too-long', subject: '', before: bytesBefore, after: bytesAfter });
    }
  }

  if (!dnsFailed(current)) {
    const last = history.find((c) => !dnsFailed(c));
    if (last !== undefined && last.situation !== current.situation) {
      const alarm = last.situation === 'authorised' && current.situation === 'not-authorised' ? 'open' : last.situation === 'not-authorised' && current.situation === 'authorised' ? 'close' : undefined;
      push({ kind: 'situation-changed', subject: '', before: last.situation, after: current.situation, ...(alarm ? { alarm } : {}) });
    }
  }

  if (current.dmarc.status !== 'unavailable') {
    const last = history.find((c) => c.dmarc.status !== 'unavailable');
    const before = last?.dmarc;
    if (before?.status === 'found' && current.dmarc.status !== 'found') {
      push({ kind: 'dmarc-removed', subject: '', before: before.record ?? null, after: current.dmarc.record ?? null });
    } else if (before?.policy !== undefined && current.dmarc.policy !== undefined && POLICY_RANK[current.dmarc.policy] < POLICY_RANK[before.policy]) {
      push({ kind: 'dmarc-weakened', subject: '', before: before.policy, after: current.dmarc.policy });
    }
  }

  for (const now of current.dkim) {
    if (now.status === 'unavailable') continue;
    const before = lastKnown(history, (c) => c.dkim.find((d) => d.selector === now.selector && d.status !== 'unavailable'));
    if (before === undefined) continue;
    dkimEvents(before, now, push);
  }

  for (const now of current.providers) {
    if (now.status === 'dns-error') continue;
    const before = lastKnown(history, (c) => c.providers.find((p) => p.domain === now.domain && p.status !== 'dns-error'));
    if (before === undefined || (before.record ?? '') === (now.record ?? '')) continue;
    push({
      kind: 'provider-record-changed',
      subject: now.domain,
      before: { record: before.record ?? null, lookups: before.lookups ?? null },
      after: { record: now.record ?? null, lookups: now.lookups ?? null },
      diff: termDiff(before.record ?? '', now.record ?? ''),
    });
  }
  return events;
}

/** The first value `pick` finds, newest check first. */
function lastKnown<T>(history: readonly CheckSnapshot[], pick: (check: CheckSnapshot) => T | undefined): T | undefined {
  for (const check of history) {
    const found = pick(check);
    if (found !== undefined) return found;
  }
  return undefined;
}

function dkimEvents(before: DkimSnapshot, now: DkimSnapshot, push: (event: Omit<MonitorEvent, 'domain'>) => void): void {
  const subject = now.selector;
  if (before.cname !== undefined && now.cname !== before.cname) {
    // The provider's key is reached through the CNAME: without it the selector is the customer's to fill.
    push({ kind: 'dkim-cname-removed', subject, before: before.cname, after: now.cname ?? null });
    return;
  }
  if (before.status === 'key' && now.status === 'revoked') push({ kind: 'dkim-key-revoked', subject, before: before.status, after: now.status });
  else if (before.status === 'key' && now.status === 'missing') push({ kind: 'dkim-key-removed', subject, before: before.status, after: now.status });
}

/** How many earlier checks a comparison looks back over for the last known state of each part. */
export const HISTORY_DEPTH = 20;
