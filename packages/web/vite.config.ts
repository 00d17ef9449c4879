import { defineConfig } from 'vite';

/** The app is served by the API's origin (npm start, CloudFront): plain static files under dist/. */
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles anywhere: the Content-Security-Policy allows only files from this origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Read by bench:web to add up what each page loads first.
    manifest: true,
  },
  server: {
    proxy: {
      '^/(v1|auth|verify|credentials|\\.well-known|status-lists|keys|issuers|credential-templates|openapi\\.json|docs|health)':
        'http://localhost:3000',
    },
  },
});
