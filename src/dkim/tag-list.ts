/**
 * Moved to src/common/tag-list.ts (DMARC uses it too). This re-export keeps code written
 * against the old path compiling; import from '../common/tag-list.ts'.
 */
export * from '../common/tag-list.ts';
