/**
 * The URLs this platform writes into credentials and links. Each one is served by a public route,
 * so a verifier can follow it; the routes and these builders must agree.
 */
export const issuerUrl = (origin: string, issuerId: string) => `${origin}/issuers/${encodeURIComponent(issuerId)}`;
export const templateUrl = (origin: string, templateId: string) => `${origin}/credential-templates/${encodeURIComponent(templateId)}`;
export const credentialUrl = (origin: string, credentialId: string) => `${origin}/credentials/${credentialId}`;
export const statusListUrl = (origin: string, listId: string) => `${origin}/status-lists/${listId}`;
export const keyUrl = (origin: string, keyId: string) => `${origin}/keys/${keyId}`;
/** The credential travels in the fragment, which browsers never send to servers. */
export const verifyUrl = (origin: string, jwt: string) => `${origin}/verify#${jwt}`;
/** The short form: names a credential issued here by its unguessable id. */
export const verifyByIdUrl = (origin: string, credentialId: string) => `${origin}/verify#id=${credentialId}`;
