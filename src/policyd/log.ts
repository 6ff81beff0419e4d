/**
 * One log line per decision: client, identities, results, action, time. `mail` is the
 * key=value style of the mail log (as policyd-spf and Postfix write it, one line for syslog);
 * `json` is one JSON object per line.
 */
import type { PolicyDecision } from './decide.ts';

export type LogFormat = 'mail' | 'json';

/** A value in a key=value line: bare when it is one word, else JSON-quoted. */
function field(value: string): string {
  return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
}

/**
 * @example
 * formatDecisionLog(decision, 'mail')
 * // 'decision client=5.255.64.53 helo=smtp1.blueinkt.com sender=info@klant.nl helo_result=none mailfrom_result=fail verdict=reject reason=checked ms=3.1 action="550 5.7.23 …"'
 */
export function formatDecisionLog(decision: PolicyDecision, format: LogFormat): string {
  if (format === 'json') return JSON.stringify(decision);
  const parts = [`client=${field(decision.client || '-')}`, `helo=${field(decision.helo || '-')}`, `sender=${field(decision.sender || '<>')}`];
  if (decision.heloResult) parts.push(`helo_result=${decision.heloResult}`);
  if (decision.mailFromResult) parts.push(`mailfrom_result=${decision.mailFromResult}`);
  parts.push(`verdict=${decision.verdict}`, `reason=${decision.reason}`, `ms=${decision.ms.toFixed(1)}`, `action=${field(decision.action)}`);
  if (decision.error) parts.push(`error=${field(decision.error)}`);
  return `decision ${parts.join(' ')}`;
}
