import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCHEDULE_POLICY, type Schedule, effectiveSchedule, jitterFraction, nextDue, parseSchedule } from './schedule.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function schedule(text: string): Schedule {
  const parsed = parseSchedule(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.issue.code}`);
  return parsed.schedule;
}

const at = (iso: string): Date => new Date(iso);

describe('parseSchedule', () => {
  const accepted: Array<[string, string, number?]> = [
    ['daily', 'interval', DAY],
    ['Hourly', 'interval', HOUR],
    ['weekly', 'interval', 7 * DAY],
    ['every 6h', 'interval', 6 * HOUR],
    ['every 90m', 'interval', 90 * 60_000],
    ['every 2d', 'interval', 2 * DAY],
    ['every 5m', 'interval', 5 * 60_000],
    ['0 3 * * *', 'cron'],
    ['30 2 * * 1-5', 'cron'],
    ['0 0 */6 * * *', 'cron'],
  ];
  for (const [text, kind, ms] of accepted) {
    it(`accepts ${text}`, () => {
      const parsed = parseSchedule(text);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(parsed.schedule.kind, kind);
      if (ms !== undefined && parsed.schedule.kind === 'interval') assert.equal(parsed.schedule.ms, ms);
    });
  }
  const refused: Array<[string, string]> = [
    ['', 'schedule-empty'],
    ['   ', 'schedule-empty'],
    ['every 1m', 'schedule-too-often'],
    ['* * * * *', 'schedule-too-often'],
    ['*/10 * * * * *', 'schedule-too-often'],
    ['twice a day', 'schedule-invalid'],
    ['61 * * * *', 'schedule-invalid'],
    ['every 6 weeks', 'schedule-invalid'],
    ['0 0 30 2 *', 'schedule-never'],
  ];
  for (const [text, code] of refused) {
    it(`refuses "${text}" as ${code}`, () => {
      const parsed = parseSchedule(text);
      assert.ok(!parsed.ok);
      assert.equal(parsed.issue.code, code);
    });
  }
});

describe('effectiveSchedule', () => {
  const groups = { 'reseller-x': '0 3 * * *' };
  it("takes the group's schedule for a member on the default, the domain's own otherwise", () => {
    assert.equal(effectiveSchedule({ schedule: 'daily', group: 'reseller-x' }, groups), '0 3 * * *');
    assert.equal(effectiveSchedule({ schedule: 'every 6h', group: 'reseller-x' }, groups), 'every 6h');
    assert.equal(effectiveSchedule({ schedule: 'daily', group: 'other' }, groups), 'daily');
    assert.equal(effectiveSchedule({ schedule: 'daily' }, groups), 'daily');
  });
});

describe('jitter', () => {
  it('is the same for a name every time, and differs between names', () => {
    assert.equal(jitterFraction('klant.nl'), jitterFraction('klant.nl'));
    assert.notEqual(jitterFraction('klant.nl'), jitterFraction('klant2.nl'));
    for (const name of ['a.nl', 'klant.nl', 'x'.repeat(200)]) {
      const f = jitterFraction(name);
      assert.ok(f >= 0 && f < 1);
    }
  });

  it('spreads 100 000 daily domains over the day: no minute holds more than twice its share', () => {
    const daily = schedule('daily');
    const last = { at: at('2026-03-01T00:00:00.000Z'), failed: false };
    const perMinute = new Map<number, number>();
    for (let i = 0; i < 100_000; i++) {
      const due = nextDue({ domain: `klant${i}.nl`, schedule: daily, addedAt: last.at, last });
      assert.ok(due);
      const minute = Math.floor(due.getTime() / 60_000);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    const share = 100_000 / (24 * 60);
    assert.ok(perMinute.size >= 24 * 60 - 1, `${perMinute.size} minutes used`);
    assert.ok(Math.max(...perMinute.values()) < 2 * share, `busiest minute: ${Math.max(...perMinute.values())}, share ${share.toFixed(1)}`);
  });

  it("spreads 100 000 domains imported at once over the first hour, and one cron firing's over the hour after it", () => {
    const added = at('2026-03-01T10:00:00.000Z');
    const cron = schedule('0 3 * * *');
    const firstMinutes = new Map<number, number>();
    const cronMinutes = new Map<number, number>();
    for (let i = 0; i < 100_000; i++) {
      const domain = `klant${i}.nl`;
      const first = nextDue({ domain, schedule: cron, addedAt: added });
      assert.ok(first && first.getTime() >= added.getTime() && first.getTime() < added.getTime() + HOUR);
      firstMinutes.set(Math.floor(first.getTime() / 60_000), (firstMinutes.get(Math.floor(first.getTime() / 60_000)) ?? 0) + 1);
      const next = nextDue({ domain, schedule: cron, addedAt: added, last: { at: first, failed: false } });
      assert.ok(next && next.getTime() >= at('2026-03-02T03:00:00.000Z').getTime() && next.getTime() < at('2026-03-02T04:00:00.000Z').getTime(), next?.toISOString());
      cronMinutes.set(Math.floor(next.getTime() / 60_000), (cronMinutes.get(Math.floor(next.getTime() / 60_000)) ?? 0) + 1);
    }
    for (const minutes of [firstMinutes, cronMinutes]) {
      assert.equal(minutes.size, 60);
      assert.ok(Math.max(...minutes.values()) < 2 * (100_000 / 60));
    }
  });
});

describe('nextDue', () => {
  const domain = 'klant.nl';
  const offset = Math.floor(jitterFraction(domain) * DAY);
  const added = at('2026-03-01T00:00:00.000Z');

  it("puts an interval domain on its own slot, at least half an interval after the last check", () => {
    const daily = schedule('daily');
    for (const checked of ['2026-03-01T00:00:00.000Z', '2026-03-01T07:13:00.000Z', '2026-03-01T23:59:00.000Z']) {
      const last = at(checked);
      const due = nextDue({ domain, schedule: daily, addedAt: added, last: { at: last, failed: false } });
      assert.ok(due);
      assert.equal((due.getTime() - offset) % DAY, 0, 'on the slot');
      assert.ok(due.getTime() >= last.getTime() + DAY / 2 && due.getTime() < last.getTime() + 1.5 * DAY, due.toISOString());
    }
  });

  it('is never sooner than the smallest TTL of the answers the last check used', () => {
    const hourly = schedule('every 5m');
    const last = at('2026-03-01T12:00:00.000Z');
    const without = nextDue({ domain, schedule: hourly, addedAt: added, last: { at: last, failed: false } });
    assert.ok(without && without.getTime() < last.getTime() + 600_000);
    const withTtl = nextDue({ domain, schedule: hourly, addedAt: added, last: { at: last, failed: false, minTtl: 3600 } });
    assert.equal(withTtl?.toISOString(), '2026-03-01T13:00:00.000Z');
    // A TTL shorter than the interval changes nothing.
    assert.deepEqual(nextDue({ domain, schedule: schedule('daily'), addedAt: added, last: { at: last, failed: false, minTtl: 60 } }), nextDue({ domain, schedule: schedule('daily'), addedAt: added, last: { at: last, failed: false } }));
  });

  it('retries a failed check within the retry time, not a day later', () => {
    const last = at('2026-03-01T12:00:00.000Z');
    const due = nextDue({ domain, schedule: schedule('daily'), addedAt: added, last: { at: last, failed: true } });
    assert.ok(due);
    const wait = due.getTime() - last.getTime();
    assert.ok(wait >= DEFAULT_SCHEDULE_POLICY.retryMs / 2 && wait <= DEFAULT_SCHEDULE_POLICY.retryMs, String(wait));
    const sooner = nextDue({ domain, schedule: schedule('daily'), addedAt: added, last: { at: last, failed: true } }, { ...DEFAULT_SCHEDULE_POLICY, retryMs: 10 * 60_000 });
    assert.ok(sooner && sooner.getTime() - last.getTime() <= 10 * 60_000);
  });

  it('a cron schedule fires after the last check, spread over the gap to the next firing when that is shorter than the spread', () => {
    const every10 = schedule('*/10 * * * *');
    const last = at('2026-03-01T12:03:00.000Z');
    const due = nextDue({ domain, schedule: every10, addedAt: added, last: { at: last, failed: false } });
    assert.ok(due && due.getTime() >= at('2026-03-01T12:10:00.000Z').getTime() && due.getTime() < at('2026-03-01T12:20:00.000Z').getTime(), due?.toISOString());
  });

  it('a new domain is first due within the first-check spread after it was added', () => {
    const due = nextDue({ domain, schedule: schedule('weekly'), addedAt: added });
    assert.ok(due && due.getTime() >= added.getTime() && due.getTime() < added.getTime() + DEFAULT_SCHEDULE_POLICY.firstCheckSpreadMs);
  });
});
