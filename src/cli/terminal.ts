/**
 * How the CLI shows text on a terminal: ANSI colour only when stdout is a terminal and the
 * user did not switch it off, and the catalogue's code markup (src/i18n/format.ts `code()`:
 * record text between backticks, which the web page shows as `<code>`) as coloured or plain
 * text instead of literal backticks.
 */
import type { CliIo } from './io.ts';

/** ANSI SGR colours, used only when colour is on. */
export type Colour = 'red' | 'yellow' | 'green' | 'cyan' | 'magenta' | 'bold' | 'dim';
const SGR: Readonly<Record<Colour, string>> = { red: '31', yellow: '33', green: '32', cyan: '36', magenta: '35', bold: '1', dim: '2' };

/** Colours a piece of text, or returns it unchanged when colour is off. */
export type Paint = (colour: Colour, text: string) => string;

/** No colour: text as it is (pipes, files, NO_COLOR, --no-color). */
export const PLAIN: Paint = (_colour, text) => text;

/**
 * The paint for a command's stdout: colour on a terminal, unless `NO_COLOR` is set to
 * anything but "" (https://no-color.org) or the command's `--no-color` was given.
 *
 * @example
 * const paint = terminalPaint(io, values['no-color']);
 */
export function terminalPaint(io: CliIo, noColorFlag = false): Paint {
  const noColorEnv = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  if (!io.isTty || noColorFlag || noColorEnv) return PLAIN;
  return (colour, text) => `\u001b[${SGR[colour]}m${text}\u001b[0m`;
}

/** How code spans are shown: cyan on a colour terminal. */
const CODE_COLOUR: Colour = 'cyan';

/**
 * A message with its code spans shown for a terminal: the backticks go, the text between
 * them is painted (cyan with colour, plain without). As in Markdown, a span opens with a run
 * of backticks and closes with the next run of the same length on the same line; a run
 * without its partner stays as written, so a stray backtick is never lost.
 *
 * @example
 * codeSpans('add `ip4:5.255.64.53` before `-all`', PLAIN) // 'add ip4:5.255.64.53 before -all'
 * codeSpans('a lone ` stays', PLAIN)                      // 'a lone ` stays'
 */
export function codeSpans(text: string, paint: Paint): string {
  if (!text.includes('`')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    if (open === -1) break;
    let runEnd = open;
    while (text[runEnd] === '`') runEnd++;
    const fence = runEnd - open;
    const close = closingRun(text, runEnd, fence);
    if (close === -1) {
      out += text.slice(i, runEnd);
      i = runEnd;
      continue;
    }
    out += text.slice(i, open) + paint(CODE_COLOUR, text.slice(runEnd, close));
    i = close + fence;
  }
  return out + text.slice(i);
}

/** Where the next run of exactly `fence` backticks starts on the same line, or -1. */
function closingRun(text: string, from: number, fence: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c !== '`') {
      i++;
      continue;
    }
    let end = i;
    while (text[end] === '`') end++;
    if (end - i === fence) return i;
    i = end;
  }
  return -1;
}
