import { resolve } from 'node:path';
import {
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
  aws_apigatewayv2 as apigw,
  aws_apigatewayv2_authorizers as authorizers,
  aws_apigatewayv2_integrations as integrations,
  aws_certificatemanager as acm,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as cloudwatchActions,
  aws_iam as iam,
  aws_cognito as cognito,
  aws_dynamodb as dynamodb,
  aws_events as events,
  aws_events_targets as targets,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_lambda_event_sources as sources,
  aws_lambda_nodejs as nodejs,
  aws_logs as logs,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_sns_subscriptions as snsSubscriptions,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import { CONSUMERS, EVENT_SOURCE, eventTypesFor } from '@skillpass/events';
import { FUNCTION_ENTRIES } from '@skillpass/functions';
import { TABLE_DEFINITION } from '@skillpass/store';
import type { Construct } from 'constructs';
import { LAMBDA_BUNDLING } from './bundling.ts';
import { publicGatewayRoutes } from './public-routes.ts';

export interface SkillpassStackProps extends StackProps {
  stage: 'dev' | 'prod';
  /** Browser origin allowed by CORS, e.g. https://skillpass.example. */
  webOrigin: string;
  /** Generation of the signing key ("g1", "g2", …): a new one rotates the key, keeping the old one published. */
  signingKeyGeneration: string;
  /** Earlier generations whose keys stay published while credentials they signed are valid. */
  retiredSigningKeyGenerations?: string[];
  /**
   * A custom domain for the API (with an ACM certificate in the stack's region). Credentials name
   * their keys, status lists and verify page under the API's origin, so a lasting deployment
   * should have one; without it the origin is the execute-api URL.
   */
  customDomain?: { domainName: string; certificateArn: string };
  /** A trust list file (external issuers, docs/credentials.md) shipped with the API function. */
  trustedIssuersFile?: string;
  /** Warm API instances kept ready (provisioned concurrency), so requests up to that concurrency never meet a cold start. */
  apiProvisionedConcurrency?: number;
  /** Subscribed to the alarm topic (the address confirms by email). */
  alarmEmail?: string;
}

const REPO_ROOT = resolve(import.meta.dirname, '../..');

export class SkillpassStack extends Stack {
  constructor(scope: Construct, id: string, props: SkillpassStackProps) {
    super(scope, id, props);
    const prod = props.stage === 'prod';
    const removalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // --- Data -----------------------------------------------------------------------------
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.TableV2(this, 'Table', {
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
      deletionProtection: prod,
      removalPolicy,
    });

    const cursorSecret = new secretsmanager.Secret(this, 'CursorSecret', {
      description: 'HMAC key for skillpass pagination cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy,
    });
    Validations.of(cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the cursor key only invalidates open pagination cursors; it is rotated by redeploying, not on a schedule.',
    });

    // The credential signing key: ECDSA P-256 in KMS, so the private key never leaves it.
    const signingKey = new kms.Key(this, `SigningKey${props.signingKeyGeneration}`, {
      description: `skillpass credential signing key, generation ${props.signingKeyGeneration}`,
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      alias: `alias/skillpass-${props.stage}-signing-${props.signingKeyGeneration}`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const retiredKeys = (props.retiredSigningKeyGenerations ?? []).map((generation) => ({
      generation,
      alias: kms.Alias.fromAliasName(
        this,
        `Retired${generation}`,
        `alias/skillpass-${props.stage}-signing-${generation}`,
      ),
    }));

    // --- Identity -------------------------------------------------------------------------
    const userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy,
    });
    Validations.of(userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is offered (TOTP) but not forced: graduates sign in from shared school computers and phones; operators can require it per pool.',
    });
    for (const group of ['graduate', 'employer', 'issuer', 'admin']) {
      new cognito.CfnUserPoolGroup(this, `Group${group}`, { userPoolId: userPool.userPoolId, groupName: group });
    }
    const client = userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
    });
    const issuerUrl = `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`;

    // --- Queues, bus --------------------------------------------------------------------------
    const deadLetterQueue = (name: string) => {
      const queue = new sqs.Queue(this, `${name}Dlq`, {
        retentionPeriod: Duration.days(14),
        enforceSSL: true,
        encryption: sqs.QueueEncryption.SQS_MANAGED,
      });
      Validations.of(queue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue.',
      });
      return queue;
    };
    const batchDlq = deadLetterQueue('CredentialBatch');
    const batchQueue = new sqs.Queue(this, 'CredentialBatchQueue', {
      // Six times the worker's timeout, as Lambda recommends for SQS sources.
      visibilityTimeout: Duration.minutes(90),
      deadLetterQueue: { queue: batchDlq, maxReceiveCount: 5 },
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    const bus = new events.EventBus(this, 'Bus', { eventBusName: `skillpass-${props.stage}` });

    // --- Functions ------------------------------------------------------------------------------
    const common: Record<string, string> = {
      TABLE_NAME: table.tableName,
      CURSOR_SECRET_ARN: cursorSecret.secretArn,
      SIGNING_KEY_ID: signingKey.keyArn,
      SIGNING_KEY_GENERATION: props.signingKeyGeneration,
      RETIRED_SIGNING_KEYS: retiredKeys.map((k) => `${k.generation}=${k.alias.aliasName}`).join(','),
      AUTH_ISSUER: issuerUrl,
      AUTH_AUDIENCE: client.userPoolClientId,
      AUTH_JWKS_URL: `${issuerUrl}/.well-known/jwks.json`,
      EVENT_BUS_NAME: bus.eventBusName,
      BATCH_QUEUE_URL: batchQueue.queueUrl,
      SKILLPASS_TAXONOMY_DIR: '/var/task/taxonomy',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const alarms: cloudwatch.Alarm[] = [];
    const servedUnderOrigin: nodejs.NodejsFunction[] = [];
    const makeFunction = (
      id: string,
      entry: string,
      sizing: { memoryMB: number; timeout: Duration },
      environment: Record<string, string> = {},
      extraFiles: (inputDir: string, outputDir: string) => string[] = () => [],
    ) => {
      const fn = new nodejs.NodejsFunction(this, id, {
        entry: resolve(REPO_ROOT, 'functions/src', entry),
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: sizing.memoryMB,
        timeout: sizing.timeout,
        tracing: lambda.Tracing.ACTIVE,
        loggingFormat: lambda.LoggingFormat.JSON,
        logGroup: new logs.LogGroup(this, `${id}Logs`, { retention: logs.RetentionDays.THREE_MONTHS, removalPolicy }),
        environment: { ...common, ...environment },
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
      const acknowledge = (findingId: string, reason: string) =>
        Validations.of(fn).acknowledge({ id: findingId, reason });
      acknowledge(
        'AwsSolutions-L1',
        'nodejs22.x is the runtime this project targets and tests (Node 22 LTS); moving to nodejs24.x is a tested upgrade, not a default.',
      );
      acknowledge(
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "Lambda's basic execution policy only lets the function write its own CloudWatch logs.",
      );
      acknowledge(
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level permissions.',
      );
      acknowledge(
        'AwsSolutions-IAM5[Resource::<TableCD117FA1.Arn>/index/*]',
        "Queries use the table's global secondary indexes; DynamoDB names them under this one table's index/* ARN.",
      );
      alarms.push(
        fn
          .metricErrors({ period: Duration.minutes(5) })
          .createAlarm(this, `${id}Errors`, { threshold: 1, evaluationPeriods: 1, alarmDescription: `${id} threw` }),
        fn.metricThrottles({ period: Duration.minutes(5) }).createAlarm(this, `${id}Throttles`, {
          threshold: 1,
          evaluationPeriods: 1,
          alarmDescription: `${id} was throttled`,
        }),
      );
      return fn;
    };
    const readKeyAndSecret = (fn: nodejs.NodejsFunction) => {
      cursorSecret.grantRead(fn);
      signingKey.grant(fn, 'kms:GetPublicKey');
      for (const retired of retiredKeys) retired.alias.grant(fn, 'kms:GetPublicKey');
    };

    // 1 GB: cold start is CPU-bound (module load, taxonomy on first look-up); 10 s covers a recompute.
    // The OpenAPI document is generated from the routes' zod schemas while bundling, not in the function.
    const api = makeFunction(
      'Api',
      FUNCTION_ENTRIES.api,
      { memoryMB: 1024, timeout: Duration.seconds(10) },
      props.trustedIssuersFile ? { TRUSTED_ISSUERS_FILE: '/var/task/trusted-issuers.json' } : {},
      (inputDir, outputDir) => [
        `cd ${inputDir} && node --import tsx scripts/write-openapi.ts ${outputDir}/openapi.json`,
        ...(props.trustedIssuersFile
          ? [`cp ${resolve(props.trustedIssuersFile)} ${outputDir}/trusted-issuers.json`]
          : []),
      ],
    );
    table.grantReadWriteData(api);
    readKeyAndSecret(api);
    signingKey.grant(api, 'kms:Sign');
    batchQueue.grantSendMessages(api);

    // 256 MB / 60 s: the publisher only maps records and calls PutEvents.
    const publisher = makeFunction('StreamPublisher', FUNCTION_ENTRIES.streamPublisher, {
      memoryMB: 256,
      timeout: Duration.seconds(60),
    });
    bus.grantPutEventsTo(publisher);
    const streamDlq = deadLetterQueue('Stream');
    publisher.addEventSource(
      new sources.DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new sources.SqsDlq(streamDlq),
      }),
    );

    // 1 GB / 15 min for the batch worker: a batch of 10,000 signs and writes for minutes.
    const worker = makeFunction('CredentialBatchWorker', FUNCTION_ENTRIES.credentialBatchWorker, {
      memoryMB: 1024,
      timeout: Duration.minutes(15),
    });
    table.grantReadWriteData(worker);
    servedUnderOrigin.push(api, worker);
    readKeyAndSecret(worker);
    signingKey.grant(worker, 'kms:Sign');
    worker.addEventSource(new sources.SqsEventSource(batchQueue, { batchSize: 1, reportBatchItemFailures: true }));

    // One function and one rule per consumer, generated from the routing table.
    const dlqs = [batchDlq, streamDlq];
    for (const consumer of CONSUMERS) {
      const types = eventTypesFor(consumer);
      if (types.length === 0) continue;
      const id = `Consumer${consumer[0]!.toUpperCase()}${consumer.slice(1)}`;
      // 512 MB / 60 s: matching recomputes read indexes and score in memory.
      const fn = makeFunction(
        id,
        FUNCTION_ENTRIES.consumer,
        { memoryMB: 512, timeout: Duration.seconds(60) },
        {
          CONSUMER_NAME: consumer,
        },
      );
      // Table access only: consumers neither sign, page nor link.
      table.grantReadWriteData(fn);
      const dlq = deadLetterQueue(id);
      dlqs.push(dlq);
      new events.Rule(this, `${id}Rule`, {
        eventBus: bus,
        eventPattern: { source: [EVENT_SOURCE], detailType: types },
        targets: [
          new targets.LambdaFunction(fn, { deadLetterQueue: dlq, retryAttempts: 8, maxEventAge: Duration.hours(24) }),
        ],
      });
    }

    // --- HTTP API -------------------------------------------------------------------------------
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy,
    });
    const domainName = props.customDomain
      ? new apigw.DomainName(this, 'ApiDomain', {
          domainName: props.customDomain.domainName,
          certificate: acm.Certificate.fromCertificateArn(this, 'ApiCertificate', props.customDomain.certificateArn),
        })
      : undefined;
    const httpApi = new apigw.HttpApi(this, 'HttpApi', {
      ...(domainName ? { defaultDomainMapping: { domainName } } : {}),
      corsPreflight: {
        allowOrigins: [props.webOrigin],
        allowMethods: [apigw.CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
        exposeHeaders: ['etag', 'location', 'idempotent-replayed'],
        maxAge: Duration.hours(1),
      },
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
    // The origin credentials and links are minted under; every function that issues or links needs it.
    const publicOrigin = props.customDomain ? `https://${props.customDomain.domainName}` : httpApi.apiEndpoint;
    for (const fn of servedUnderOrigin) fn.addEnvironment('PUBLIC_ORIGIN', publicOrigin);
    // With provisioned concurrency the API is served through an alias whose instances are kept initialised.
    const apiTarget = props.apiProvisionedConcurrency
      ? new lambda.Alias(this, 'ApiLive', {
          aliasName: 'live',
          version: api.currentVersion,
          provisionedConcurrentExecutions: props.apiProvisionedConcurrency,
        })
      : api;
    const integration = new integrations.HttpLambdaIntegration('ApiIntegration', apiTarget);
    const jwt = new authorizers.HttpJwtAuthorizer('Cognito', issuerUrl, { jwtAudience: [client.userPoolClientId] });
    httpApi.addRoutes({ path: '/{proxy+}', methods: [apigw.HttpMethod.ANY], integration, authorizer: jwt });
    // Public routes (no token) come from the API's documented routes; every other route goes through the authorizer.
    for (const [method, path] of publicGatewayRoutes()) {
      const [route] = httpApi.addRoutes({ path, methods: [method], integration });
      Validations.of(route!).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'Public by design: health, docs, job search, ESCO look-up and credential verification need no account.',
      });
    }
    alarms.push(
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName: '5xx',
        dimensionsMap: { ApiId: httpApi.apiId },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }).createAlarm(this, 'Api5xx', { threshold: 1, evaluationPeriods: 1, alarmDescription: 'The API answered 5xx' }),
    );
    for (const [index, dlq] of dlqs.entries()) {
      alarms.push(
        dlq
          .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) })
          .createAlarm(this, `Dlq${index}Depth`, {
            threshold: 1,
            evaluationPeriods: 1,
            alarmDescription: `Messages in ${dlq.node.id}`,
          }),
      );
    }

    // Alarms notify through one topic (encrypted with a key CloudWatch may use; SSL-only publishing).
    const alarmKey = new kms.Key(this, 'AlarmTopicKey', {
      enableKeyRotation: true,
      description: 'Encrypts the skillpass alarm topic',
      removalPolicy,
    });
    alarmKey.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      masterKey: alarmKey,
      enforceSSL: true,
      displayName: `skillpass ${props.stage} alarms`,
    });
    for (const alarm of alarms) alarm.addAlarmAction(new cloudwatchActions.SnsAction(alarmTopic));
    if (props.alarmEmail) alarmTopic.addSubscription(new snsSubscriptions.EmailSubscription(props.alarmEmail));

    new CfnOutput(this, 'ApiUrl', { value: publicOrigin });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: alarmTopic.topicArn,
      description: 'Subscribe on-call email, chat or paging here',
    });
    if (domainName)
      new CfnOutput(this, 'ApiDomainTarget', {
        value: domainName.regionalDomainName,
        description: 'Point a CNAME (or alias) for the custom domain here',
      });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'SigningKeyAlias', {
      value: `alias/skillpass-${props.stage}-signing-${props.signingKeyGeneration}`,
    });
  }
}
