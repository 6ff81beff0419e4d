/** What every tab gets from the page, and what it gives back. */
import { ApiError } from './api.ts';
import { type Child, h, replace } from './dom.ts';
import { type PageLang, type PlainKey, pageText } from './i18n.ts';
import type { TabId } from './route.ts';

export interface PageContext {
  readonly lang: PageLang;
  /** Shows a tab; `params` go into the address (shareable). `replace` keeps history short. */
  go(tab: TabId, params?: Record<string, string>, options?: { replace?: boolean }): void;
}

export interface Tab {
  readonly id: TabId;
  /** The tab's panel, built for the current language (called again when it changes). */
  render(ctx: PageContext): HTMLElement;
  /** The address was opened or changed to this tab with these parameters. */
  enter(params: Record<string, string>, ctx: PageContext): void;
}

/** An error box in words, for a failed API call. */
export function errorView(error: unknown, lang: PageLang): HTMLElement {
  let text: string;
  if (error instanceof ApiError) {
    text = error.status === 0 ? pageText(lang, 'error.network') : `${pageText(lang, 'error.http', { status: error.status })} ${error.message}`;
  } else {
    text = error instanceof Error ? error.message : String(error);
  }
  return h('p', { class: 'error', role: 'alert' }, text);
}

/** A "working…" line. */
export function busyView(text: string): HTMLElement {
  return h('p', { class: 'busy' }, text);
}

/** Where a tab's request stands. */
type Outcome<Done> = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; done: Done } | { kind: 'error'; error: unknown };

/** How a tab shows its own states; idle, busy and error look alike in every tab. */
export interface ResultViews<Done> {
  /** The "working…" words. */
  readonly busy: PlainKey;
  /** The answer. */
  done(done: Done, lang: PageLang): Child;
  /** What shows before any request (nothing unless given). */
  idle?(lang: PageLang): Child;
}

/**
 * A tab's result box: runs its requests, keeps only the latest one's answer, and draws the
 * outcome in the page's current language.
 */
export class ResultArea<Done> {
  private outcome: Outcome<Done> = { kind: 'idle' };
  private out: HTMLElement | undefined;
  private generation = 0;

  constructor(
    private readonly lang: () => PageLang,
    private readonly views: ResultViews<Done>,
  ) {}

  /** The answer shown, if any. */
  get done(): Done | undefined {
    return this.outcome.kind === 'done' ? this.outcome.done : undefined;
  }

  /** A new result box for a freshly rendered panel, showing the current outcome. */
  element(): HTMLElement {
    this.out = h('div', { class: 'out', 'aria-live': 'polite', 'aria-busy': 'false' });
    this.draw();
    return this.out;
  }

  /** Shows an error without asking anything (e.g. a required field is empty). */
  fail(error: unknown): void {
    this.outcome = { kind: 'error', error };
    this.draw();
  }

  /** Asks; a later `run` wins over this one's answer or error. */
  async run(ask: () => Promise<Done>): Promise<void> {
    const generation = ++this.generation;
    this.outcome = { kind: 'busy' };
    this.draw();
    try {
      const done = await ask();
      if (generation === this.generation) this.outcome = { kind: 'done', done };
    } catch (error) {
      if (generation === this.generation) this.outcome = { kind: 'error', error };
    }
    if (generation === this.generation) this.draw();
  }

  private draw(): void {
    const out = this.out;
    if (!out) return;
    const lang = this.lang();
    const outcome = this.outcome;
    out.setAttribute('aria-busy', String(outcome.kind === 'busy'));
    switch (outcome.kind) {
      case 'idle':
        replace(out, this.views.idle?.(lang));
        return;
      case 'busy':
        replace(out, busyView(pageText(lang, this.views.busy)));
        return;
      case 'error':
        replace(out, errorView(outcome.error, lang));
        return;
      case 'done':
        replace(out, this.views.done(outcome.done, lang));
        return;
      default: {
        const never: never = outcome;
        throw new Error(`unhandled outcome ${String(never)}`);
      }
    }
  }
}
