import fc from 'fast-check';
import type { DeltaCityCode, Place } from '@skillpass/domain';
import type { MatchJob, MatchProfile, SkillGraph } from './types.ts';

export const SKILLS = Array.from({ length: 16 }, (_, i) => `http://data.europa.eu/esco/skill/s${i}`);
const CITIES: DeltaCityCode[] = ['310000', '320100', '320500', '330100', '340100'];

export const placeArb: fc.Arbitrary<Place> = fc.oneof(
  fc.constantFrom(...CITIES).map((cityCode) => ({ kind: 'delta' as const, cityCode })),
  fc.constantFrom('Berlin', 'Munich').map((city) => ({ kind: 'elsewhere' as const, country: 'DE', city })),
);

export const graphArb: fc.Arbitrary<SkillGraph> = fc
  .array(fc.tuple(fc.nat({ max: SKILLS.length - 1 }), fc.nat({ max: SKILLS.length - 1 }), fc.boolean()), {
    maxLength: 20,
  })
  .map((edges) => {
    const links = new Map<string, Array<{ uri: string; kind: 'broader' | 'narrower' | 'related' }>>();
    const add = (from: string, uri: string, kind: 'broader' | 'narrower' | 'related') => {
      const list = links.get(from) ?? [];
      if (!list.some((l) => l.uri === uri)) list.push({ uri, kind });
      links.set(from, list);
    };
    for (const [a, b, hierarchical] of edges) {
      if (a === b) continue;
      if (hierarchical) {
        add(SKILLS[a]!, SKILLS[b]!, 'broader');
        add(SKILLS[b]!, SKILLS[a]!, 'narrower');
      } else {
        add(SKILLS[a]!, SKILLS[b]!, 'related');
        add(SKILLS[b]!, SKILLS[a]!, 'related');
      }
    }
    return { relatedSkills: (uri: string) => links.get(uri) ?? [] };
  });

const proficiencyArb = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);

export const profileArb: fc.Arbitrary<MatchProfile> = fc.record({
  id: fc.constantFrom('g1', 'g2', 'g3').chain((prefix) => fc.nat({ max: 999 }).map((n) => `${prefix}-${n}`)),
  version: fc.integer({ min: 1, max: 9 }),
  skills: fc.uniqueArray(
    fc.record({ uri: fc.constantFrom(...SKILLS), proficiency: proficiencyArb, verified: fc.boolean() }),
    {
      selector: (s) => s.uri,
      maxLength: 8,
    },
  ),
  preferredPlaces: fc.array(placeArb, { maxLength: 3 }),
  openToRemote: fc.boolean(),
  eqfLevel: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  chinaSkillLevel: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const), {
    nil: undefined,
  }),
  standardLevels: fc.array(
    fc.record({
      standardId: fc.constantFrom('std-a', 'std-b'),
      level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const),
    }),
    {
      maxLength: 3,
    },
  ),
});

export const jobArb = (id: string): fc.Arbitrary<MatchJob> =>
  fc.record({
    id: fc.constant(id),
    version: fc.integer({ min: 1, max: 9 }),
    requiredSkills: fc.uniqueArray(
      fc.record({
        uri: fc.constantFrom(...SKILLS),
        importance: fc.constantFrom('essential' as const, 'optional' as const),
        minProficiency: proficiencyArb,
      }),
      { selector: (s) => s.uri, minLength: 1, maxLength: 6 },
    ),
    place: fc.oneof(placeArb, fc.constant({ kind: 'remote' as const })),
    minEqfLevel: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    minChinaSkillLevel: fc.option(fc.constantFrom(1 as const, 3 as const, 5 as const), { nil: undefined }),
    requiredStandardLevel: fc.option(
      fc.record({
        standardId: fc.constantFrom('std-a', 'std-c'),
        level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const),
      }),
      {
        nil: undefined,
      },
    ),
    // Few distinct dates, so ties on score and date are common and the id must break them.
    postedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
  });

export const jobsArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => jobArb(`job-${String(i).padStart(3, '0')}`))));
