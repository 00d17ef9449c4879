import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiDeps, AuthConfig, SkillCatalog, SkillDirectory } from '@skillpass/api';
import type { SkillGraph } from '@skillpass/matching';
import { getTaxonomy } from '@skillpass/taxonomy';
import {
  buildApiDeps,
  createLocalRuntime,
  fileMailer,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  type LocalRuntime,
  loadOrCreateDevIdentity,
} from '@skillpass/local';
import type { CredentialTemplate } from '@skillpass/domain';
import type { IssuerRepository, Table } from '@skillpass/store';
import { createLocalJWKSet } from 'jose';
import { inject } from 'vitest';

export const skillUri = (n: number): string =>
  `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const occupationUri = (n: number): string =>
  `http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Test catalog: the synthetic URIs skillUri(0..999) and occupationUri(0..99) exist, nothing else. */
export const testCatalog: SkillCatalog = {
  isKnownSkill: (uri) => /^http:\/\/data\.europa\.eu\/esco\/skill\/00000000-0000-4000-8000-000000000\d{3}$/.test(uri),
  isKnownOccupation: (uri) =>
    /^http:\/\/data\.europa\.eu\/esco\/occupation\/00000000-0000-4000-8000-0000000000\d{2}$/.test(uri),
};

/** Synthetic URIs are known (testCatalog); look-up and extraction are the real ESCO taxonomy's. */
export const testTaxonomy: SkillCatalog & SkillDirectory & SkillGraph = {
  ...testCatalog,
  labelOf: (uri, lang) => getTaxonomy().labelOf(uri, lang),
  occupationSkills: (uri) => getTaxonomy().occupationSkills(uri),
  relatedSkills: (uri) => getTaxonomy().relatedSkills(uri),
  searchSkills: (query) => getTaxonomy().searchSkills(query),
  searchOccupations: (query) => getTaxonomy().searchOccupations(query),
  suggestSkills: (text, options) => getTaxonomy().suggestSkills(text, options),
};

export { freshTable } from '@skillpass/store/testing';

/** An accredited issuer `school` signing with `signingKid`, and one template whose outcome is `skill`. */
export async function registerSchoolWithTemplate(
  issuers: IssuerRepository,
  signingKid: string,
  skill: string,
): Promise<CredentialTemplate> {
  await issuers.put(
    'school',
    {
      legalName: { en: 'Suzhou Vocational Institute' },
      kind: 'school',
      country: 'CN',
      region: 'Jiangsu',
      accreditation: [{ by: 'Jiangsu HRSS', scope: 'training', validUntil: '2030-12-31' }],
    },
    [signingKid],
  );
  return issuers.createTemplate('school', {
    title: { en: 'EV battery pack assembly' },
    description: 'Assemble battery packs.',
    learningOutcomes: [skill],
    workload: { hours: 40 },
    eqfLevel: 4,
    assessmentType: 'practical exam',
    participationForm: 'onsite',
    qualityAssurance: 'provincial audit',
  });
}

/** Every item of a table: tests only (to prove erasure and exactly-once), never a request path. */
export async function scanTable(table: Table): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(new ScanCommand({ TableName: table.name, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Everything createApp needs, over one table, for tests that build the app themselves. */
export function apiDepsFor(table: Table, auth: AuthConfig): ApiDeps {
  return buildApiDeps(table, {
    cursorSecret: 'cursor-secret-for-tests-0123456789',
    taxonomy: testTaxonomy,
    publicOrigin: 'http://localhost:3000',
    auth,
    keysDir: mkdtempSync(join(tmpdir(), 'skillpass-keys-')),
  });
}

export interface TestRuntime extends LocalRuntime {
  /** Where the runtime's file mailer writes (one JSON file per email). */
  mailboxDir: string;
  token(sub: string, ...roles: string[]): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: a response body is arbitrary JSON that assertions pick apart.
  ): Promise<{ status: number; headers: Headers; body: any }>;
}

export async function startTestRuntime(
  options: {
    dispatch?: boolean;
    taxonomy?: SkillCatalog & SkillDirectory & SkillGraph;
    /** The runtime's now (repositories and handlers); tokens are still minted and checked on the system clock. */
    clock?: () => Date;
    /** Where the platform's signing keys live (default: a fresh directory) and which one signs. */
    keysDir?: string;
    signingKeyId?: string;
    /** Another runtime's table, to restart over its data (default: a fresh table). */
    tableName?: string;
  } = {},
): Promise<TestRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'skillpass-test-'));
  const identity = await loadOrCreateDevIdentity(join(dir, 'idp.json'));
  const mailboxDir = join(dir, 'mailbox');
  const runtime = await createLocalRuntime({
    endpoint: inject('dynamoEndpoint'),
    tableName: options.tableName ?? `t-${randomUUID()}`,
    cursorSecret: 'test-cursor-secret-0123456789',
    taxonomy: options.taxonomy ?? testTaxonomy,
    publicOrigin: 'http://localhost:3000',
    auth: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: createLocalJWKSet(identity.publicJwks) },
    keysDir: options.keysDir ?? join(dir, 'keys'),
    ...(options.signingKeyId ? { signingKeyId: options.signingKeyId } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    dispatch: options.dispatch ?? false,
    mailer: fileMailer(mailboxDir),
  });
  return {
    ...runtime,
    mailboxDir,
    token: (sub, ...roles) => identity.mintToken({ sub, roles }),
    async call(method, path, { token, body, rawBody, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      const h = init.headers as Record<string, string>;
      if (token) h.Authorization = `Bearer ${token}`;
      if (body !== undefined || rawBody !== undefined) {
        init.body = rawBody ?? JSON.stringify(body);
        h['Content-Type'] ??= 'application/json';
        h['Content-Length'] ??= String(Buffer.byteLength(init.body as string));
      }
      const response = await runtime.app.request(path, init);
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
  };
}
