import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLAIN, type Paint, codeSpans, terminalPaint } from './terminal.ts';

const MARK: Paint = (colour, text) => `<${colour}>${text}</>`;

describe('codeSpans', () => {
  const cases: Array<[string, string]> = [
    ['no markup', 'no markup'],
    ['add `ip4:5.255.64.53` before `-all`', 'add <cyan>ip4:5.255.64.53</> before <cyan>-all</>'],
    ['`v=spf1 include:spf.byte.nl ~all` (1 of 10)', '<cyan>v=spf1 include:spf.byte.nl ~all</> (1 of 10)'],
    ['a lone ` stays', 'a lone ` stays'],
    ['``a`b`` in a longer fence', '<cyan>a`b</> in a longer fence'],
    ['`open\nclose` across lines stays', '`open\nclose` across lines stays'],
    ['`a` and a stray `', '<cyan>a</> and a stray `'],
    ['``', '``'],
  ];
  for (const [text, shown] of cases) it(JSON.stringify(text), () => assert.equal(codeSpans(text, MARK), shown));

  it('without colour the backticks just go', () => {
    assert.equal(codeSpans('ends with `~all`.', PLAIN), 'ends with ~all.');
  });
});

describe('terminalPaint', () => {
  const io = (isTty: boolean, env: Record<string, string> = {}) => ({ stdout: () => {}, stderr: () => {}, isTty, env });
  it('colours only a terminal, and not with NO_COLOR or --no-color', () => {
    assert.equal(terminalPaint(io(true))('cyan', 'x'), '\u001b[36mx\u001b[0m');
    assert.equal(terminalPaint(io(false))('cyan', 'x'), 'x');
    assert.equal(terminalPaint(io(true, { NO_COLOR: '1' }))('cyan', 'x'), 'x');
    assert.equal(terminalPaint(io(true, { NO_COLOR: '' }))('cyan', 'x'), '\u001b[36mx\u001b[0m');
    assert.equal(terminalPaint(io(true), true)('cyan', 'x'), 'x');
  });
});
