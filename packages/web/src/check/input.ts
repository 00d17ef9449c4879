/** What a verifier brought: a signed credential (compact JWS) or the number printed on a certificate. */
export type CredentialInput = { kind: 'jwt'; jwt: string } | { kind: 'number'; number: string };

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const NUMBER = /^[A-Za-z0-9_-]{1,64}$/;

/** A verify link's fragment: `#id=<number>` or `#<jws>` (both the API's /verify and this app's /check). */
export function fromFragment(fragment: string): CredentialInput | null {
  const value = safeDecode(fragment.replace(/^#/, '')).trim();
  if (!value) return null;
  if (value.startsWith('id=')) return numberInput(value.slice(3));
  return { kind: 'jwt', jwt: value };
}

/** Anything pasted, uploaded or scanned: a link, a JWS, {"jwt": …} JSON, or a credential number. */
export function parseCredentialText(text: string): CredentialInput | null {
  const value = text.trim();
  if (!value) return null;
  if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      const number = url.searchParams.get('id') ?? url.searchParams.get('number');
      if (url.hash) return fromFragment(url.hash);
      if (number) return numberInput(number);
    } catch {
      return null;
    }
    return null;
  }
  if (value.startsWith('{') || value.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') return parseCredentialText(parsed);
      const record = (parsed ?? {}) as Record<string, unknown>;
      const jwt = record.jwt ?? record.id;
      if (typeof jwt === 'string' && jwt.startsWith('data:application/vc+jwt,'))
        return { kind: 'jwt', jwt: jwt.slice('data:application/vc+jwt,'.length) };
      if (typeof record.jwt === 'string') return { kind: 'jwt', jwt: record.jwt };
    } catch {
      return { kind: 'jwt', jwt: value };
    }
    return { kind: 'jwt', jwt: value };
  }
  if (JWS.test(value)) return { kind: 'jwt', jwt: value };
  return numberInput(value) ?? { kind: 'jwt', jwt: value };
}

function numberInput(value: string): CredentialInput | null {
  const number = value.trim();
  return NUMBER.test(number) ? { kind: 'number', number } : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
