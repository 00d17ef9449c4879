import { type RemovalPolicy, type Stack, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { TABLE_DEFINITION } from '@skillpass/store';

/** The one DynamoDB table, built from the store's definition (the same one the local runtime uses). */
export function dataTable(stack: Stack, settings: { prod: boolean; removalPolicy: RemovalPolicy }): dynamodb.TableV2 {
  const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
  return new dynamodb.TableV2(stack, 'Table', {
    partitionKey: key(TABLE_DEFINITION.partitionKey),
    sortKey: key(TABLE_DEFINITION.sortKey),
    globalSecondaryIndexes: TABLE_DEFINITION.globalSecondaryIndexes.map((gsi) => ({
      indexName: gsi.indexName,
      partitionKey: key(gsi.partitionKey),
      sortKey: key(gsi.sortKey),
    })),
    billing: dynamodb.Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    timeToLiveAttribute: TABLE_DEFINITION.timeToLiveAttribute,
    dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    deletionProtection: settings.prod,
    removalPolicy: settings.removalPolicy,
  });
}
