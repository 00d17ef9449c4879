import { entities, getLiveItem, itemOf, putItems } from '@skillpass/store';
import { getTaxonomy } from '@skillpass/taxonomy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchoolWithTemplate, startTestRuntime, type TestRuntime } from './harness.ts';

const taxonomy = getTaxonomy();
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const NURSE = 'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50';
const welderSkills = taxonomy.occupationSkills(WELDER);
const nurseSkills = taxonomy.occupationSkills(NURSE);

let rt: TestRuntime;
let employer: string;
let rival: string;
const jobIds: Record<string, string> = {};

const jobFor = (title: string, essential: string[], optional: string[], cityCode: string) => ({
  title: { en: title },
  description: title,
  requiredSkills: [
    ...essential.map((uri) => ({ uri, importance: 'essential', minProficiency: 2 })),
    ...optional.map((uri) => ({ uri, importance: 'optional', minProficiency: 1 })),
  ],
  place: { kind: 'delta', cityCode },
  closingDate: '2999-01-01',
});

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true, taxonomy });
  employer = await rt.token('emp-match', 'employer');
  rival = await rt.token('emp-rival', 'employer');
  const post = async (key: string, body: unknown) => {
    const res = await rt.call('POST', '/v1/jobs', { token: employer, body });
    expect(res.status).toBe(201);
    jobIds[key] = res.body.id;
  };
  await post(
    'welderSuzhou',
    jobFor('Welder Suzhou', welderSkills.essential.slice(0, 5), welderSkills.optional.slice(0, 2), '320500'),
  );
  await post('welderHefei', jobFor('Welder Hefei', welderSkills.essential.slice(1, 6), [], '340100'));
  await post('nurse', jobFor('Nurse Suzhou', nurseSkills.essential.slice(0, 5), [], '320500'));
  await rt.dispatcher!.drain();
});
afterAll(async () => rt.close());

