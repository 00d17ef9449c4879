import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput, TABLE_DEFINITION } from './table-definition.ts';

export interface TableConfig {
  tableName: string;
  /** Local or alternative DynamoDB; unset in AWS. */
  endpoint?: string;
  region?: string;
}

export interface Table {
  name: string;
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
}

/** Fixed credentials for DynamoDB Local, which accepts any alphanumeric key. */
const LOCAL_CREDENTIALS = { accessKeyId: 'skillpass', secretAccessKey: 'local' };

export function connectTable(config: TableConfig): Table {
  const raw = new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? 'eu-central-1',
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          credentials: LOCAL_CREDENTIALS,
          // DynamoDB Local takes bursts of ~1,000 requests in tests and batches: queueing them for a
          // socket is expected there, not worth a warning each.
          requestHandler: { httpAgent: { maxSockets: 256 }, socketAcquisitionWarningTimeout: 60_000 },
        }
      : {}),
  });
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { name: config.tableName, doc, raw };
}

/** Creates the table (idempotently) and waits until it is active, with TTL switched on. */
export async function ensureTable(table: Table): Promise<{ created: boolean }> {
  let created = false;
  try {
    await table.raw.send(new CreateTableCommand(createTableInput(table.name)));
    created = true;
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    const described = await table.raw.send(new DescribeTableCommand({ TableName: table.name }));
    if (described.Table?.TableStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (created) {
    await table.raw.send(
      new UpdateTimeToLiveCommand({
        TableName: table.name,
        TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
  return { created };
}
