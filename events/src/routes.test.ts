import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENT_TYPES, type EventType } from './catalogue.ts';
import {
  BACKGROUND_CONSUMERS,
  CONSUMER_SPECS,
  type ConsumerEvent,
  type ConsumerName,
  type ConsumerSpec,
  CONSUMERS,
  consumersFor,
  EVENT_ROUTES,
  eventTypesFor,
  handles,
} from './routes.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's "Events" table as event type → consumers (`—` for none). */
function readmeRoutes(): Map<string, string[]> {
  const section = readme.slice(readme.indexOf('## Events'), readme.indexOf('\n## ', readme.indexOf('## Events') + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  const names = (cell: string) => [...cell.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!);
  return new Map(
    rows.flatMap((row) => {
      const [types = '', , consumers = ''] = row.split('|').slice(1);
      return names(types).map((type) => [type, names(consumers)] as const);
    }),
  );
}

describe('event routing', () => {
  it('is derived from what each consumer declares', () => {
    const specs: readonly ConsumerSpec<ConsumerName>[] = CONSUMER_SPECS;
    for (const type of EVENT_TYPES) {
      expect(consumersFor(type)).toEqual(specs.filter((spec) => spec.on.includes(type)).map((spec) => spec.name));
    }
    for (const spec of specs) expect(eventTypesFor(spec.name)).toEqual(spec.on);
    expect(CONSUMERS).toEqual([
      'jobMatching',
      'graduateMatching',
      'applicationNotifier',
      'employerNotifier',
      'invitationNotifier',
      'matchNotifier',
      'credentialSkills',
      'skillsInsights',
      'credentialDelivery',
      'mailSender',
      'platformCounters',
    ]);
  });

  it('runs only statistics in the background lane', () => {
    expect(BACKGROUND_CONSUMERS).toEqual(['skillsInsights', 'platformCounters']);
  });

  it('is the table the README shows', () => {
    expect(Object.fromEntries(readmeRoutes())).toEqual(EVENT_ROUTES);
  });

  it('narrows an event to the types its consumer declares', () => {
    const event = {
      id: 'e1',
      type: 'MatchesComputed' as EventType,
      source: 'skillpass' as const,
      occurredAt: '2026-01-01T00:00:00Z',
      detail: { graduateId: 'g', profileVersion: 1, newJobIds: ['j'] },
    };
    expect(handles('matchNotifier', event)).toBe(true);
    expect(handles('jobMatching', event)).toBe(false);
    expectTypeOf<ConsumerEvent<'matchNotifier'>['type']>().toEqualTypeOf<'MatchesComputed'>();
    expectTypeOf<ConsumerEvent<'jobMatching'>['type']>().toEqualTypeOf<'JobPosted' | 'JobUpdated' | 'JobClosed'>();
  });
});
