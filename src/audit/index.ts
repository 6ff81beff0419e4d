/**
 * The domain audit: SPF (with the lookup tree), DKIM, DMARC and MX findings in words, a
 * verdict per area and a grade. DNS only through the caller's resolver.
 *
 * @example
 * import { auditDomain } from './audit/index.ts';
 * const result = await auditDomain('example.com', { resolver, lang: 'nl' });
 * for (const finding of result.findings) console.log(finding.severity, finding.id, finding.message);
 */
export { auditDomain, AuditInputError } from './audit.ts';
export { FINDINGS, FINDING_IDS, type FindingId, type SeverityOf } from './findings.ts';
export { AREA_WEIGHTS, VERDICT_POINTS, areaVerdict, gradeAudit } from './grade.ts';
export { MAX_DEPTH, MAX_NODES, lookupTreeEvidence, spfLookupTree, type SpfLookupKind, type SpfLookupTerm, type SpfNode, type SpfStop } from './spf-tree.ts';
export {
  AUDIT_AREAS,
  type AreaResult,
  type AuditArea,
  type AuditOptions,
  type AuditResult,
  type Evidence,
  type EvidenceValue,
  type Finding,
  type Grade,
  type Severity,
  type Verdict,
} from './types.ts';
