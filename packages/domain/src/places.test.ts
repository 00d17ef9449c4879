import { describe, expect, it } from 'vitest';
import {
  DELTA_CITIES,
  DELTA_PROVINCES,
  type DeltaCityCode,
  provinceOfCity,
  REGION_PARTITIONS,
  regionPartitionOf,
  regionPartitionSchema,
} from './places.ts';

describe('region partitions', () => {
  it('are the Delta provinces, then outside and remote', () => {
    expect(REGION_PARTITIONS).toEqual([...Object.keys(DELTA_PROVINCES), 'outside', 'remote']);
    expect(regionPartitionSchema().options).toEqual(REGION_PARTITIONS);
  });

  it('put every Delta city in its own province, anywhere else in outside, remote work in remote', () => {
    for (const cityCode of Object.keys(DELTA_CITIES) as DeltaCityCode[]) {
      const partition = regionPartitionOf({ kind: 'delta', cityCode });
      expect(partition).toBe(provinceOfCity(cityCode));
      expect(Object.keys(DELTA_PROVINCES)).toContain(partition);
    }
    expect(regionPartitionOf({ kind: 'delta', cityCode: '320500' })).toBe('320000');
    expect(regionPartitionOf({ kind: 'elsewhere', country: 'DE', city: 'Berlin' })).toBe('outside');
    expect(regionPartitionOf({ kind: 'remote' })).toBe('remote');
  });

  it('refuses a partition that is not on the list', () => {
    expect(regionPartitionSchema().safeParse('350000').success).toBe(false);
    expect(regionPartitionSchema().safeParse('remote').success).toBe(true);
  });
});
