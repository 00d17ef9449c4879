import { resolve } from 'node:path';
import {
  Duration,
  type RemovalPolicy,
  type Stack,
  aws_apigatewayv2 as apigw,
  aws_apigatewayv2_authorizers as authorizers,
  aws_apigatewayv2_integrations as integrations,
  type aws_dynamodb as dynamodb,
  aws_lambda as lambda,
  type aws_lambda_nodejs as nodejs,
  aws_logs as logs,
  type aws_sqs as sqs,
} from 'aws-cdk-lib';
import { FUNCTION_ENTRIES } from '@skillpass/functions';
import { type MakeFunction, originEnvironment } from './functions.ts';
import { grantSigning, type Keys } from './keys.ts';
import { acknowledge } from './nag.ts';
import { publicGatewayRoutes } from './public-routes.ts';

/**
 * The HTTP API, without its routes (serveApi adds them): it is made before the distribution that fronts it, and the
 * app client's callback URLs and the functions' PUBLIC_ORIGIN name the distribution.
 */
export function httpApi(stack: Stack, webOrigin: string): apigw.HttpApi {
  return new apigw.HttpApi(stack, 'HttpApi', {
    corsPreflight: {
      allowOrigins: [webOrigin],
      allowMethods: [apigw.CorsHttpMethod.ANY],
      allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
      exposeHeaders: ['etag', 'location', 'idempotent-replayed'],
      maxAge: Duration.hours(1),
    },
  });
}

/** The API function: it reads and writes the table, issues credentials and queues credential batches. */
export function apiFunction(
  makeFunction: MakeFunction,
  settings: {
    environment: Record<string, string>;
    authDomainUrl: string;
    clientId: string;
    publicOrigin: string;
    trustedIssuersFile: string | undefined;
    table: dynamodb.TableV2;
    keys: Keys;
    batchQueue: sqs.Queue;
  },
): nodejs.NodejsFunction {
  const { trustedIssuersFile } = settings;
  // 1 GB: cold start is CPU-bound (module load, taxonomy on first look-up); 10 s covers a recompute.
  // The OpenAPI document is generated from the routes' zod schemas while bundling, not in the function.
  const sizing = { memoryMB: 1024, timeout: Duration.seconds(10) };
  const environment = {
    ...settings.environment,
    AUTH_DOMAIN_URL: settings.authDomainUrl,
    AUTH_CLIENT_ID: settings.clientId,
    ...(trustedIssuersFile ? { TRUSTED_ISSUERS_FILE: '/var/task/trusted-issuers.json' } : {}),
    ...originEnvironment(settings.publicOrigin),
  };
  const api = makeFunction('Api', FUNCTION_ENTRIES.api, sizing, environment, (inputDir, outputDir) => [
    // Rebuilt split (SPLIT_BUNDLING): index.mjs replaced by the same entry whose route modules and services are
    // chunks beside it, imported by the first request that needs them. The asset is the directory, chunks included.
    `cd ${inputDir} && node --import tsx scripts/bundle-split.ts functions/src/api.ts ${outputDir}`,
    `cd ${inputDir} && node --import tsx scripts/write-openapi.ts ${outputDir}/openapi.json`,
    ...(trustedIssuersFile ? [`cp ${resolve(trustedIssuersFile)} ${outputDir}/trusted-issuers.json`] : []),
  ]);
  settings.table.grantReadWriteData(api);
  grantSigning(settings.keys, api);
  settings.batchQueue.grantSendMessages(api);
  return api;
}

/**
 * The HTTP API's access logs and throttling, and its routes to the API function: every route behind the Cognito JWT
 * authorizer but the public ones.
 */
export function serveApi(
  stack: Stack,
  settings: {
    httpApi: apigw.HttpApi;
    api: nodejs.NodejsFunction;
    provisionedConcurrency: number | undefined;
    issuerUrl: string;
    clientId: string;
    removalPolicy: RemovalPolicy;
  },
): void {
  const { httpApi, api } = settings;
  const accessLogs = new logs.LogGroup(stack, 'ApiAccessLogs', {
    retention: logs.RetentionDays.THREE_MONTHS,
    removalPolicy: settings.removalPolicy,
  });
  const stage = httpApi.defaultStage!.node.defaultChild as apigw.CfnStage;
  stage.accessLogSettings = {
    destinationArn: accessLogs.logGroupArn,
    format: JSON.stringify({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      method: '$context.httpMethod',
      path: '$context.path',
      status: '$context.status',
      latency: '$context.responseLatency',
    }),
  };
  stage.defaultRouteSettings = { throttlingBurstLimit: 200, throttlingRateLimit: 100 };
  // With provisioned concurrency the API is served through an alias whose instances are kept initialised.
  const apiTarget = settings.provisionedConcurrency
    ? new lambda.Alias(stack, 'ApiLive', {
        aliasName: 'live',
        version: api.currentVersion,
        provisionedConcurrentExecutions: settings.provisionedConcurrency,
      })
    : api;
  const integration = new integrations.HttpLambdaIntegration('ApiIntegration', apiTarget);
  const jwt = new authorizers.HttpJwtAuthorizer('Cognito', settings.issuerUrl, { jwtAudience: [settings.clientId] });
  httpApi.addRoutes({ path: '/{proxy+}', methods: [apigw.HttpMethod.ANY], integration, authorizer: jwt });
  // Public routes (no token) come from the API's documented routes; every other route goes through the authorizer.
  for (const [method, path] of publicGatewayRoutes()) {
    const [route] = httpApi.addRoutes({ path, methods: [method], integration });
    acknowledge(route!, {
      'AwsSolutions-APIG4':
        'Public by design: health, docs, job search, ESCO look-up and credential verification need no account.',
    });
  }
}
