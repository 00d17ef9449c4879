/**
 * A self-contained reference page rendered from /openapi.json in the browser: no CDN, so the docs work offline. Its
 * script and stylesheet are served from /docs/assets/ (no inline code), so the strict HTML policy of
 * security-headers.ts applies to it unchanged.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>skillpass API</title>
<link rel="stylesheet" href="/docs/assets/docs.css"></head><body>
<h1>skillpass API</h1><p id="desc"></p><p><a href="/openapi.json">openapi.json</a></p><div id="ops">Loading…</div>
<script src="/docs/assets/docs.js" defer></script></body></html>`;

export const DOCS_ASSETS = {
  'docs.css': {
    type: 'text/css; charset=utf-8',
    body: `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem 1.5rem;color:#1d2330}
h1{margin-bottom:.2rem}.op{border:1px solid #d8dde6;border-radius:6px;margin:.6rem 0}
summary{cursor:pointer;padding:.5rem .8rem;display:flex;gap:.8rem;align-items:baseline}
.m{font:600 12px monospace;text-transform:uppercase;padding:2px 6px;border-radius:4px;color:#fff;min-width:3.5rem;text-align:center}
.get{background:#2f6fdf}.post{background:#1d8a4e}.put{background:#b56b00}.patch{background:#7b4cc2}.delete{background:#c23b3b}
.p{font-family:monospace}.lock{color:#8a94a6;font-size:12px}.body{padding:0 .8rem .8rem}
pre{background:#f4f6fa;padding:.6rem;border-radius:4px;overflow:auto;font-size:12px;max-height:24rem}
h2{margin-top:1.6rem;border-bottom:1px solid #d8dde6}
`,
  },
  'docs.js': {
    type: 'text/javascript; charset=utf-8',
    body: `const esc = (s) => String(s).replace(/[&<>"]/g, (ch) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[ch]));
fetch('/openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('desc').textContent = doc.info.description || '';
  const byTag = {};
  for (const [path, item] of Object.entries(doc.paths || {})) for (const [method, op] of Object.entries(item)) {
    const tag = (op.tags && op.tags[0]) || 'Other';
    (byTag[tag] ||= []).push({ path, method, op });
  }
  const resolve = (schema) => JSON.stringify(schema, null, 2);
  let html = '';
  for (const [tag, ops] of Object.entries(byTag)) {
    html += '<h2>' + esc(tag) + '</h2>';
    for (const { path, method, op } of ops) {
      const body = op.requestBody && Object.values(op.requestBody.content || {})[0];
      html += '<details class="op"><summary><span class="m ' + method + '">' + method + '</span><span class="p">' + esc(path) +
        '</span><span>' + esc(op.summary || '') + '</span>' + (op.security && op.security.length ? '<span class="lock">🔒 bearer</span>' : '') + '</summary><div class="body">' +
        (op.description ? '<p>' + esc(op.description) + '</p>' : '') +
        (op.parameters ? '<h4>Parameters</h4><pre>' + esc(resolve(op.parameters)) + '</pre>' : '') +
        (body ? '<h4>Request body</h4><pre>' + esc(resolve(body.schema)) + '</pre>' : '') +
        '<h4>Responses</h4><pre>' + esc(resolve(op.responses)) + '</pre></div></details>';
    }
  }
  html += '<h2>Schemas</h2><pre>' + esc(resolve((doc.components || {}).schemas || {})) + '</pre>';
  document.getElementById('ops').innerHTML = html;
});
`,
  },
} as const;
