/**
 * A few lines of DOM building instead of a UI framework: the page is four forms and their
 * results, re-rendered whole on each answer, so a virtual DOM would buy nothing but bytes.
 */

export type Child = Node | string | number | false | null | undefined | readonly Child[];

type Attrs = Record<string, string | number | boolean | undefined | null | ((event: Event) => void)>;

/**
 * Creates an element. `on…` attributes become listeners; `true` sets a boolean attribute,
 * `false`/`undefined`/`null` leaves it out; children may be nested arrays, strings or nodes.
 *
 * @example
 * h('button', { type: 'button', onclick: () => go() }, 'Test')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, ''), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children (flattening arrays, skipping empties). */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(parent, child as readonly Child[]);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : (child as Node));
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Text from the library with record text marked by backticks (src/i18n/format.ts `code()`):
 * the marked parts become `<code>`, the backticks go.
 *
 * @example
 * richText('add `ip4:5.255.64.53` before `-all`') // ['add ', <code>ip4:5.255.64.53</code>, ' before ', <code>-all</code>]
 */
export function richText(text: string): Child[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? codeText(part) : part));
}

/** Longest record text kept on one line: 24 monospace characters fit any box of a 375 px screen. */
const TOKEN_MAX = 24;

/**
 * Record text in `<code>`. A short piece without spaces (`-all`, `ip4:5.255.64.53`) is a
 * `token` that never breaks (a browser may break after the `-` of `-all`); longer text may wrap.
 */
export function codeText(text: string): HTMLElement {
  const token = text.length <= TOKEN_MAX && !/\s/.test(text);
  return h('code', token ? { class: 'token' } : {}, text);
}

let nextId = 0;

/** A unique element id (labels point at inputs by id). */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * A labelled form field: `<label for>` + control + optional hint tied by aria-describedby.
 * Returns the wrapper; the control keeps the given id.
 */
export function field(label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: string): HTMLElement {
  const hintNode = hint === undefined ? undefined : h('small', { class: 'hint', id: `${control.id}-hint` }, hint);
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintNode);
}

/**
 * Copies text to the clipboard: the async Clipboard API where the page may use it, else a
 * hidden textarea and `execCommand('copy')` (older browsers, plain http on a LAN address).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea way
  }
  const area = h('textarea', { readonly: true, 'aria-hidden': 'true', class: 'offscreen' });
  area.value = text;
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
