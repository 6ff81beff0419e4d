/**
 * Bulk checking: a sending service's customer list, each customer's situation for the
 * service (seed 004), streamed with bounded concurrency into a JSON Lines or CSV report.
 *
 * @example
 * import { bulkCheckFile } from './bulk/index.ts';
 * const summary = await bulkCheckFile({ input: 'customers.csv', out: 'report.csv', mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'], resolver });
 */
export { BulkSenderError, SITUATIONS, checkCustomers, senderProblems } from './check.ts';
export type { BulkProgress, BulkRunOptions, BulkSender, CheckCustomersOptions, ReportRow, SituationKind } from './check.ts';
export { CsvHeaderError, VALUE_COLUMNS, readCustomerRows, splitCsvLine, splitLines } from './csv.ts';
export type { Row, RowProblem, SplitResult } from './csv.ts';
export { BulkFileError, bulkCheckFile } from './file.ts';
export type { BulkFileOptions, BulkSummary } from './file.ts';
export { mapConcurrent } from './pool.ts';
export { reasonText } from './reasons.ts';
export type { InputProblem, InputProblemCode, RowReason } from './reasons.ts';
export { REPORT_COLUMNS, csvHeader, formatReportRow, reportFormat, reportedLines } from './report.ts';
export type { ReportFormat } from './report.ts';
