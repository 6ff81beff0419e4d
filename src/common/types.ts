/**
 * Types every protocol folder shares: where something is in a text, how much it matters.
 * They live here, below src/spf, src/dkim, src/dmarc and src/audit, so none of those imports
 * another for them.
 */

/**
 * A half-open range `[start, end)` of UTF-16 code-unit offsets into the parsed text.
 *
 * @example
 * const span: Span = { start: 0, end: 6 }; // 'v=spf1' in 'v=spf1 -all'
 */
export interface Span {
  start: number;
  end: number;
}

/**
 * How much an issue or finding matters. `error`: the record breaks a rule of its RFC.
 * `warning`: legal but risky or ignored. `info`: worth knowing (audit findings only).
 *
 * @example
 * const worst: Severity = 'error';
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A record's own parse issue is an error or a warning, never only `info`.
 *
 * @example
 * const s: IssueSeverity = 'warning';
 */
export type IssueSeverity = Exclude<Severity, 'info'>;

/**
 * `Omit` applied to each member of a union (issue data before severity and message are added).
 *
 * @example
 * type Data = DistributiveOmit<DkimIssue, 'severity'>;
 */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
