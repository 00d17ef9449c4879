import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '@skillpass/local/dynamodb-local';
import { ensureWebBuild } from '@skillpass/local/web';
// Declares the `dynamoEndpoint` this provides (vitest's ProvidedContext).
import type {} from '@skillpass/store/testing';

/** The web app built, and one DynamoDB Local (in memory) for the whole run; each test file makes its own table in it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The web app once, before the tests that run `npm start` (each would otherwise build it at the same time).
  await ensureWebBuild(() => undefined);
  if (process.env.DYNAMODB_ENDPOINT) {
    project.provide('dynamoEndpoint', process.env.DYNAMODB_ENDPOINT);
    return async () => {};
  }
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
