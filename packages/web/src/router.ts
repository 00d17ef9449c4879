import { signal } from '@preact/signals';

/**
 * The app's location: path, query and fragment, updated by navigate() and the browser's back/forward.
 * `visit` counts visits: following a link to the page one is on is a new visit, so the page is built
 * (and its data read) afresh, as a server-rendered site would; a `replace` keeps the visit.
 */
export const route = signal(readLocation(0));

function readLocation(visit: number) {
  if (typeof location === 'undefined') return { path: '/', query: new URLSearchParams(), hash: '', visit };
  return { path: location.pathname, query: new URLSearchParams(location.search), hash: location.hash.slice(1), visit };
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  route.value = readLocation(route.peek().visit + (options.replace ? 0 : 1));
  window.scrollTo(0, 0);
}

/** In-app links: a plain <a href> whose clicks stay in the page (new tabs and downloads behave as usual). */
export function startRouter(): void {
  window.addEventListener('popstate', () => {
    route.value = readLocation(route.peek().visit + 1);
  });
  document.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
    if (!anchor.dataset.app) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search + anchor.hash);
  });
}

/** `/jobs/:id` against `/jobs/42` → { id: '42' }; null when the path does not fit. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[i]!);
    else if (part !== got[i]) return null;
  }
  return params;
}
