/** What every tab gets from the page, and what it gives back. */
import { ApiError } from './api.ts';
import { h } from './dom.ts';
import { type PageLang, pageText } from './i18n.ts';
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
