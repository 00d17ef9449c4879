/**
 * The holder's name as signed into a credential (its vc+jwt payload's `credentialSubject.name`): the list shows whom
 * a credential was issued to without another request. Undefined when the credential names nobody.
 */
export function holderNameOf(jwt: string): string | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { credentialSubject?: { name?: unknown } };
    const name = claims.credentialSubject?.name;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}
