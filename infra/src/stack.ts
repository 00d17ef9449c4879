import { resolve } from 'node:path';
import {
  Aws,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
  Validations,
  aws_apigatewayv2 as apigw,
  aws_apigatewayv2_authorizers as authorizers,
  aws_apigatewayv2_integrations as integrations,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
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
  aws_route53 as route53,
  aws_route53_targets as route53Targets,
  aws_s3 as s3,
  aws_s3_deployment as s3deploy,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_sns_subscriptions as snsSubscriptions,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import { securityHeaders } from '@skillpass/api';
import { CONSUMERS, EVENT_SOURCE, eventTypesFor } from '@skillpass/events';
import { FUNCTION_ENTRIES } from '@skillpass/functions';
import { TABLE_DEFINITION } from '@skillpass/store';
import type { Construct } from 'constructs';
import { LAMBDA_BUNDLING } from './bundling.ts';
import { publicGatewayRoutes } from './public-routes.ts';
import {
  API_PATH_PATTERNS,
  JOB_SEARCH_PATH,
  PUBLIC_SEARCH_CODE,
  responseHeadersFrom,
  SPA_REWRITE_CODE,
} from './web.ts';

export interface SkillpassStackProps extends StackProps {
  stage: 'dev' | 'prod';
  /** Browser origin allowed by CORS on the API Gateway URL (the app itself is served from the same origin as the API). */
  webOrigin: string;
  /** The built web app (index.html + assets/), uploaded to the bucket behind CloudFront. */
  webDist: string;
  /** Generation of the signing key ("g1", "g2", …): a new one rotates the key, keeping the old one published. */
  signingKeyGeneration: string;
  /** Earlier generations whose keys stay published while credentials they signed are valid. */
  retiredSigningKeyGenerations?: string[];
  /**
   * A custom domain for the CloudFront distribution (app and API), with an ACM certificate in us-east-1 and, when a
   * Route 53 hosted zone is named, alias records in it. Credentials name their keys, status lists and verify page
   * under the public origin, so a lasting deployment should have one; without it the origin is the distribution's
   * *.cloudfront.net name.
   */
  customDomain?: { domainName: string; certificateArn: string; hostedZone?: { id: string; name: string } };
  /** Prefix of the Cognito managed login domain (`<prefix>.auth.<region>.amazoncognito.com`); unique per region. */
  authDomainPrefix?: string;
  /** A trust list file (external issuers, docs/credentials.md) shipped with the API function. */
  trustedIssuersFile?: string;
  /** Warm API instances kept ready (provisioned concurrency), so requests up to that concurrency never meet a cold start. */
  apiProvisionedConcurrency?: number;
  /** Subscribed to the alarm topic (the address confirms by email). */
  alarmEmail?: string;
  /**
   * Amazon SES: the verified identity (a domain or an address) the platform mails from, and the From address
   * under it. Without it the mail sender has no mailer: queued email fails, is retried and lands in its DLQ
   * (replayable once configured). In the SES sandbox only verified recipients receive mail, and the sender must
   * also be allowed to send to them: list their identities in `sandboxRecipients` (docs/delivery.md).
   */
  mail?: { identity: string; from: string; sandboxRecipients?: string[] };
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
    // Its Ed25519 companion signs the eddsa-rdfc-2022 Data Integrity proofs (the proof Open Badges 3.0 certification
    // asks for): KMS signs pure Ed25519 (ED25519_SHA_512, MessageType RAW), so this private key stays in KMS too.
    const ed25519SigningKey = new kms.Key(this, `Ed25519SigningKey${props.signingKeyGeneration}`, {
      description: `skillpass Data Integrity (eddsa-rdfc-2022) signing key, generation ${props.signingKeyGeneration}`,
      keySpec: kms.KeySpec.ECC_NIST_EDWARDS25519,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      alias: `alias/skillpass-${props.stage}-signing-${props.signingKeyGeneration}-ed25519`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const retiredKeys = (props.retiredSigningKeyGenerations ?? []).map((generation) => ({
      generation,
      alias: kms.Alias.fromAliasName(
        this,
        `Retired${generation}`,
        `alias/skillpass-${props.stage}-signing-${generation}`,
      ),
      // Generations deployed before Ed25519 keys existed have no such alias; the functions skip a missing one.
      ed25519Alias: kms.Alias.fromAliasName(
        this,
        `Retired${generation}Ed25519`,
        `alias/skillpass-${props.stage}-signing-${generation}-ed25519`,
      ),
    }));

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
    const alarms: cloudwatch.Alarm[] = [];
    const servedUnderOrigin: nodejs.NodejsFunction[] = [];
    const makeFunction = (
      id: string,
      entry: string,
      sizing: { memoryMB: number; timeout: Duration },
      environment: Record<string, string>,
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
      ed25519SigningKey.grant(fn, 'kms:GetPublicKey');
      for (const retired of retiredKeys) {
        retired.alias.grant(fn, 'kms:GetPublicKey');
        retired.ed25519Alias.grant(fn, 'kms:GetPublicKey');
      }
    };

    // --- Identity -------------------------------------------------------------------------
    // Graduates sign up themselves through managed login (email verified); the post-confirmation trigger puts them in
    // the graduate group. Employer, issuer and admin membership is granted by an admin (docs/deploy.md).
    // 256 MB / 10 s: one AdminAddUserToGroup call. It gets no shared configuration: the client id in it would make
    // the pool (whose trigger it is) depend on itself.
    const signUp = makeFunction(
      'GraduateSignUp',
      FUNCTION_ENTRIES.graduateSignUp,
      { memoryMB: 256, timeout: Duration.seconds(10) },
      { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    );
    const userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // An email address changes only once the new one is verified, so nobody signs in with an address they do not own.
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      userVerification: { emailStyle: cognito.VerificationEmailStyle.CODE },
      lambdaTriggers: { postConfirmation: signUp },
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
    // A separate policy, not the function's default one: the function must exist before the pool that triggers it,
    // and this grant names the pool.
    new iam.Policy(this, 'GraduateSignUpGroups', {
      roles: [signUp.role!],
      statements: [
        new iam.PolicyStatement({ actions: ['cognito-idp:AdminAddUserToGroup'], resources: [userPool.userPoolArn] }),
      ],
    });
    for (const group of ['graduate', 'employer', 'issuer', 'organiser', 'admin']) {
      new cognito.CfnUserPoolGroup(this, `Group${group}`, { userPoolId: userPool.userPoolId, groupName: group });
    }
    // Managed login (hosted UI) at <prefix>.auth.<region>.amazoncognito.com: sign-up, sign-in, password reset, MFA.
    const authDomain = userPool.addDomain('ManagedLogin', {
      cognitoDomain: { domainPrefix: props.authDomainPrefix ?? `skillpass-${props.stage}-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const issuerUrl = `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`;

    // --- Web: one origin for the app and the API -------------------------------------------------
    // The HTTP API is created here (its routes come later) because the distribution fronts it, and the app client's
    // callback URLs and the functions' PUBLIC_ORIGIN name the distribution.
    const httpApi = new apigw.HttpApi(this, 'HttpApi', {
      corsPreflight: {
        allowOrigins: [props.webOrigin],
        allowMethods: [apigw.CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
        exposeHeaders: ['etag', 'location', 'idempotent-replayed'],
        maxAge: Duration.hours(1),
      },
    });
    // Access logs of the bucket and the distribution, kept as long as the functions' logs.
    const accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL, which needs this ownership setting.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy,
      autoDeleteObjects: !prod,
    });
    Validations.of(accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket holds the access logs; logging its own accesses into itself would loop.',
    });
    // Private: only CloudFront reads it, through Origin Access Control. Its content is rebuilt from packages/web on
    // every deployment, so it is deleted with the stack in every stage.
    const webBucket = new s3.Bucket(this, 'WebBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogBucket,
      serverAccessLogsPrefix: 'web-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const spaRewrite = new cloudfront.Function(this, 'AppRoutes', {
      comment: 'Extension-less paths (app routes) are answered with /index.html',
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const appHeaders = new cloudfront.ResponseHeadersPolicy(this, 'AppHeaders', {
      comment: 'skillpass app: the API security headers for HTML (CSP without inline scripts, nosniff, no framing)',
      // The app exchanges its authorization code and refreshes tokens at the managed login domain.
      ...responseHeadersFrom(securityHeaders('html', { connectSrc: [authDomain.baseUrl()] }), true),
    });
    const apiHeaders = new cloudfront.ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: "skillpass API: the API's own security headers, filled in on API Gateway's answers",
      ...responseHeadersFrom(securityHeaders('other'), false),
    });
    const certificate = props.customDomain
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn)
      : undefined;
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: new origins.HttpOrigin(`${httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      // Every viewer header but Host (API Gateway routes on its own host name), every query string and cookie. With
      // caching disabled this policy forwards Authorization too, which the JWT authorizer and the function read.
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: apiHeaders,
    };
    // The public job search is cached as long as the API says (30 s): a busy region's searches then reach the single
    // OPENJOBS index partition once per page and language every 30 s, not once per reader (docs/deploy.md).
    const jobSearchBehavior: cloudfront.BehaviorOptions = {
      ...apiBehavior,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      cachePolicy: new cloudfront.CachePolicy(this, 'JobSearchCache', {
        comment: 'skillpass GET /v1/jobs: as long as the API says, keyed on the query and Accept-Language',
        // Only what the API marks cacheable is kept (a response without Cache-Control is not), and never long.
        defaultTtl: Duration.seconds(0),
        minTtl: Duration.seconds(0),
        maxTtl: Duration.seconds(60),
        queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
        // Accept-Language picks the labels' language when `lang` is absent (the API sends Vary, which CloudFront
        // ignores). Authorization is in the key only so that a POST's token reaches the API: the viewer-request
        // function removes it from every GET and HEAD first, so no cached search ever belongs to a token.
        headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Accept-Language', 'Authorization'),
        cookieBehavior: cloudfront.CacheCookieBehavior.none(),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      }),
      // No cookies, and only the headers a job post needs besides those of the key (which are forwarded anyway).
      originRequestPolicy: new cloudfront.OriginRequestPolicy(this, 'JobSearchOrigin', {
        comment: 'skillpass /v1/jobs: every query string; Content-Type and Idempotency-Key for a job post; no cookies',
        queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
        headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList('Content-Type', 'Idempotency-Key'),
        cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
      }),
      functionAssociations: [
        {
          function: new cloudfront.Function(this, 'PublicSearch', {
            comment: 'GET and HEAD /v1/jobs lose their Authorization header: the search is public, one cache entry',
            code: cloudfront.FunctionCode.fromInline(PUBLIC_SEARCH_CODE),
            runtime: cloudfront.FunctionRuntime.JS_2_0,
          }),
          eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
        },
      ],
    };
    const distribution = new cloudfront.Distribution(this, 'Web', {
      comment: `skillpass ${props.stage}: the web app and the API`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(webBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: appHeaders,
        functionAssociations: [{ function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      // In order: CloudFront takes the first pattern that matches, so the job search comes before `/v1/*`.
      additionalBehaviors: {
        [JOB_SEARCH_PATH]: jobSearchBehavior,
        ...Object.fromEntries(API_PATH_PATTERNS.map((pattern) => [pattern, apiBehavior])),
      },
      // No errorResponses: a distribution-wide one would answer the API's 403 and 404 with the app's page.
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: accessLogBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.customDomain && certificate
        ? {
            domainNames: [props.customDomain.domainName],
            certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    const acknowledgeDistribution = (findingId: string, reason: string) =>
      Validations.of(distribution).acknowledge({ id: findingId, reason });
    acknowledgeDistribution(
      'AwsSolutions-CFR1',
      'No geo restriction: graduates, employers and verifiers reach the service from anywhere, and credentials are checked abroad.',
    );
    acknowledgeDistribution(
      'AwsSolutions-CFR2',
      "No WAF web ACL by default (a CloudFront ACL lives in us-east-1 and is billed per request): the API stage is throttled at 100 req/s (burst 200), Cognito's threat protection guards sign-in, and the app is static files. Attach an ACL for a public launch (docs/deploy.md).",
    );
    if (!props.customDomain)
      acknowledgeDistribution(
        'AwsSolutions-CFR4',
        "Without a custom domain the distribution uses CloudFront's default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; with a domain the policy is TLSv1.2_2021.",
      );
    if (props.customDomain?.hostedZone) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: props.customDomain.hostedZone.id,
        zoneName: props.customDomain.hostedZone.name,
      });
      const target = route53.RecordTarget.fromAlias(new route53Targets.CloudFrontTarget(distribution));
      new route53.ARecord(this, 'WebAlias', { zone, recordName: props.customDomain.domainName, target });
      new route53.AaaaRecord(this, 'WebAliasIpv6', { zone, recordName: props.customDomain.domainName, target });
    }
    // Hashed assets first and kept (a page loaded before a deployment still finds its scripts), cached for a year;
    // then the pages, revalidated on every load, and the distribution's cached copies invalidated.
    const webSource = s3deploy.Source.asset(props.webDist);
    const assets = new s3deploy.BucketDeployment(this, 'WebAssets', {
      sources: [webSource],
      destinationBucket: webBucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const pages = new s3deploy.BucketDeployment(this, 'WebPages', {
      sources: [webSource],
      destinationBucket: webBucket,
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution,
      distributionPaths: ['/*'],
    });
    pages.node.addDependency(assets);
    // Both deployments run CDK's one bucket-deployment handler, a singleton at stack level.
    const deploymentHandler = this.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    for (const [findingId, reason] of [
      [
        'AwsSolutions-L1',
        "CDK's bucket-deployment handler runs the Python runtime aws-cdk-lib chooses; it moves with CDK upgrades.",
      ],
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "Lambda's basic execution policy only lets the deployment handler write its own CloudWatch logs.",
      ],
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => [
        `AwsSolutions-IAM5[Action::${action}]`,
        'CDK grants the deployment handler read on the asset bucket and write/delete on the web bucket; the wildcards cover object-level actions on those two buckets only.',
      ]),
      [
        // Named as cdk-nag prints it: the account and region concrete when the environment gives them.
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account}-${Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region}/*]`,
        "The handler reads the web app's zip from the CDK bootstrap asset bucket, whose objects are named by content hash.",
      ],
      [
        'AwsSolutions-IAM5[Resource::<WebBucket12880F5B.Arn>/*]',
        'The handler writes and prunes every object of the web bucket.',
      ],
      [
        'AwsSolutions-IAM5[Resource::*]',
        'cloudfront:CreateInvalidation and GetInvalidation, which CDK grants without a distribution ARN, to clear the cached pages after an upload.',
      ],
    ] as const) {
      if (deploymentHandler) Validations.of(deploymentHandler).acknowledge({ id: findingId, reason });
    }
    // The origin credentials and links are minted under, the app is served from and sign-in returns to.
    const publicOrigin = props.customDomain
      ? `https://${props.customDomain.domainName}`
      : `https://${distribution.distributionDomainName}`;

    // A public client (no secret) for the app: authorization code with PKCE only, no implicit flow. Tokens live in
    // the app's memory; the refresh token rotates on each use and lasts a week, and sign-out revokes it. Access and
    // ID tokens last 15 minutes, since API Gateway cannot see a revocation before they expire.
    const appOrigins = [publicOrigin, ...(prod ? [] : ['http://localhost:3000'])];
    const client = userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        // The app finishes the code exchange on its own route (packages/web/src/pkce.ts CALLBACK_PATH).
        callbackUrls: appOrigins.map((origin) => `${origin}/signed-in`),
        logoutUrls: appOrigins.map((origin) => `${origin}/`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(7),
      refreshTokenRotationGracePeriod: Duration.seconds(10),
      enableTokenRevocation: true,
    });
    // Managed login's pages in Cognito's default style; the branding designer can restyle them later.
    new cognito.CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const common: Record<string, string> = {
      TABLE_NAME: table.tableName,
      CURSOR_SECRET_ARN: cursorSecret.secretArn,
      SIGNING_KEY_ID: signingKey.keyArn,
      SIGNING_KEY_GENERATION: props.signingKeyGeneration,
      RETIRED_SIGNING_KEYS: retiredKeys.map((k) => `${k.generation}=${k.alias.aliasName}`).join(','),
      ED25519_SIGNING_KEY_ID: ed25519SigningKey.keyArn,
      RETIRED_ED25519_SIGNING_KEYS: retiredKeys.map((k) => `${k.generation}=${k.ed25519Alias.aliasName}`).join(','),
      AUTH_ISSUER: issuerUrl,
      AUTH_AUDIENCE: client.userPoolClientId,
      AUTH_JWKS_URL: `${issuerUrl}/.well-known/jwks.json`,
      EVENT_BUS_NAME: bus.eventBusName,
      BATCH_QUEUE_URL: batchQueue.queueUrl,
      SKILLPASS_TAXONOMY_DIR: '/var/task/taxonomy',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    // 1 GB: cold start is CPU-bound (module load, taxonomy on first look-up); 10 s covers a recompute.
    // The OpenAPI document is generated from the routes' zod schemas while bundling, not in the function.
    const api = makeFunction(
      'Api',
      FUNCTION_ENTRIES.api,
      { memoryMB: 1024, timeout: Duration.seconds(10) },
      {
        ...common,
        AUTH_DOMAIN_URL: authDomain.baseUrl(),
        AUTH_CLIENT_ID: client.userPoolClientId,
        ...(props.trustedIssuersFile ? { TRUSTED_ISSUERS_FILE: '/var/task/trusted-issuers.json' } : {}),
      },
      (inputDir, outputDir) => [
        // Rebuilt split (SPLIT_BUNDLING): index.mjs replaced by the same entry whose route modules and services are
        // chunks beside it, imported by the first request that needs them. The asset is the directory, chunks included.
        `cd ${inputDir} && node --import tsx scripts/bundle-split.ts functions/src/api.ts ${outputDir}`,
        `cd ${inputDir} && node --import tsx scripts/write-openapi.ts ${outputDir}/openapi.json`,
        ...(props.trustedIssuersFile
          ? [`cp ${resolve(props.trustedIssuersFile)} ${outputDir}/trusted-issuers.json`]
          : []),
      ],
    );
    table.grantReadWriteData(api);
    readKeyAndSecret(api);
    signingKey.grant(api, 'kms:Sign');
    ed25519SigningKey.grant(api, 'kms:Sign');
    batchQueue.grantSendMessages(api);

    // 256 MB / 60 s: the publisher only maps records and calls PutEvents.
    const publisher = makeFunction(
      'StreamPublisher',
      FUNCTION_ENTRIES.streamPublisher,
      { memoryMB: 256, timeout: Duration.seconds(60) },
      common,
    );
    bus.grantPutEventsTo(publisher);
    // It marks job and profile changes pending before publishing them (matching clears them once applied).
    table.grantWriteData(publisher);
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
    const worker = makeFunction(
      'CredentialBatchWorker',
      FUNCTION_ENTRIES.credentialBatchWorker,
      { memoryMB: 1024, timeout: Duration.minutes(15) },
      common,
    );
    table.grantReadWriteData(worker);
    servedUnderOrigin.push(api, worker);
    readKeyAndSecret(worker);
    signingKey.grant(worker, 'kms:Sign');
    ed25519SigningKey.grant(worker, 'kms:Sign');
    worker.addEventSource(new sources.SqsEventSource(batchQueue, { batchSize: 1, reportBatchItemFailures: true }));

    // A job's push to the graduates it reaches, in chunks of 500 (no cap): jobMatching queues them,
    // the push worker applies up to 4 chunks a delivery (a graduate several reach is recomputed once).
    const pushDlq = deadLetterQueue('Push');
    const pushQueue = new sqs.Queue(this, 'PushQueue', {
      visibilityTimeout: Duration.minutes(30),
      deadLetterQueue: { queue: pushDlq, maxReceiveCount: 5 },
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    // 1 GB / 5 min: scoring a chunk's graduates in memory and recomputing the lists a job enters.
    const pushWorker = makeFunction(
      'PushWorker',
      FUNCTION_ENTRIES.pushWorker,
      { memoryMB: 1024, timeout: Duration.minutes(5) },
      common,
    );
    table.grantReadWriteData(pushWorker);
    pushWorker.addEventSource(new sources.SqsEventSource(pushQueue, { batchSize: 4, reportBatchItemFailures: true }));

    // One function and one rule per consumer, generated from the routing table.
    const dlqs = [batchDlq, streamDlq, pushDlq];
    for (const consumer of CONSUMERS) {
      const types = eventTypesFor(consumer);
      if (types.length === 0) continue;
      const id = `Consumer${consumer[0]!.toUpperCase()}${consumer.slice(1)}`;
      // 512 MB / 60 s: matching recomputes read indexes and score in memory.
      const fn = makeFunction(
        id,
        FUNCTION_ENTRIES.consumer,
        { memoryMB: 512, timeout: Duration.seconds(60) },
        { ...common, CONSUMER_NAME: consumer },
      );
      // Table access only: consumers neither sign nor page; the delivery consumer links (the verify URL in its email).
      table.grantReadWriteData(fn);
      if (consumer === 'credentialDelivery') servedUnderOrigin.push(fn);
      if (consumer === 'mailSender' && props.mail) {
        fn.addEnvironment('MAIL_FROM', props.mail.from);
        // Only the platform's own identity (and, in the sandbox, the verified recipients SES also authorises against).
        const identityArn = (identity: string) =>
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [props.mail.identity, ...(props.mail.sandboxRecipients ?? [])].map(identityArn),
          }),
        );
      }
      if (consumer === 'jobMatching') {
        fn.addEnvironment('PUSH_QUEUE_URL', pushQueue.queueUrl);
        pushQueue.grantSendMessages(fn);
      }
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

    // --- HTTP API routes---------------------------------------------------------------------------
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy,
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
    // Every function that issues or links needs the public origin. No cycle: the distribution depends on the HTTP
    // API resource only, not on its routes and integrations, which are what depend on the functions.
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

    new CfnOutput(this, 'AppUrl', {
      value: publicOrigin,
      description: 'The web app and the API (under /v1/ and the other API paths); credentials name this origin',
    });
    new CfnOutput(this, 'DistributionDomainName', {
      value: distribution.distributionDomainName,
      description: 'Point a CNAME (or alias) for the custom domain here, when no hosted zone was given',
    });
    new CfnOutput(this, 'ApiGatewayUrl', {
      value: httpApi.apiEndpoint,
      description: 'The HTTP API without CloudFront, for diagnosis; links and credentials use AppUrl',
    });
    new CfnOutput(this, 'AuthDomainUrl', { value: authDomain.baseUrl(), description: 'Cognito managed login' });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: alarmTopic.topicArn,
      description: 'Subscribe on-call email, chat or paging here',
    });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'SigningKeyAlias', {
      value: `alias/skillpass-${props.stage}-signing-${props.signingKeyGeneration}`,
    });
    new CfnOutput(this, 'Ed25519SigningKeyAlias', {
      value: `alias/skillpass-${props.stage}-signing-${props.signingKeyGeneration}-ed25519`,
    });
  }
}
