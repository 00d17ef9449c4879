import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { builtOnFirstUse } from './first-use.ts';
import { graduateProfileInputSchema, profileSkillSchema } from './entities.ts';

describe('builtOnFirstUse', () => {
  it('builds nothing until first called, then hands every caller the same value', () => {
    let builds = 0;
    const schema = builtOnFirstUse(() => {
      builds += 1;
      return z.object({ a: z.string() });
    });
    expect(builds).toBe(0);
    const first = schema();
    expect(schema()).toBe(first);
    expect(builds).toBe(1);
  });

  it('builds again after a failed build instead of keeping the failure', () => {
    let attempts = 0;
    const flaky = builtOnFirstUse(() => {
      attempts += 1;
      if (attempts === 1) throw new Error('first build fails');
      return attempts;
    });
    expect(() => flaky()).toThrow('first build fails');
    expect(flaky()).toBe(2);
    expect(flaky()).toBe(2);
  });

  it('shares one instance between a schema and the schemas built from it', () => {
    const skills = graduateProfileInputSchema().shape.skills;
    // The element of the `skills` array is the very profile-skill schema, so ids registered on it apply everywhere.
    expect((skills.def.innerType as z.ZodMiniArray).def.element).toBe(profileSkillSchema());
  });
});
