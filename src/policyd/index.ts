/** The receiving side: the Postfix policy service's protocol, decision engine and header formatters. */
export { RequestReader, formatRequest, formatResponse, MAX_REQUEST_BYTES, type PolicyRequest, type ReaderEvent, type RequestProblem } from './protocol.ts';
export { receivedSpfHeader, authResultsHeader, type ReceivedSpfOptions, type AuthResultsOptions } from './headers.ts';
export { decidePolicy, newConnectionState, type ConnectionState, type PolicyContext, type PolicyDecision } from './decide.ts';
export { defaultSettings, parseCidrList, splitList, DEFAULT_SKIP_ADDRESSES, REJECT_LEVELS, type HeaderType, type PolicySettings, type RejectLevel } from './settings.ts';
export { formatDecisionLog, type LogFormat } from './log.ts';
