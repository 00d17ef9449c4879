import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateLocalSigner } from '@skillpass/credentials';
import { CredentialService } from '@skillpass/services';
import { createRepositories, CursorCodec } from '@skillpass/store';
import { describe, expect, it } from 'vitest';
import { freshTable, registerSchoolWithTemplate } from './harness.ts';

const ORIGIN = 'https://skillpass.example';
const SKILL = 'http://data.europa.eu/esco/skill/84cc8c9d-db57-42ec-8948-9b632bf06124';

describe('status lists', () => {
  it('move on to a new list when random picks keep colliding, and each credential keeps its own list', async () => {
    const table = await freshTable();
    const cursors = new CursorCodec('rollover-test-cursor-secret');
    const repositories = createRepositories(table, cursors);
    const { credentials } = repositories;
    const signer = loadOrCreateLocalSigner(mkdtempSync(join(tmpdir(), 'rollover-')), {
      alg: 'ES256',
      keyId: 'k1',
      kidBaseUrl: `${ORIGIN}/keys`,
    });
    // Every pick lands on index 0: the second issuance finds l1 "full" after its picks collide.
    const service = new CredentialService({
      ...repositories,
      signer,
      publishedKeys: async () => [signer.publicJwk],
      origin: ORIGIN,
      skillLabel: () => 'battery chemistry',
      random: () => 0,
    });
    const template = await registerSchoolWithTemplate(repositories.issuers, signer.kid, SKILL);
    const issue = (n: number) =>
      service.issue(
        'school',
        { templateId: template.templateId, holder: { subjectId: `urn:learner:${n}`, email: `l${n}@example.com` } },
        `cred-${n}`,
      );

    expect(await credentials.isStatusListInUse('l2')).toBe(false);
    const first = await issue(1);
    const second = await issue(2);
    const third = await issue(3);
    const lists = await Promise.all(['cred-1', 'cred-2', 'cred-3'].map(async (id) => (await credentials.get(id))!));
    expect(lists.map((c) => [c.statusListId, c.statusListIndex])).toEqual([
      ['l1', 0],
      ['l2', 0],
      ['l3', 0],
    ]);
    expect(await credentials.currentStatusList()).toBe('l3');
    expect(await Promise.all(['l1', 'l3', 'l4', 'x1'].map((id) => credentials.isStatusListInUse(id)))).toEqual([
      true,
      true,
      false,
      false,
    ]);

    // Revoking the second sets its bit in l2 only: the first and third, at the same index in other lists, stay valid.
    await service.changeStatus('school', 'cred-2', 'revoke');
    const reports = await Promise.all([first, second, third].map((issued) => service.verify(issued.credential.jwt)));
    expect(reports.map((r) => r.checks.status.result)).toEqual(['passed', 'failed', 'passed']);
    expect(reports.map((r) => r.verified)).toEqual([true, false, true]);
  });
});
