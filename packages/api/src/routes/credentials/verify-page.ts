/**
 * The page every credential's `verifyUrl` opens. The credential travels in the URL fragment, which
 * browsers never send to the server, so it reaches no access log; the page posts it to
 * /v1/verify and shows the checks, in English and Chinese. Self-contained: no external assets; its script and stylesheet are
 * served from /verify/assets/ (no inline code), so the strict HTML policy of security-headers.ts applies unchanged.
 */
export const VERIFY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Verify a credential · 验证证书 — skillpass</title>
<link rel="stylesheet" href="/verify/assets/verify.css"></head><body>
<h1>Verify a credential <span lang="zh">验证证书</span></h1>
<p class="sub">Checks the signature, issuer, validity and revocation of a skillpass micro-credential.<br><span lang="zh">检查微证书的签名、颁发机构、有效期和撤销状态。</span></p>
<div id="result" aria-live="polite"></div>
<label for="jwt">Credential (compact JWS) <span lang="zh">证书（JWS）</span></label>
<textarea id="jwt" spellcheck="false" placeholder="eyJ..."></textarea>
<button id="go">Verify · 验证</button>
<script src="/verify/assets/verify.js" defer></script></body></html>`;

export const VERIFY_ASSETS = {
  'verify.css': {
    type: 'text/css; charset=utf-8',
    body: `body{font:16px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:760px;margin:0 auto;padding:1rem 1.5rem;color:#1d2330}
h1{font-size:1.5rem;margin-bottom:.2rem}.sub{color:#5b6578;margin-top:0}
textarea{width:100%;min-height:7rem;font:12px monospace;box-sizing:border-box}
button{font:inherit;padding:.45rem 1rem;margin-top:.5rem;cursor:pointer}
.verdict{font-size:1.25rem;font-weight:600;padding:.8rem 1rem;border-radius:6px;margin:1rem 0}
.ok{background:#e6f6ec;color:#13653a}.bad{background:#fdeaea;color:#9b1c1c}
table{border-collapse:collapse;width:100%}td{padding:.4rem .5rem;border-bottom:1px solid #e3e7ee;vertical-align:top}
.passed{color:#13653a}.failed{color:#9b1c1c}.not_applicable{color:#6b7485}
.cred{background:#f6f8fb;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
details pre{font-size:12px;overflow:auto;background:#f4f6fa;padding:.6rem}
`,
  },
  'verify.js': {
    type: 'text/javascript; charset=utf-8',
    body: `const NAMES = {
  format: ['Format and schema', '格式与结构'],
  signature: ['Signature', '签名'],
  keyResolution: ['Signing key', '签名密钥'],
  issuerTrusted: ['Issuer trusted and accredited', '颁发机构可信且已认证'],
  validityWindow: ['Validity period', '有效期'],
  status: ['Not revoked or suspended', '未被撤销或暂停'],
  euMandatoryElements: ['EU micro-credential elements', '欧盟微证书必备要素'],
};
const RESULT = { passed: ['passed', '通过'], failed: ['failed', '未通过'], not_applicable: ['not applicable', '不适用'] };
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
async function verify(input) {
  const out = document.getElementById('result');
  out.textContent = 'Verifying… 正在验证…';
  let report;
  try {
    const res = await fetch('/v1/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    report = await res.json();
    if (!res.ok && !report.checks) throw new Error(report.detail || res.statusText);
  } catch (e) {
    out.innerHTML = '<div class="verdict bad">Could not verify · 无法验证: ' + esc(e.message) + '</div>';
    return;
  }
  const c = report.credential || {};
  const subject = c.credentialSubject || {};
  const achievement = subject.achievement || {};
  let html = '<div class="verdict ' + (report.verified ? 'ok">✔ Valid credential · 证书有效' : 'bad">✘ Not valid · 证书无效') + '</div>';
  if (report.credential) {
    html += '<div class="cred"><strong>' + esc(achievement.name || c.name) + '</strong><br>Issuer 颁发机构: ' +
      esc((c.issuer && (c.issuer.name || c.issuer.id)) || c.issuer) + '<br>Valid 有效期: ' + esc(c.validFrom) +
      (c.validUntil ? ' – ' + esc(c.validUntil) : '') + '</div>';
  }
  html += '<table>';
  for (const [key, check] of Object.entries(report.checks || {})) {
    const name = NAMES[key] || [key, ''];
    const r = RESULT[check.result] || [check.result, ''];
    html += '<tr><td>' + esc(name[0]) + '<br><span lang="zh">' + esc(name[1]) + '</span></td><td class="' + esc(check.result) + '">' +
      esc(r[0]) + ' · ' + esc(r[1]) + '</td><td>' + esc(check.message) + '</td></tr>';
  }
  html += '</table>';
  if (report.credential) html += '<details><summary>Credential JSON</summary><pre>' + esc(JSON.stringify(report.credential, null, 2)) + '</pre></details>';
  out.innerHTML = html;
}
document.getElementById('go').addEventListener('click', () => verify({ jwt: document.getElementById('jwt').value.trim() }));
const fromFragment = decodeURIComponent(location.hash.slice(1));
if (fromFragment.startsWith('id=')) verify({ credentialId: fromFragment.slice(3) });
else if (fromFragment) { document.getElementById('jwt').value = fromFragment; verify({ jwt: fromFragment }); }
`,
  },
} as const;
