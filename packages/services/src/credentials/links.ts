/**
 * The URLs this platform writes into credentials and links. Each one is served by a public route,
 * so a verifier can follow it; the routes and these builders must agree.
 */
/** The id the platform signs its own documents (status lists) under: no registered issuer may take it. */
export const PLATFORM_ISSUER_ID = 'platform';
/** Issuer ids that name the platform or its routes; an issuer id is the token's sub, so these subs cannot register. */
export const RESERVED_ISSUER_IDS: readonly string[] = [PLATFORM_ISSUER_ID, 'skillpass', 'admin', 'me'];
export const issuerUrl = (origin: string, issuerId: string) => `${origin}/issuers/${encodeURIComponent(issuerId)}`;
export const templateUrl = (origin: string, templateId: string) =>
  `${origin}/credential-templates/${encodeURIComponent(templateId)}`;
export const credentialUrl = (origin: string, credentialId: string) => `${origin}/credentials/${credentialId}`;
export const statusListUrl = (origin: string, listId: string) => `${origin}/status-lists/${listId}`;
export const keyUrl = (origin: string, keyId: string) => `${origin}/keys/${keyId}`;
/** The credential travels in the fragment, which browsers never send to servers. */
export const verifyUrl = (origin: string, jwt: string) => `${origin}/verify#${jwt}`;
/** The short form: names a credential issued here by its unguessable id. */
export const verifyByIdUrl = (origin: string, credentialId: string) => `${origin}/verify#id=${credentialId}`;
