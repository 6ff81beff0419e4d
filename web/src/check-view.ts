/**
 * A check drawn for a person: the result big (colour + word + what it means), the reason
 * in words from the API, and the include tree as nested boxes — each record with its
 * domain, its text, the lookups it costs and the term that decided.
 */
import type { CheckResponse, TreeNode } from './api.ts';
import { type Child, codeText, h, richText } from './dom.ts';
import { type PlainKey, type PageLang, pageText } from './i18n.ts';
import type { SpfResult } from '../../src/spf/types.ts';
import type { TreeTerm } from '../../src/spf/tree.ts';
import { qualifierResult } from '../../src/spf/qualifier.ts';

/** RFC 7208 §4.6.4: the limit the page compares the lookup count with. */
const LOOKUP_LIMIT = 10;

const RESULT_MEANING: Record<SpfResult, PlainKey> = {
  pass: 'result.pass',
  fail: 'result.fail',
  softfail: 'result.softfail',
  neutral: 'result.neutral',
  none: 'result.none',
  temperror: 'result.temperror',
  permerror: 'result.permerror',
};

/** Colour classes: only pass is good (seed 000: softfail lands in spam). */
function tone(result: SpfResult): 'good' | 'bad' | 'warn' | 'plain' | 'error' {
  switch (result) {
    case 'pass':
      return 'good';
    case 'fail':
      return 'bad';
    case 'softfail':
      return 'warn';
    case 'neutral':
    case 'none':
      return 'plain';
    case 'temperror':
    case 'permerror':
      return 'error';
    default: {
      const never: never = result;
      throw new Error(`unhandled result ${String(never)}`);
    }
  }
}

/** The whole answer: result card, explanation, tree. */
export function checkView(answer: CheckResponse, lang: PageLang): HTMLElement {
  const { check, explanation } = answer;
  const matched = check.matched;
  return h(
    'article',
    { class: 'check', 'data-result': check.result, 'aria-labelledby': 'result-word' },
    h(
      'div',
      { class: `verdict tone-${tone(check.result)}` },
      h('p', { class: 'verdict-label' }, pageText(lang, 'result.heading')),
      h('p', { class: 'verdict-word', id: 'result-word' }, check.result),
      h('p', { class: 'verdict-meaning' }, pageText(lang, RESULT_MEANING[check.result])),
    ),
    h(
      'div',
      { class: 'explanation' },
      h('p', { class: 'headline' }, richText(explanation.headline)),
      h('p', { class: 'reason' }, richText(explanation.reason)),
      explanation.advice ? h('div', { class: 'advice' }, h('h3', {}, pageText(lang, 'result.advice')), h('p', {}, richText(explanation.advice))) : null,
      h(
        'p',
        { class: 'facts' },
        h('span', {}, pageText(lang, 'result.lookups', { count: check.lookups.terms, limit: LOOKUP_LIMIT })),
        matched ? h('span', {}, richText(pageText(lang, 'result.matched', { term: `\`${matched.text}\``, domain: matched.domain }))) : null,
      ),
    ),
    answer.tree ? treeView(answer.tree, lang) : null,
  );
}

/** The include tree, as nested boxes. */
export function treeView(root: TreeNode, lang: PageLang): HTMLElement {
  return h(
    'section',
    { class: 'tree', 'aria-labelledby': 'tree-heading' },
    h('h3', { id: 'tree-heading' }, pageText(lang, 'tree.heading')),
    h('p', { class: 'hint' }, pageText(lang, 'tree.caption')),
    legendView(lang),
    nodeView(root, lang, true),
  );
}

/** What the tree's colours and marks mean: an outline's colour is always an SPF result's colour. */
function legendView(lang: PageLang): HTMLElement {
  const swatch = (attrs: Record<string, string>, text: string): HTMLElement => h('li', {}, h('span', { class: 'swatch', 'aria-hidden': 'true', ...attrs }), ' ', text);
  return h(
    'div',
    { class: 'legend' },
    h('p', {}, pageText(lang, 'tree.legend.outline')),
    h(
      'ul',
      {},
      LEGEND_RESULTS.map((result) => swatch({ 'data-tone': tone(result) }, result)),
      swatch({ 'data-tone': 'error' }, pageText(lang, 'tree.legend.error')),
      swatch({ 'data-state': 'decided' }, pageText(lang, 'tree.legend.decided')),
      swatch({ 'data-state': 'no-match' }, pageText(lang, 'tree.legend.noMatch')),
      swatch({ 'data-state': 'skipped' }, pageText(lang, 'tree.legend.skipped')),
    ),
    h('p', {}, pageText(lang, 'tree.legend.badge')),
  );
}

/** The results a matching term can give (its qualifier: + - ~ ?), in the legend's order. */
const LEGEND_RESULTS: readonly SpfResult[] = ['pass', 'fail', 'softfail', 'neutral'];

