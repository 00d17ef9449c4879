import { describe, expect, it } from 'vitest';
import { APPLICATION_TRANSITIONS, assertApplicationTransition, WITHDRAWABLE_STATUSES } from './rules.ts';
import type { ApplicationStatus } from './entities.ts';
import { notificationTitle } from './notifications.ts';
import { placeNameOf } from './places.ts';

const ALL = Object.keys(APPLICATION_TRANSITIONS) as ApplicationStatus[];
const kindOf = (move: () => void) => {
  try {
    move();
    return 'allowed';
  } catch (error) {
    return (error as { kind: string }).kind;
  }
};

describe('application moves', () => {
  it('let the graduate only withdraw, from any status not yet final', () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const expected =
          to !== 'withdrawn' ? 'forbidden' : WITHDRAWABLE_STATUSES.includes(from) ? 'allowed' : 'conflict';
        expect(
          kindOf(() => assertApplicationTransition(from, to, 'graduate')),
          `${from} → ${to}`,
        ).toBe(expected);
      }
    }
    expect(WITHDRAWABLE_STATUSES).toEqual(['submitted', 'viewed', 'interview', 'offer']);
  });

  it('never let the employer withdraw, and keep the employer’s path otherwise', () => {
    for (const from of ALL)
      expect(kindOf(() => assertApplicationTransition(from, 'withdrawn', 'employer'))).toBe('forbidden');
    expect(kindOf(() => assertApplicationTransition('submitted', 'viewed', 'employer'))).toBe('allowed');
    expect(kindOf(() => assertApplicationTransition('withdrawn', 'viewed', 'employer'))).toBe('conflict');
  });

  it('let the employer hire after an offer only, and reject from any open status, an offer included', () => {
    for (const from of ALL) {
      const hire = from === 'offer' ? 'allowed' : 'conflict';
      expect(
        kindOf(() => assertApplicationTransition(from, 'hired', 'employer')),
        `${from} → hired`,
      ).toBe(hire);
      const reject = WITHDRAWABLE_STATUSES.includes(from) ? 'allowed' : 'conflict';
      expect(
        kindOf(() => assertApplicationTransition(from, 'rejected', 'employer')),
        `${from} → rejected`,
      ).toBe(reject);
    }
    for (const to of ALL)
      expect(kindOf(() => assertApplicationTransition('hired', to, 'employer'))).not.toBe('allowed');
  });
});

describe('notification words', () => {
  it('are English or Chinese, naming the job in that language where it has one', () => {
    const facts = {
      kind: 'application-status' as const,
      jobIds: ['j'],
      status: 'interview' as const,
      jobTitle: { en: 'Welder', zh: '焊工' },
    };
    expect(notificationTitle(facts, 'en')).toBe('Your application for Welder moved to interview.');
    expect(notificationTitle(facts, 'zh')).toBe('您对「焊工」的申请已进入面试。');
    expect(notificationTitle({ ...facts, jobTitle: { en: 'Welder' } }, 'zh')).toBe('您对「Welder」的申请已进入面试。');
    expect(notificationTitle({ kind: 'new-matches', jobIds: ['a', 'b'] }, 'en')).toBe('2 new jobs match your profile.');
    expect(notificationTitle({ kind: 'new-matches', jobIds: ['a'] }, 'en')).toBe('1 new job matches your profile.');
    expect(notificationTitle({ kind: 'new-matches', jobIds: ['a', 'b'] }, 'zh')).toBe('有 2 个新职位与您的资料匹配。');
    expect(notificationTitle({ ...facts, status: 'hired' }, 'en')).toBe(
      'Your application for Welder was successful: you are hired.',
    );
    expect(notificationTitle({ ...facts, status: 'hired' }, 'zh')).toBe('您对「焊工」的申请已成功，您已被录用。');
    const invitation = { kind: 'job-invitation' as const, jobIds: ['j'], jobTitle: facts.jobTitle };
    expect(notificationTitle(invitation, 'en')).toBe(
      'An employer invites you to apply for Welder. Whether you apply is up to you.',
    );
    expect(notificationTitle(invitation, 'zh')).toBe('有雇主邀请您申请「焊工」，是否申请由您决定。');
  });
});

describe('place names', () => {
  it('name Delta cities, other places and remote work in either language', () => {
    expect(placeNameOf({ kind: 'delta', cityCode: '330100' }, 'en')).toBe('Hangzhou');
    expect(placeNameOf({ kind: 'delta', cityCode: '330100' }, 'zh')).toBe('杭州');
    expect(placeNameOf({ kind: 'elsewhere', country: 'DE', city: 'Munich' }, 'en')).toBe('Munich, DE');
    expect(placeNameOf({ kind: 'remote' }, 'zh')).toBe('远程');
  });
});
