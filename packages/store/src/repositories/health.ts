import type { Table } from '../client.ts';
import { entities } from '../entities.ts';
import { getLiveItem } from '../items.ts';

/** Whether the table answers: what `GET /health` asks. */
export interface HealthCheck {
  ping(): Promise<void>;
}

/**
 * Reads the seed marker. Its own module: the API's cold start builds `/health` from it without importing the
 * repositories, which the first other request loads.
 */
export function tableHealth(table: Table, clock: () => Date = () => new Date()): HealthCheck {
  return { ping: async () => void (await getLiveItem(table, entities.SeedMarker.key(), clock())) };
}
