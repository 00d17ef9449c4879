import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type EntityDefinition, entities } from './entities.ts';

/** The README's tables, row by row: cells without backticks' markup and with italic notes dropped. */
function readmeTable(heading: string): string[][] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf(`## ${heading}\n`)).split('\n## ')[0]!;
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.replace(/\*\([^)]*\)\*/g, '').trim()),
    );
}

const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** Every field an index builder reads answers `<field>`, so index keys render as their README pattern. */
const placeholders = new Proxy({} as Record<string, unknown>, {
  get: (_, field) => (field === 'open' ? true : `<${String(field)}>`),
});

type AnyEntity = EntityDefinition<never[], unknown>;

function rendered(entity: AnyEntity) {
  const key = (entity.key as (...args: string[]) => { PK: string; SK: string })(...entity.keyArgs.map((a) => `<${a}>`));
  const indexes = entity.indexes ? entity.indexes(placeholders as never) : {};
  const pair = (name: 'GSI1' | 'GSI2' | 'GSI3') =>
    indexes[`${name}PK`] ? `\`${indexes[`${name}PK`]}\` / \`${indexes[`${name}SK`]}\`` : '';
  const hours = (entity.ttlSeconds ?? 0) / 3600;
  return {
    row: [
      entity.name,
      `\`${key.PK}\``,
      `\`${key.SK}\``,
      pair('GSI1'),
      pair('GSI2'),
      pair('GSI3'),
      indexes.owner ? `\`${indexes.owner}\`` : '',
      entity.ttlSeconds === undefined ? '' : hours < 48 ? `${hours} h` : `${hours / 24} days`,
    ],
    values: [key.PK, key.SK, ...Object.values(indexes)].filter((v): v is string => typeof v === 'string'),
  };
}

const list = Object.values(entities) as unknown as AnyEntity[];

describe('the store README agrees with the entity list', () => {
  it('lists every entity, with the keys, index keys, owner and lifetime the list builds', () => {
    const rows = readmeTable('Items');
    expect(rows.map((row) => row[0])).toEqual(list.map((entity) => entity.name));
    for (const entity of list) {
      expect(
        rows.find((row) => row[0] === entity.name),
        entity.name,
      ).toEqual(rendered(entity).row);
    }
  });

  it('names, for every access pattern, an entity and keys that entity really has; every entity is read somewhere', () => {
    const rows = readmeTable('Access patterns');
    const byName = new Map(list.map((entity) => [entity.name, rendered(entity).values]));
    for (const [number, , entityName, servedBy] of rows) {
      const values = byName.get(entityName!);
      expect(values, `pattern ${number} names ${entityName}`).toBeDefined();
      for (const key of code(servedBy!)) {
        // A key in "served by" is one the entity builds, or a sort-key prefix of one.
        expect(
          values!.some((value) => value === key || value.startsWith(key)),
          `pattern ${number}: ${entityName} has no key ${key}`,
        ).toBe(true);
      }
    }
    const read = new Set(rows.map((row) => row[2]));
    expect(list.map((entity) => entity.name).filter((name) => !read.has(name))).toEqual([]);
  });
});
