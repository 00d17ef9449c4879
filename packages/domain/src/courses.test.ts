import { describe, expect, it } from 'vitest';
import {
  assertValidCourseInput,
  canRecordCompletion,
  type CourseInput,
  courseIsIn,
  DomainError,
  isEnrollable,
  seatsLeft,
} from './index.ts';

const ON_SITE: CourseInput = {
  templateId: 'tpl_1',
  title: { en: 'Welding basics', zh: '焊接基础' },
  startsOn: '2027-03-01',
  endsOn: '2027-03-05',
  format: 'on-site',
  place: { cityCode: '320500', address: '1 Renai Road' },
  seats: 10,
};

const pathsOf = (input: CourseInput) => {
  try {
    assertValidCourseInput(input);
    return [];
  } catch (error) {
    return error instanceof DomainError ? error.fieldIssues.map((i) => i.path).sort() : ['?'];
  }
};

describe('course rules', () => {
  it('asks for a place on site and a link online, never both, and dates in order', () => {
    expect(pathsOf(ON_SITE)).toEqual([]);
    expect(pathsOf({ ...ON_SITE, endsOn: '2027-02-28' })).toEqual(['endsOn']);
    expect(pathsOf({ ...ON_SITE, place: undefined, onlineUrl: 'https://x.example' })).toEqual(['onlineUrl', 'place']);
    expect(pathsOf({ ...ON_SITE, format: 'online', onlineUrl: 'https://x.example' })).toEqual(['place']);
    expect(pathsOf({ ...ON_SITE, format: 'online', place: undefined })).toEqual(['onlineUrl']);
  });

  it('is open for enrolment until its last day, completes from its first, and never once cancelled', () => {
    const course = { ...ON_SITE, status: 'open' as const };
    expect(isEnrollable(course, '2027-03-05')).toBe(true);
    expect(isEnrollable(course, '2027-03-06')).toBe(false);
    expect(canRecordCompletion(course, '2027-02-28')).toBe(false);
    expect(canRecordCompletion(course, '2027-03-01')).toBe(true);
    expect(isEnrollable({ ...course, status: 'cancelled' }, '2027-03-01')).toBe(false);
    expect(canRecordCompletion({ ...course, status: 'cancelled' }, '2027-03-02')).toBe(false);
    expect(seatsLeft({ seats: 10, enrolled: 10 })).toBe(0);
  });

  it('filters by city or province, letting online courses through', () => {
    expect(courseIsIn(ON_SITE, { cityCode: '320500' })).toBe(true);
    expect(courseIsIn(ON_SITE, { cityCode: '330100' })).toBe(false);
    expect(courseIsIn(ON_SITE, { province: '320000' })).toBe(true);
    expect(courseIsIn(ON_SITE, { province: '330000' })).toBe(false);
    expect(courseIsIn({ format: 'online' }, { cityCode: '330100' })).toBe(true);
  });
});
