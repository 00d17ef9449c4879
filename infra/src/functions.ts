import { resolve } from 'node:path';
import {
  type Duration,
  type RemovalPolicy,
  type Stack,
  type aws_cloudwatch as cloudwatch,
  type aws_dynamodb as dynamodb,
  type aws_events as events,
  aws_lambda as lambda,
  aws_lambda_nodejs as nodejs,
  aws_logs as logs,
  type aws_sqs as sqs,
} from 'aws-cdk-lib';
import { functionAlarms } from './alarms.ts';
import { LAMBDA_BUNDLING } from './bundling.ts';
import { type Keys, keyEnvironment } from './keys.ts';
import { acknowledge } from './nag.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Memory and timeout; each call site says why its function needs them. */
export interface Sizing {
  memoryMB: number;
  timeout: Duration;
}

/**
 * Makes one of the project's functions, `id`, from `entry` in functions/src, with its log group (`<id>Logs`), its
 * cdk-nag acknowledgements and its alarms; `extraFiles` gives shell commands that add files to its bundle.
 */
export type MakeFunction = (
  id: string,
  entry: string,
  sizing: Sizing,
  environment: Record<string, string>,
  extraFiles?: (inputDir: string, outputDir: string) => string[],
) => nodejs.NodejsFunction;

/** The maker of every function of the stack; each function's alarms are added to `alarms`. */
export function functionMaker(stack: Stack, removalPolicy: RemovalPolicy, alarms: cloudwatch.Alarm[]): MakeFunction {
  return (id, entry, sizing, environment, extraFiles = () => []) => {
    const fn = new nodejs.NodejsFunction(stack, id, {
      entry: resolve(REPO_ROOT, 'functions/src', entry),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: sizing.memoryMB,
      timeout: sizing.timeout,
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup: new logs.LogGroup(stack, `${id}Logs`, { retention: logs.RetentionDays.THREE_MONTHS, removalPolicy }),
      environment,
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      bundling: {
        forceDockerBundling: false,
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: LAMBDA_BUNDLING.sourcemap,
        sourcesContent: LAMBDA_BUNDLING.sourcesContent,
        format: nodejs.OutputFormat.ESM,
        target: LAMBDA_BUNDLING.target,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        banner: LAMBDA_BUNDLING.banner.js,
        externalModules: [...LAMBDA_BUNDLING.external],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The ESCO data is read from disk on first use, not bundled into the code; the JSON-LD half of
          // Data Integrity is a module of its own beside the bundle, imported on first use.
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp -r ${inputDir}/packages/taxonomy/data ${outputDir}/taxonomy`,
            `cd ${inputDir} && node --import tsx scripts/bundle-data-integrity.ts ${outputDir}`,
            ...extraFiles(inputDir, outputDir),
          ],
        },
      },
    });
    acknowledge(fn, {
      'AwsSolutions-L1':
        'nodejs22.x is the runtime this project targets and tests (Node 22 LTS); moving to nodejs24.x is a tested upgrade, not a default.',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        "Lambda's basic execution policy only lets the function write its own CloudWatch logs.",
      'AwsSolutions-IAM5[Resource::*]':
        'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level permissions.',
      'AwsSolutions-IAM5[Resource::<TableCD117FA1.Arn>/index/*]':
        "Queries use the table's global secondary indexes; DynamoDB names them under this one table's index/* ARN.",
    });
    alarms.push(...functionAlarms(stack, id, fn));
    return fn;
  };
}

/** The configuration every function but the sign-up trigger gets: the table, keys, sign-in, bus and batch queue. */
export function sharedEnvironment(resources: {
  table: dynamodb.TableV2;
  keys: Keys;
  issuerUrl: string;
  clientId: string;
  bus: events.EventBus;
  batchQueue: sqs.Queue;
}): Record<string, string> {
  return {
    TABLE_NAME: resources.table.tableName,
    ...keyEnvironment(resources.keys),
    AUTH_ISSUER: resources.issuerUrl,
    AUTH_AUDIENCE: resources.clientId,
    AUTH_JWKS_URL: `${resources.issuerUrl}/.well-known/jwks.json`,
    EVENT_BUS_NAME: resources.bus.eventBusName,
    BATCH_QUEUE_URL: resources.batchQueue.queueUrl,
    SKILLPASS_TAXONOMY_DIR: '/var/task/taxonomy',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/**
 * The public origin, for every function that issues or links (the API, the batch worker, the delivery consumer). No
 * cycle: the distribution depends on the HTTP API resource only, not on its routes and integrations, which are what
 * depend on the functions.
 */
export const originEnvironment = (publicOrigin: string): Record<string, string> => ({ PUBLIC_ORIGIN: publicOrigin });
