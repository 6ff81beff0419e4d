/**
 * The spfkit page: a header with the language switch, four tabs (Test, Why?, Audit, Add a
 * sender) reached by hash addresses, and one panel at a time. Plain DOM, no framework.
 */
import { h, replace } from './dom.ts';
import { type PageLang, PAGE_LANGS, initialLang, isPageLang, pageText } from './i18n.ts';
import { type Route, type TabId, TABS, basePath, parseRoute, routeHash } from './route.ts';
import { AuditTab } from './tab-audit.ts';
import { CustomersTab } from './tab-customers.ts';
import { OnboardTab } from './tab-onboard.ts';
import { TestTab } from './tab-test.ts';
import { WhyTab } from './tab-why.ts';
import { VerdictTab } from './tab-verdict.ts';
import type { PageContext, Tab } from './tab.ts';


const LANG_KEY = 'spfkit.lang';
/** Each language's name in itself, so a reader finds theirs whatever the page is in. */
const LANG_NAMES: Record<PageLang, string> = { en: 'English', nl: 'Nederlands' };

function savedLang(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

class Page implements PageContext {
  lang: PageLang;
  private route: Route;
  private readonly tabs: Record<TabId, Tab> = { test: new TestTab(), why: new WhyTab(), audit: new AuditTab(), onboard: new OnboardTab(), verdict: new VerdictTab(), customers: new CustomersTab() };
  private readonly main = h('main', { id: 'main', tabindex: -1 });
  private readonly nav = h('nav', { class: 'tabs' });
  private readonly langSwitch = h('div', { class: 'lang', role: 'group' });
  private readonly title = h('h1', {});
  private readonly tagline = h('p', { class: 'tagline' });
  private readonly footer = h('footer', {});
  private readonly skip = h('a', { class: 'skip', href: '#main' });

  constructor(root: HTMLElement) {
    this.route = parseRoute(location);
    // A link may name its language (`#why?…&lang=nl`); else the saved choice or the browser's.
    const linked = this.route.params.lang;
    this.lang = isPageLang(linked) ? linked : initialLang(savedLang(), navigator.languages ?? [navigator.language]);
    this.skip.addEventListener('click', (event) => {
      event.preventDefault();
      this.main.focus();
    });
    replace(root, this.skip, h('header', {}, h('div', { class: 'brand' }, this.title, this.tagline), this.langSwitch), this.nav, this.main, this.footer);
    window.addEventListener('hashchange', () => this.show(parseRoute(location), false));
    this.renderChrome();
    this.show(this.route, true);
  }

  go(tab: TabId, params: Record<string, string> = {}, options: { replace?: boolean } = {}): void {
    const hash = routeHash(tab, params);
    const url = `${basePath(location.pathname)}${hash}`;
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    if (tab !== this.route.tab) this.show({ tab, params }, false);
    else this.route = { tab, params };
  }

  private setLang(lang: PageLang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
    // A link that named its language now names the chosen one, so a reload keeps it.
    if (this.route.params.lang !== undefined) this.go(this.route.tab, { ...this.route.params, lang }, { replace: true });
    this.renderChrome();
    replace(this.main, this.tabs[this.route.tab].render(this));
    this.langSwitch.querySelector<HTMLButtonElement>(`button[data-lang="${lang}"]`)?.focus();
  }

  /** Header, tab bar and footer in the current language. */
  private renderChrome(): void {
    const lang = this.lang;
    document.documentElement.lang = lang;
    document.title = pageText(lang, 'app.title');
    this.title.textContent = 'spfkit';
    this.tagline.textContent = pageText(lang, 'app.tagline');
    this.skip.textContent = pageText(lang, 'app.skip');
    this.langSwitch.setAttribute('aria-label', pageText(lang, 'app.lang'));
    replace(
      this.langSwitch,
      PAGE_LANGS.map((l) => {
        const button = h('button', { type: 'button', 'data-lang': l, lang: l, 'aria-pressed': String(l === lang) }, LANG_NAMES[l]);
        button.addEventListener('click', () => this.setLang(l));
        return button;
      }),
    );
    this.nav.setAttribute('aria-label', pageText(lang, 'app.tabs'));
    replace(
      this.nav,
      h(
        'ul',
        {},
        TABS.map((id) =>
          h('li', {}, h('a', { href: routeHash(id), id: `tab-${id}`, 'aria-current': id === this.route.tab ? 'page' : undefined }, pageText(lang, `tab.${id}`))),
        ),
      ),
    );
    this.footer.textContent = pageText(lang, 'footer');
    this.currentTabInView();
  }

  /** A phone shows part of the tab row (it scrolls sideways): scroll it so the current tab shows. */
  private currentTabInView(): void {
    const row = this.nav.querySelector('ul');
    const tab = this.nav.querySelector('a[aria-current="page"]');
    if (!row || !tab) return;
    const box = row.getBoundingClientRect();
    const at = tab.getBoundingClientRect();
    if (at.left < box.left) row.scrollLeft -= box.left - at.left;
    else if (at.right > box.right) row.scrollLeft += at.right - box.right;
  }

  /** Opens a route: the tab takes the parameters first, then its panel is drawn from them. */
  private show(route: Route, first: boolean): void {
    const tabChanged = route.tab !== this.route.tab;
    const changed = first || tabChanged || Object.keys(route.params).length > 0;
    this.route = route;
    const tab = this.tabs[route.tab];
    tab.enter(route.params, this);
    if (!changed) return;
    for (const link of this.nav.querySelectorAll('a')) {
      if (link.id === `tab-${route.tab}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    this.currentTabInView();
    replace(this.main, tab.render(this));
    if (tabChanged && !first) this.main.focus({ preventScroll: true });
  }
}

const root = document.getElementById('app');
if (root) new Page(root);
