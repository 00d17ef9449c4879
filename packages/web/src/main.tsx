import { render } from 'preact';
import { App } from './app.tsx';
import { loadCatalogue, locale } from './i18n.ts';
import { matchPath, startRouter } from './router.ts';
import { ROUTES } from './routes.ts';

// The page's own chunk and the language's catalogue are asked for now, while the shell renders, not after its first
// paint (when effects run): on a slow phone network that is a round trip sooner to the page's content. The app awaits
// the same imports.
ROUTES.find((candidate) => matchPath(candidate.pattern, location.pathname))
  ?.load()
  .catch(() => undefined);
loadCatalogue(locale.peek()).catch(() => undefined);
startRouter();
render(<App />, document.getElementById('app')!);
