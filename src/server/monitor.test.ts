import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { schedulerEnabled } from './monitor.ts';

describe('schedulerEnabled', () => {
  it('is on by default and with 1/true/on; off with 0/false/off or --no-scheduler', () => {
    for (const value of [undefined, '', '1', 'true', 'ON']) assert.equal(schedulerEnabled({ SPFKIT_SCHEDULER: value }, []), true, String(value));
    for (const value of ['0', 'false', 'Off']) assert.equal(schedulerEnabled({ SPFKIT_SCHEDULER: value }, []), false, value);
    assert.equal(schedulerEnabled({}, ['--no-scheduler']), false);
  });
  it('refuses anything else, naming the variable', () => {
    assert.throws(() => schedulerEnabled({ SPFKIT_SCHEDULER: 'maybe' }, []), /SPFKIT_SCHEDULER must be 1\/true\/on or 0\/false\/off, got "maybe"/);
  });
});
