/**
 * npm run insights:rebuild — recovery for the skills-intelligence counters.
 *
 * Recomputes every insight counter and contribution record from the jobs and profiles in the table (one scan)
 * and replaces what was there. Use it after a consumer bug or lost events left the counters wrong. Stop the
 * pipeline first (locally: stop `npm start`; in AWS: disable the skillsInsights rule): a change applied while
 * the rebuild runs could be counted twice or not at all.
 *
 *   TABLE_NAME=skillpass DYNAMODB_ENDPOINT=http://127.0.0.1:8000 npm run insights:rebuild
 *
 * Without DYNAMODB_ENDPOINT it talks to DynamoDB in AWS_REGION with the usual AWS credentials.
 */
import { connectTable, DynamoInsightsRepository } from '@skillpass/store';

const table = connectTable({
  tableName: process.env.TABLE_NAME ?? 'skillpass',
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});
const started = performance.now();
const { sources, counters } = await new DynamoInsightsRepository(table, () => new Date()).rebuild();
process.stdout.write(
  `Rebuilt ${counters} insight counters from ${sources} jobs and profiles in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
