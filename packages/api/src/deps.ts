import type { SkillGraph } from '@skillpass/matching';
import type { SkillSuggestions } from '@skillpass/taxonomy';
import type { CredentialBatchQueue, CredentialService, WalletPickupService } from '@skillpass/services';
import type { CursorCodec, Repositories } from '@skillpass/store';
import type { Env } from 'hono';
import type { JWK } from 'jose';
import type { AuthConfig } from './auth.ts';
import type { DocumentedHono, RouteSpec } from './routing.ts';
import type { SignInConfig } from './sign-in.ts';

/**
 * The API's contracts: what every route module may depend on. Kept apart from `app.ts` so route
 * modules import their dependencies without importing the app that registers them.
 */

/** What the API must know about ESCO: which concept URIs exist. */
export interface SkillCatalog {
  isKnownSkill(uri: string): boolean;
  isKnownOccupation(uri: string): boolean;
}

type ConceptHit = { uri: string; preferredLabel: string; label: string; matchedLabel: string; type?: string };

/** ESCO look-up and extraction. */
export interface SkillDirectory {
  labelOf(uri: string, lang?: 'en' | 'zh'): string | undefined;
  occupationSkills(uri: string): { essential: string[]; optional: string[] };
  searchSkills(query: { q: string; lang: 'en' | 'zh'; limit: number }): ConceptHit[];
  searchOccupations(query: { q: string; lang: 'en' | 'zh'; limit: number }): ConceptHit[];
  /** Skills named in the text (spans), and per sentence the ranked candidates a person confirms from. */
  suggestSkills(text: string, options: { lang?: 'en' | 'zh' }): SkillSuggestions;
}

/** The taxonomy package in production; anything with this shape in tests. */
export type Taxonomy = SkillCatalog & SkillDirectory & SkillGraph;

export interface ApiDeps extends Repositories {
  auth: AuthConfig;
  taxonomy: Taxonomy;
  credentialService: CredentialService;
  /** OID4VCI: graduates' wallets pick their credentials up. */
  walletPickupService: WalletPickupService;
  batchQueue: CredentialBatchQueue;
  /** The platform's current signing key id, and every public key verifiers may need. */
  signingKid: string;
  publishedKeys: () => Promise<JWK[]>;
  cursors: CursorCodec;
  /** The time every handler uses; tests move it. */
  clock: () => Date;
  /**
   * The OpenAPI document of the routes the app registers. Built from them in-process locally; a
   * Lambda reads the copy written at build time, which keeps zod's JSON Schema code out of the bundle.
   */
  openApiDocument: (routes: readonly RouteSpec[]) => Promise<object>;
  /** How the web app signs people in (`GET /auth/config`); read when asked, so a misconfigured stack fails there only. */
  signIn: () => SignInConfig;
  /** Origin the API is reached at, for links in responses. */
  publicOrigin: string;
  maxBodyBytes?: number;
}

/** The services the credential and wallet routes use: what a Lambda imports only when such a route is first asked. */
export type ApiServices = Pick<ApiDeps, 'credentialService' | 'walletPickupService' | 'batchQueue'>;

/** Everything but the services: what a route module that does not use them needs (typed so, it loads without them). */
export type CoreApiDeps = Omit<ApiDeps, keyof ApiServices>;

/** What the operations routes (`/health`, the OpenAPI document, `/docs`) use: all a Lambda's cold start builds. */
export type ShellApiDeps = Pick<CoreApiDeps, 'health' | 'openApiDocument' | 'publicOrigin' | 'maxBodyBytes'>;

/**
 * The shell now, the core and the services on first need: how the Lambda composes the API (createApp takes either).
 * Each loader makes its value once and shares it; a failed load is tried again by the next request.
 */
export interface LazyApiDeps extends ShellApiDeps {
  loadCore: () => Promise<CoreApiDeps>;
  loadServices: () => Promise<ApiServices>;
}

/** The app route modules register their documented routes on. */
export type ApiApp = DocumentedHono<Env>;