/**
 * The result a matching term gives: its qualifier's (RFC 7208 §4.6.2; none means `+`), or for
 * a redirect the result of the record it points to (§6.1). A term that did not match gives none.
 */
function termResult(term: TreeTerm): SpfResult | undefined {
  if (term.outcome !== 'match') return undefined;
  if (term.kind === 'redirect') return term.child?.result;
  return qualifierResult(term.text);
}

/** Where each piece of a record starts (RFC 7208 §4.6.1: terms are separated by spaces). */
function recordPieces(record: string): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  for (const match of record.matchAll(/[^ ]+/g)) pieces.push({ text: match[0], start: match.index });
  return pieces;
}

function branchTotal(node: TreeNode): number {
  let total = node.lookups;
  for (const term of node.terms) if (term.child) total += branchTotal(term.child);
  return total;
}

/**
 * `onPath`: the node lies on the way to the decision — reached through terms that matched or
 * ended in an error (evaluation stops at those, so each record has at most one). A `-all`
 * inside an include that did not match decided only that include's own result.
 */
function nodeView(node: TreeNode, lang: PageLang, onPath: boolean): HTMLElement {
  const branch = branchTotal(node);
  const viaKey: PlainKey = node.via === 'root' ? 'tree.via.root' : node.via === 'include' ? 'tree.via.include' : 'tree.via.redirect';
  return h(
    'div',
    { class: 'node', 'data-domain': node.domain, role: 'group', 'aria-label': `${pageText(lang, viaKey)} ${node.domain}` },
    h(
      'div',
      { class: 'node-head' },
      h('span', { class: 'via' }, pageText(lang, viaKey)),
      h('strong', { class: 'domain' }, node.domain),
      node.result ? h('span', { class: `badge tone-${tone(node.result)}` }, node.result) : null,
      h('span', { class: 'cost' }, pageText(lang, 'tree.lookups', { count: node.lookups }), branch !== node.lookups ? ` · ${pageText(lang, 'tree.branch', { count: branch })}` : ''),
    ),
    node.record === undefined
      ? // A DNS failure is never "no record" (RFC 7208 §2.6.6 vs §4.5).
        h('p', { class: 'record missing' }, pageText(lang, node.result === 'temperror' ? 'tree.notFetched' : 'tree.noRecord'))
      : h('p', { class: 'record' }, node.source === 'override' ? h('span', { class: 'override' }, pageText(lang, 'tree.override')) : null, recordTerms(node, lang, onPath)),
  );
}

/**
 * The record's pieces in order: evaluated terms coloured by outcome (the deciding one marked),
 * includes and redirects opening their own box, terms after the decision greyed out.
 */
function recordTerms(node: TreeNode, lang: PageLang, onPath: boolean): HTMLElement {
  // The first piece is the version.
  const pieces = recordPieces(node.record ?? '');
  const byIndex = new Map<number, TreeTerm>();
  for (const term of node.terms) byIndex.set(term.index, term);
  // A record with a syntax error is not evaluated (RFC 7208 §4.6): mark the pieces the parser
  // found at fault, where the CLI puts its caret.
  const faults = node.cause?.code === 'syntax' ? node.cause.issues.map((issue) => issue.span.start) : [];
  const items: Child[] = [];
  pieces.forEach(({ text: piece, start }, i) => {
    if (i === 0 && /^v=spf1$/i.test(piece)) {
      items.push(h('li', { class: 'term version' }, codeText(piece)));
      return;
    }
    if (faults.some((at) => at >= start && at < start + piece.length)) {
      items.push(h('li', { class: 'term error syntax', 'data-term': piece }, codeText(piece), h('span', { class: 'mark' }, pageText(lang, 'tree.syntax'))));
      return;
    }
    const term = byIndex.get(i - (/^v=spf1$/i.test(pieces[0]?.text ?? '') ? 1 : 0));
    if (!term || term.text !== piece) {
      items.push(h('li', { class: 'term skipped', title: pageText(lang, 'tree.notReached') }, codeText(piece)));
      return;
    }
    const decisive = onPath && term.outcome !== 'no-match';
    const leaf = decisive && !term.child?.terms.some((t) => t.outcome !== 'no-match');
    const result = termResult(term);
    const mark = !leaf ? undefined : term.outcome === 'match' ? pageText(lang, 'tree.matched') : pageText(lang, 'tree.error');
    items.push(
      h(
        'li',
        { class: `term ${term.outcome}${leaf ? ' decided' : ''}`, 'data-term': term.text, 'data-tone': result ? tone(result) : undefined },
        codeText(term.text),
        term.counted ? h('span', { class: 'term-cost', title: pageText(lang, 'tree.lookups', { count: 1 }), 'aria-label': pageText(lang, 'tree.lookups', { count: 1 }) }, '1') : null,
        mark ? h('span', { class: 'mark' }, mark) : null,
        term.child ? nodeView(term.child, lang, decisive) : null,
      ),
    );
  });
  return h('ol', { class: 'terms' }, items);
}
