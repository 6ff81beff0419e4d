/**
 * Character classes of the RFC 7208 ABNF as one lookup table, so the parser tests a
 * character with one load instead of a chain of comparisons.
 */
export const ALPHA = 1;
export const DIGIT = 2;
/** name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ) — the characters after the first. */
export const NAME = 4;
/** macro-literal = %x21-24 / %x26-7E */
export const MACRO_LITERAL = 8;
/** Letters, digits and "-": toplabel characters. */
export const LDH = 16;

export const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0x21; c <= 0x7e; c++) if (c !== 0x25) table[c] = (table[c] ?? 0) | MACRO_LITERAL;
  for (let c = 0x30; c <= 0x39; c++) table[c] = (table[c] ?? 0) | DIGIT | NAME | LDH;
  for (let c = 0x41; c <= 0x5a; c++) {
    table[c] = (table[c] ?? 0) | ALPHA | NAME | LDH;
    table[c + 0x20] = (table[c + 0x20] ?? 0) | ALPHA | NAME | LDH;
  }
  for (const c of [0x2d, 0x5f, 0x2e]) table[c] = (table[c] ?? 0) | NAME;
  table[0x2d] = (table[0x2d] ?? 0) | LDH;
  return table;
})();

/** True when character code `c` is in `cls` (codes ≥ 128 are in no class). */
export function isClass(c: number, cls: number): boolean {
  return c < 128 && ((CHAR_CLASS[c] as number) & cls) !== 0;
}