describe('matching through the pipeline', () => {
  it("ranks the graduate's occupation first, explaining matched and missing skills, and follows profile changes", async () => {
    const graduate = await rt.token('grad-welder', 'graduate');
    const put = await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: {
        displayName: 'Wang Fang',
        contactEmail: 'wang@example.com',
        skills: welderSkills.essential.slice(0, 4).map((uri) => ({ uri, proficiency: 3 })),
        preferredPlaces: [
          { kind: 'delta', cityCode: '320500' },
          { kind: 'delta', cityCode: '340100' },
        ],
        consents: { discoverable: true },
      },
    });
    expect(put.status).toBe(201);
    await rt.dispatcher!.drain();
    const matches = await rt.call('GET', '/v1/profiles/me/matches', { token: graduate });
    expect(matches.status).toBe(200);
    expect(matches.body.mode).toBe('personalised');
    const titles = matches.body.items.map((m: { job: { title: { en: string } } }) => m.job.title.en);
    expect(titles.slice(0, 2).sort()).toEqual(['Welder Hefei', 'Welder Suzhou']);
    const top = matches.body.items.find((m: { job: { jobId: string } }) => m.job.jobId === jobIds.welderSuzhou);
    expect(top.explanation.matchedEssential).toHaveLength(4);
    expect(top.explanation.missingEssential).toEqual([welderSkills.essential[4]]);
    expect(top.summary).toContain('Has 4 of 5 essential skills');
    expect(top.summary).toContain(taxonomy.labelOf(welderSkills.essential[4]!)!);
    // The same reading in Chinese, with Chinese skill names where the taxonomy has them.
    const inChinese = await rt.call('GET', '/v1/profiles/me/matches?lang=zh', { token: graduate });
    const topZh = inChinese.body.items.find((m: { job: { jobId: string } }) => m.job.jobId === jobIds.welderSuzhou);
    expect(topZh.summary).toMatch(/^具备 4\/5 项必备技能/);
    expect(topZh.summary).toContain(`缺少：${taxonomy.labelOf(welderSkills.essential[4]!, 'zh')}`);
    expect(topZh.summary).toMatch(/。$/);
    expect(top.computedFrom.profileVersion).toBe(1);

    // Adding the missing skill is reflected at once: a stale stored list is never served.
    const patched = await rt.call('PATCH', '/v1/profiles/me', {
      token: graduate,
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: { skills: welderSkills.essential.slice(0, 5).map((uri) => ({ uri, proficiency: 3 })) },
    });
    expect(patched.status).toBe(200);
    const after = await rt.call('GET', '/v1/profiles/me/matches', { token: graduate });
    const updated = after.body.items.find((m: { job: { jobId: string } }) => m.job.jobId === jobIds.welderSuzhou);
    expect(updated.computedFrom.profileVersion).toBe(2);
    expect(updated.explanation.missingEssential).toEqual([]);
    expect(updated.score).toBeGreaterThan(top.score);
  });

  it('shows discoverable graduates only to the owning employer', async () => {
    const hidden = await rt.token('grad-hidden', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: hidden,
      body: {
        displayName: 'Hidden',
        contactEmail: 'hidden@example.com',
        skills: welderSkills.essential.slice(0, 5).map((uri) => ({ uri, proficiency: 4 })),
        preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
      },
    });
    await rt.dispatcher!.drain();
    const candidates = await rt.call('GET', `/v1/jobs/${jobIds.welderSuzhou}/candidates`, { token: employer });
    expect(candidates.status).toBe(200);
    const ids = candidates.body.items.map((c: { graduateId: string }) => c.graduateId);
    expect(ids).toContain('grad-welder');
    expect(ids).not.toContain('grad-hidden');
    expect(candidates.body.items[0].summary).toMatch(/essential skills/);
    expect(JSON.stringify(candidates.body)).not.toContain('wang@example.com');
    expect((await rt.call('GET', `/v1/jobs/${jobIds.welderSuzhou}/candidates`, { token: rival })).status).toBe(403);
  });

  it('lists the skills missing for an occupation most in demand in my places first, with the credentials that teach them', async () => {
    // Hangzhou (Zhejiang) is nobody else's place in this file: the demand counted there is only these two jobs'.
    const [cutting, joinMetals] = [welderSkills.essential[5]!, welderSkills.essential[6]!];
    // By name `cutting technologies` comes before `join metals`: only demand can put `join metals` first.
    expect(taxonomy.labelOf(cutting)!.localeCompare(taxonomy.labelOf(joinMetals)!)).toBeLessThan(0);
    for (const essential of [[cutting, joinMetals], [joinMetals]]) {
      const res = await rt.call('POST', '/v1/jobs', {
        token: employer,
        body: jobFor('Welder Hangzhou', essential, [], '330100'),
      });
      expect(res.status).toBe(201);
    }
    await rt.dispatcher!.drain();
    const teachesJoining = await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, joinMetals);
    const teachesCutting = await registerSchoolWithTemplate(rt.deps.issuers, rt.deps.signingKid, cutting);

    const graduate = await rt.token('grad-gaps', 'graduate');
    const put = await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: {
        displayName: 'Gap Analysis',
        contactEmail: 'gaps@example.com',
        skills: welderSkills.essential.slice(0, 5).map((uri) => ({ uri, proficiency: 4 })),
        preferredPlaces: [{ kind: 'delta', cityCode: '330100' }],
      },
    });
    expect(put.status).toBe(201);

    const gaps = await rt.call('GET', `/v1/profiles/me/skill-gaps?occupation=${encodeURIComponent(WELDER)}`, {
      token: graduate,
    });
    expect(gaps.status).toBe(200);
    const items: Array<{
      uri: string;
      label: string;
      importance: string;
      openJobsRequiring: number;
      credentials: unknown[];
    }> = gaps.body.items;
    // Every required skill the graduate lacks, none they hold.
    expect(items.map((g) => g.uri).sort()).toEqual(
      [...welderSkills.essential.slice(5), ...welderSkills.optional].sort(),
    );
    const credentialOf = (t: { templateId: string; title: unknown }) => ({
      templateId: t.templateId,
      issuerId: 'school',
      title: t.title,
      eqfLevel: 4,
    });
    expect(items.slice(0, 2)).toEqual([
      {
        uri: joinMetals,
        label: 'join metals',
        importance: 'essential',
        openJobsRequiring: 2,
        credentials: [credentialOf(teachesJoining)],
        // No course is scheduled for these templates (courses are in their own tests).
        courses: [],
      },
      {
        uri: cutting,
        label: 'cutting technologies',
        importance: 'essential',
        openJobsRequiring: 1,
        credentials: [credentialOf(teachesCutting)],
        courses: [],
      },
    ]);
    // No demand elsewhere here; with equal demand, essential skills come before optional ones.
    expect(items.slice(2).every((g) => g.openJobsRequiring === 0 && g.credentials.length === 0)).toBe(true);
    const importances = items.slice(2).map((g) => g.importance);
    expect(importances).toEqual([...importances].sort());

    const neither = await rt.call('GET', '/v1/profiles/me/skill-gaps', { token: graduate });
    expect(neither.status).toBe(400);
    expect(neither.body.errors[0].path).toBe('query.job');
  });

  it('pushes a newly posted matching job to the graduate as a notification', async () => {
    await rt.call('POST', '/v1/jobs', {
      token: employer,
      body: jobFor('Welder Suzhou night shift', welderSkills.essential.slice(0, 5), [], '320500'),
    });
    await rt.dispatcher!.drain();
    const graduate = await rt.token('grad-welder', 'graduate');
    const notes = await rt.call('GET', '/v1/profiles/me/notifications', { token: graduate });
    const push = notes.body.items.find((n: { kind: string }) => n.kind === 'new-matches');
    expect(push).toBeDefined();
    expect(push.read).toBe(false);
    const marked = await rt.call('PATCH', `/v1/profiles/me/notifications/${push.notificationId}`, {
      token: graduate,
      body: { read: true },
    });
    expect(marked.status).toBe(204);
    const again = await rt.call('GET', '/v1/profiles/me/notifications', { token: graduate });
    expect(
      again.body.items.find((n: { notificationId: string }) => n.notificationId === push.notificationId).read,
    ).toBe(true);
  });

  it('personalisedMatching=false gives a transparent, non-personalised list', async () => {
    const optOut = await rt.token('grad-optout', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: optOut,
      body: {
        displayName: 'Opt Out',
        contactEmail: 'o@example.com',
        skills: nurseSkills.essential.slice(0, 3).map((uri) => ({ uri, proficiency: 3 })),
        preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
        consents: { personalisedMatching: false },
      },
    });
    const res = await rt.call('GET', '/v1/profiles/me/matches', { token: optOut });
    expect(res.body.mode).toBe('non-personalised');
    expect(res.body.notice).toContain('not ranked by your profile');
    const titles = res.body.items.map((m: { job: { title: { en: string } } }) => m.job.title.en);
    expect(titles).toContain('Nurse Suzhou');
    expect(titles).not.toContain('Welder Hefei');
  });

  it('stores a match set gzipped (a fraction of its JSON), and still reads and replaces one stored plainly', async () => {
    const stored = await getLiveItem(rt.table, entities.MatchSet.key('grad-welder'), new Date());
    expect(stored?.matches).toBeUndefined();
    expect(stored?.matchesGz).toBeInstanceOf(Uint8Array);
    const set = (await rt.deps.matchingIndex.getMatchSet('grad-welder'))!;
    expect(set.matches.map((m) => m.jobId)).toContain(jobIds.welderSuzhou);
    expect((stored!.matchesGz as Uint8Array).length).toBeLessThan(JSON.stringify(set.matches).length / 3);

    // A set written before sets were compressed (plain `matches`, no revision) reads as it was, and is replaced.
    const plain = { ...set, graduateId: 'grad-plain', revision: undefined };
    await putItems(rt.table, [itemOf(entities.MatchSet, entities.MatchSet.key('grad-plain'), plain)]);
    const read = (await rt.deps.matchingIndex.getMatchSet('grad-plain'))!;
    expect(read.matches).toEqual(set.matches);
    expect(await rt.deps.matchingIndex.replaceMatchSet({ ...read, matches: read.matches.slice(0, 1) }, read)).toBe(
      true,
    );
    expect((await rt.deps.matchingIndex.getMatchSet('grad-plain'))!.matches).toEqual(set.matches.slice(0, 1));
    expect((await getLiveItem(rt.table, entities.MatchSet.key('grad-plain'), new Date()))?.matches).toBeUndefined();
  });
});
