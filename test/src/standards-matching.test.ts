import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupationUri, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';
import { accreditedIssuer, publishedStandard, threeLevels } from './standards-fixture.ts';

const SKILLS = [skillUri(801), skillUri(802), skillUri(803)] as const;

let rt: TestRuntime;
let standardId: string;
let anhuiCentre: string;
let employer: string;

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true });
  const jiangsu = await accreditedIssuer(rt, 'sm-js', '320000');
  anhuiCentre = await accreditedIssuer(rt, 'sm-ah', '340000');
  // Levels 5 to 3, and a technician level (2) above them that asks more of each skill.
  const content = threeLevels(occupationUri(9), SKILLS);
  content.levels.push({ level: 2, skills: SKILLS.map((uri, i) => ({ uri, proficiency: i === 0 ? 4 : 3 })) });
  standardId = await publishedStandard(rt, jiangsu, anhuiCentre, content);
  employer = await rt.token('sm-employer', 'employer');
});
afterAll(async () => rt.close());

const postJob = async (title: string, requiredStandardLevel: unknown) =>
  rt.call('POST', '/v1/jobs', {
    token: employer,
    body: {
      title: { en: title },
      description: 'Welding to the shared standard',
      requiredSkills: [{ uri: SKILLS[0], importance: 'essential', minProficiency: 2 }],
      place: { kind: 'delta', cityCode: '320500' },
      requiredStandardLevel,
      closingDate: '2999-01-01',
    },
  });

describe('matching with shared skill-level standards', () => {
  it('counts a credential at level 3 from an Anhui issuer for a Jiangsu job asking level 4, not one asking level 2', async () => {
    const unknown = await postJob('No such standard', { standardId: 'std_none', level: 3 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('requiredStandardLevel.standardId');
    // 一级/高级技师: this standard does not define it.
    const undefinedLevel = await postJob('Level nobody defined', { standardId, level: 1 });
    expect(undefinedLevel.status).toBe(400);
    expect(undefinedLevel.body.errors[0].path).toBe('requiredStandardLevel.level');
    const asksFour = await postJob('Welder, intermediate', { standardId, level: 4 });
    const asksTwo = await postJob('Welder, technician', { standardId, level: 2 });
    expect([asksFour.status, asksTwo.status]).toEqual([201, 201]);

    const graduate = await rt.token('sm-grad', 'graduate');
    const profile = await rt.call('PUT', '/v1/profiles/me', {
      token: graduate,
      body: {
        displayName: 'Zhou Min',
        contactEmail: 'zhou@example.com',
        skills: [{ uri: SKILLS[0], proficiency: 3 }],
        preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
      },
    });
    expect(profile.status).toBe(201);
    const template = await rt.call('POST', '/v1/credential-templates', {
      token: anhuiCentre,
      body: {
        title: { en: 'Welder, senior worker', zh: '焊工（高级工）' },
        description: 'Welding assessed to level 3 of the shared standard.',
        learningOutcomes: [...SKILLS],
        workload: { hours: 200 },
        eqfLevel: 4,
        skillLevelStandard: { standardId, version: 1, level: 3 },
        assessmentType: 'practical exam',
        participationForm: 'onsite',
        qualityAssurance: 'provincial audit',
      },
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const issued = await rt.call('POST', '/v1/credentials', {
      token: anhuiCentre,
      body: { templateId: template.body.templateId, holder: { graduateId: 'sm-grad' } },
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    await rt.dispatcher!.drain();

    const me = await rt.call('GET', '/v1/profiles/me', { token: graduate });
    expect(me.body.verifiedStandardLevels).toEqual([{ standardId, level: 3, credentialId: issued.body.id }]);
    const matches = await rt.call('GET', '/v1/profiles/me/matches', { token: graduate });
    expect(matches.status).toBe(200);
    const fitOf = (jobId: string) =>
      matches.body.items.find((m: { job: { jobId: string } }) => m.job.jobId === jobId)?.explanation.level.fits[0];
    expect(fitOf(asksFour.body.jobId)).toMatchObject({
      requirement: 'skill-level-standard',
      standardId,
      required: 4,
      held: 3,
      fit: 'meets',
    });
    expect(fitOf(asksTwo.body.jobId)).toMatchObject({ required: 2, held: 3, fit: 'below', belowBy: 1 });

    // Revoked, the credential is evidence no more.
    expect(
      (await rt.call('POST', `/v1/credentials/${issued.body.id}/revoke`, { token: anhuiCentre, body: {} })).status,
    ).toBe(200);
    await rt.dispatcher!.drain();
    const after = await rt.call('GET', '/v1/profiles/me', { token: graduate });
    expect(after.body.verifiedStandardLevels).toEqual([]);
  });
});
