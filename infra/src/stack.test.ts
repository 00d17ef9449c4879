import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { type ConsumerName, CONSUMERS, eventTypesFor } from '@skillpass/events';
import { FUNCTION_ENTRIES } from '@skillpass/functions';

/** The web app's sign-in callback route (packages/web/src/pkce.ts). */
const CALLBACK_PATH = '/signed-in';
import { describe, expect, it } from 'vitest';
import { documentedRoutesOfTheApi } from '../../scripts/write-openapi.ts';
import { buildApp } from './app.ts';
import { gatewayPathOf, isPublicRoute } from './public-routes.ts';
import { securityHeaders } from '@skillpass/api';
import { API_PATH_PATTERNS, JOB_SEARCH_PATH, PUBLIC_SEARCH_CODE, SPA_REWRITE_CODE } from './web.ts';

// A built web app stands in for packages/web/dist, so these tests need no web build.
const webDist = mkdtempSync(join(tmpdir(), 'web-dist-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(
  join(webDist, 'index.html'),
  '<!doctype html><script type="module" src="/assets/app-1a2b3c.js"></script>',
);
writeFileSync(join(webDist, 'assets/app-1a2b3c.js'), 'document.title = "skillpass";');

// Skip bundling: these tests read the template, not the code.
const synth = (context: Record<string, unknown> = {}) => {
  const { app, stack } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], webDist, ...context } }));
  const assembly = app.synth();
  return { template: Template.fromStack(stack), assembly };
};

const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';

interface CacheBehavior {
  PathPattern: string;
  TargetOriginId: string;
  FunctionAssociations?: unknown[];
  ResponseHeadersPolicyId: unknown;
}
interface DistributionConfig {
  Origins: Array<{ Id: string; DomainName: unknown; S3OriginConfig?: unknown; CustomOriginConfig?: unknown }>;
  DefaultCacheBehavior: Omit<CacheBehavior, 'PathPattern'>;
  CacheBehaviors: CacheBehavior[];
  CustomErrorResponses?: unknown[];
}
interface HeadersPolicyConfig {
  SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown; Override: boolean } };
}
interface PolicyStatement {
  Effect: string;
  Action: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

/** CloudFront's path-pattern match: `*` any run of characters, `?` one, case-sensitive, the whole path. */
const cloudFrontMatches = (pattern: string, path: string): boolean =>
  new RegExp(
    `^${pattern
      .replaceAll(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
  ).test(path);

interface CfnResource {
  Type: string;
  Properties?: unknown;
  DependsOn?: string | string[];
}
interface OurFunction {
  Properties: { Handler?: string; Environment: { Variables: Record<string, unknown> } };
}

/** The project's functions (bundled from functions/src), not CDK's own handlers (bucket deployment, auto-delete). */
const ourFunctions = (t: Template): OurFunction[] =>
  Object.values(t.findResources('AWS::Lambda::Function')).filter(
    (f) =>
      (f.Properties as { Environment?: { Variables?: Record<string, string> } }).Environment?.Variables
        ?.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === 'true',
  ) as OurFunction[];

/** Logical ids a CloudFormation value refers to (Ref, Fn::GetAtt, Fn::Sub). */
function referencesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) referencesIn(item, found);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') found.add(inner);
      else if (key === 'Fn::GetAtt') found.add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]!);
      else if (key === 'Fn::Sub') {
        const [text, variables] = Array.isArray(inner) ? inner : [inner, undefined];
        for (const match of String(text).matchAll(/\$\{([^}.!]+)/g)) found.add(match[1]!);
        referencesIn(variables, found);
      } else referencesIn(inner, found);
    }
  return found;
}

/** A dependency cycle among the template's resources (CloudFormation refuses such a template), as a path. */
function findCycle(resources: Record<string, CfnResource>): string[] | undefined {
  const edges = (id: string) =>
    [...referencesIn(resources[id]!.Properties), ...[resources[id]!.DependsOn ?? []].flat()].filter(
      (other) => other in resources,
    );
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    if (state.get(id) === 'done') return undefined;
    state.set(id, 'open');
    for (const next of edges(id)) {
      const cycle = visit(next, [...path, id]);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const id of Object.keys(resources)) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the skillpass stack', () => {
  const { template } = synth();

  it('passes the cdk-nag AwsSolutions gate with every acknowledgement explained', () => {
    // app.synth() throws a ValidationFailed error on any unacknowledged finding.
    expect(() => synth({ stage: 'prod' })).not.toThrow();
  });

  it('builds the table from the shared definition: on-demand, PITR, TTL, stream, encryption', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: 'ByOwner' })]),
      SSESpecification: Match.anyValue(),
    });
  });

  it('runs every function on nodejs22.x, arm64, with tracing', () => {
    const ours = ourFunctions(template);
    // One function per entry, except the consumer entry: one function per consumer with events.
    const consumers = CONSUMERS.filter((c) => eventTypesFor(c).length > 0).length;
    expect(ours.length).toBe(Object.keys(FUNCTION_ENTRIES).length - 1 + consumers);
    for (const fn of ours) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
      });
    }
  });

  it('fronts the API with an HTTP API, a Cognito JWT authorizer, throttling and access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}', AuthorizationType: 'JWT' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /v1/verify',
      AuthorizationType: 'NONE',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
  });

  it('lets exactly the documented public routes past API Gateway without a token', () => {
    const routes = documentedRoutesOfTheApi();
    const open = Object.values(template.findResources('AWS::ApiGatewayV2::Route'))
      .map((r) => r.Properties as { RouteKey: string; AuthorizationType?: string })
      .filter((r) => r.AuthorizationType !== 'JWT')
      .map((r) => r.RouteKey);
    const keyOf = (route: (typeof routes)[number]) => `${route.method.toUpperCase()} ${gatewayPathOf(route.path)}`;
    const publicKeys = routes.filter(isPublicRoute).map(keyOf);
    // A public route missing here would ask for a token API Gateway's clients cannot have.
    expect(new Set(open)).toEqual(new Set(publicKeys));
    // A protected route sharing a public route's key would skip the authorizer.
    for (const route of routes.filter((r) => !isPublicRoute(r))) expect(open, keyOf(route)).not.toContain(keyOf(route));
    expect(publicKeys).toContain('POST /v1/verify');
    expect(open).not.toContain('PUT /v1/profiles/me');
  });

  it('mints credentials under the public origin: the distribution, or the custom domain when one is given', () => {
    const origins = ourFunctions(template).map((f) => f.Properties.Environment.Variables.PUBLIC_ORIGIN);
    // The API and the batch worker issue credentials and links, and the credential delivery consumer mails verify
    // links; the publisher, the other consumers and the sign-up trigger do not.
    expect(origins.filter(Boolean)).toHaveLength(3);
    for (const origin of origins.filter(Boolean))
      expect(origin).toEqual({
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^Web[0-9A-F]{8}$/), 'DomainName'] }]],
      });

    const custom = synth({ domainName: 'skillpass.example', certificateArn: CERTIFICATE }).template;
    custom.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['skillpass.example'],
        ViewerCertificate: Match.objectLike({ AcmCertificateArn: CERTIFICATE, MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PUBLIC_ORIGIN: 'https://skillpass.example' }) },
    });
    custom.resourceCountIs('AWS::Route53::RecordSet', 0);
    // The API has no domain of its own any more: CloudFront is its public face.
    custom.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    const zoned = synth({
      domainName: 'skillpass.example',
      certificateArn: CERTIFICATE,
      hostedZoneId: 'Z0123456789',
      hostedZoneName: 'skillpass.example',
    }).template;
    for (const type of ['A', 'AAAA'])
      zoned.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'skillpass.example.',
        Type: type,
        HostedZoneId: 'Z0123456789',
        AliasTarget: Match.objectLike({ DNSName: { 'Fn::GetAtt': [Match.anyValue(), 'DomainName'] } }),
      });
    expect(() => synth({ domainName: 'skillpass.example' })).toThrow('give domainName and certificateArn together');
    expect(() =>
      synth({ domainName: 'skillpass.example', certificateArn: CERTIFICATE.replace('us-east-1', 'eu-central-1') }),
    ).toThrow(/us-east-1/);
    expect(() => synth({ hostedZoneId: 'Z0123456789', hostedZoneName: 'skillpass.example' })).toThrow(
      'hostedZoneId needs a domainName',
    );
  });

  it('has no dependency cycle, though the functions name the distribution that fronts their API', () => {
    for (const context of [{}, { apiProvisionedConcurrency: 1 }, { stage: 'prod' }]) {
      const resources = synth(context).template.toJSON().Resources as Record<string, CfnResource>;
      expect(findCycle(resources), JSON.stringify(context)).toBeUndefined();
    }
    // The guard works: a resource naming one that names it back is a cycle.
    expect(
      findCycle({
        A: { Type: 'T', Properties: { X: { Ref: 'B' } } },
        B: { Type: 'T', Properties: { Y: { 'Fn::GetAtt': ['A', 'Arn'] } } },
      }),
    ).toEqual(['A', 'B', 'A']);
  });

  it('ships a trust list with the API when given one, and refuses a wrong one at synth', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-'));
    const file = join(dir, 'trusted-issuers.json');
    writeFileSync(file, JSON.stringify([{ id: 'did:web:tafe.example.au', name: 'TAFE Example' }]));
    synth({ trustedIssuersFile: file }).template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ TRUSTED_ISSUERS_FILE: '/var/task/trusted-issuers.json' }) },
    });
    writeFileSync(file, JSON.stringify([{ id: 'https://no-keys.example', name: 'No keys' }]));
    expect(() => synth({ trustedIssuersFile: file })).toThrow(/not a valid trust list/);
  });

  it('serves the API through a provisioned-concurrency alias when asked, and straight from the function otherwise', () => {
    template.resourceCountIs('AWS::Lambda::Alias', 0);
    const warm = synth({ apiProvisionedConcurrency: 2 }).template;
    warm.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 },
    });
    const [integration] = Object.values(warm.findResources('AWS::ApiGatewayV2::Integration'));
    expect(JSON.stringify(integration)).toContain('ApiLive');
    expect(() => synth({ apiProvisionedConcurrency: 'lots' })).toThrow(
      'apiProvisionedConcurrency must be a whole number',
    );
  });

  it('creates the five Cognito groups (graduate, employer, issuer, organiser, admin) and an app client', () => {
    for (const group of ['graduate', 'employer', 'issuer', 'organiser', 'admin'])
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
  });

  it('lets graduates sign up with a verified email, and makes them graduates through the post-confirmation trigger', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      LambdaConfig: { PostConfirmation: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GraduateSignUp'), 'Arn'] } },
    });
    // The trigger gets no shared configuration: the client id in it would make the pool depend on itself.
    const [trigger] = Object.entries(template.findResources('AWS::Lambda::Function'))
      .filter(([id]) => id.startsWith('GraduateSignUp'))
      .map(([, f]) => f as OurFunction);
    expect(Object.keys(trigger!.Properties.Environment.Variables)).toEqual([
      'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
    ]);
    // Only the trigger may add people to groups, and only in this pool.
    const groupGrants = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([, policy]) =>
      JSON.stringify(policy).includes('cognito-idp:AdminAddUserToGroup'),
    );
    expect(groupGrants).toHaveLength(1);
    expect(groupGrants[0]![1].Properties).toMatchObject({
      PolicyDocument: {
        Statement: [
          {
            Action: 'cognito-idp:AdminAddUserToGroup',
            Resource: { 'Fn::GetAtt': [expect.stringMatching(/^UserPool/), 'Arn'] },
          },
        ],
      },
      Roles: [{ Ref: expect.stringMatching(/^GraduateSignUpServiceRole/) }],
    });
  });

  it('offers Cognito managed login on a user pool domain', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { 'Fn::Join': ['', ['skillpass-dev-', { Ref: 'AWS::AccountId' }]] },
      ManagedLoginVersion: 2,
    });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
    synth({ authDomainPrefix: 'skillpass-delta' }).template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'skillpass-delta',
    });
  });

  it('signs the app in with the authorization code flow and PKCE: a public client, no implicit flow, rotating refresh tokens', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 10080,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    });
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(JSON.stringify(client)).not.toContain('implicit');
    expect(JSON.stringify(client)).not.toContain('example.com');
  });

  it('returns sign-in and sign-out to the public origin, and to http://localhost:3000 in the dev stage only', () => {
    const originThen = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^Web[0-9A-F]{8}$/), 'DomainName'] }, path]],
    });
    const urls = (t: Template) => {
      const [client] = Object.values(t.findResources('AWS::Cognito::UserPoolClient'));
      const { CallbackURLs, LogoutURLs } = client!.Properties as { CallbackURLs: unknown[]; LogoutURLs: unknown[] };
      return { CallbackURLs, LogoutURLs };
    };
    // Sign-in returns to the app's own callback route (packages/web/src/pkce.ts), sign-out to its home page.
    expect(urls(template)).toEqual({
      CallbackURLs: [originThen(`${CALLBACK_PATH}`), `http://localhost:3000${CALLBACK_PATH}`],
      LogoutURLs: [originThen('/'), 'http://localhost:3000/'],
    });
    expect(urls(synth({ stage: 'prod' }).template)).toEqual({
      CallbackURLs: [originThen(CALLBACK_PATH)],
      LogoutURLs: [originThen('/')],
    });
    expect(
      urls(synth({ stage: 'prod', domainName: 'skillpass.example', certificateArn: CERTIFICATE }).template),
    ).toEqual({
      CallbackURLs: [`https://skillpass.example${CALLBACK_PATH}`],
      LogoutURLs: ['https://skillpass.example/'],
    });
  });

  it('tells the API where managed login is and which client the app uses', () => {
    const api = ourFunctions(template).find((f) => f.Properties.Environment.Variables.AUTH_DOMAIN_URL);
    expect(api?.Properties.Environment.Variables).toMatchObject({
      AUTH_DOMAIN_URL: {
        'Fn::Join': [
          '',
          [
            'https://',
            { Ref: expect.stringMatching(/^UserPoolManagedLogin/) },
            '.auth.',
            { Ref: 'AWS::Region' },
            '.amazoncognito.com',
          ],
        ],
      },
      AUTH_CLIENT_ID: { Ref: expect.stringMatching(/^UserPoolWebClient/) },
      AUTH_AUDIENCE: { Ref: expect.stringMatching(/^UserPoolWebClient/) },
    });
    // Only the API answers GET /auth/config.
    expect(ourFunctions(template).filter((f) => f.Properties.Environment.Variables.AUTH_CLIENT_ID)).toHaveLength(1);
  });

  it('generates one EventBridge rule per consumer from the routing table, each with a DLQ and retries', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    const routed = CONSUMERS.filter((c) => eventTypesFor(c).length > 0);
    expect(rules).toHaveLength(routed.length);
    for (const consumer of routed) {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: { source: ['skillpass'], 'detail-type': eventTypesFor(consumer) },
        Targets: [
          Match.objectLike({
            DeadLetterConfig: Match.anyValue(),
            RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
          }),
        ],
      });
    }
    // Each rule invokes the function of the consumer whose event types it matches (not another consumer's).
    const functions = template.findResources('AWS::Lambda::Function');
    for (const rule of rules) {
      const { EventPattern, Targets } = rule.Properties as {
        EventPattern: { 'detail-type': string[] };
        Targets: Array<{ Arn: { 'Fn::GetAtt': [string, string] } }>;
      };
      const target = functions[Targets[0]!.Arn['Fn::GetAtt'][0]]!;
      const consumer = (target.Properties as { Environment: { Variables: { CONSUMER_NAME: ConsumerName } } })
        .Environment.Variables.CONSUMER_NAME;
      expect(EventPattern['detail-type']).toEqual(eventTypesFor(consumer));
    }
  });

  it('feeds the publisher from the stream with bisect-on-error, retries and a DLQ; batches go through SQS', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }) });
  });

  it('pushes jobs through an SQS queue with a DLQ to a push worker; only jobMatching sends to it', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    const pushQueueId = Object.keys(queues).find((id) => id.startsWith('PushQueue'))!;
    expect(queues[pushQueueId]!.Properties).toMatchObject({
      RedrivePolicy: {
        maxReceiveCount: 5,
        deadLetterTargetArn: { 'Fn::GetAtt': [expect.stringMatching(/^PushDlq/), 'Arn'] },
      },
      SqsManagedSseEnabled: true,
    });
    const functions = template.findResources('AWS::Lambda::Function');
    const workerId = Object.keys(functions).find((id) => id.startsWith('PushWorker'))!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [pushQueueId, 'Arn'] },
      FunctionName: { Ref: workerId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const withQueueUrl = Object.values(functions)
      .map((f) => f.Properties as { Environment?: { Variables?: Record<string, unknown> } })
      .filter((p) => JSON.stringify(p.Environment?.Variables?.PUSH_QUEUE_URL ?? '').includes(pushQueueId))
      .map((p) => p.Environment!.Variables!.CONSUMER_NAME);
    expect(withQueueUrl).toEqual(['jobMatching']);
    const senders = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(
        ([, policy]) =>
          JSON.stringify(policy).includes('sqs:SendMessage') && JSON.stringify(policy).includes(pushQueueId),
      )
      .map(([id]) => id);
    expect(senders).toEqual([expect.stringMatching(/^ConsumerJobMatching/)]);
  });

  it('mails through SES from the configured identity: only the mail sender may send, and only as that identity', () => {
    const mail = {
      mailIdentity: 'skillpass.example.com',
      mailFrom: 'no-reply@skillpass.example.com',
      mailSandboxRecipients: 'tester@example.org',
    };
    // cdk-nag stays clean with mail configured (synth throws on an unacknowledged finding).
    const { template: withMail } = synth({ stage: 'prod', ...mail });
    const functions = withMail.findResources('AWS::Lambda::Function');
    const withFrom = Object.values(functions)
      .map((f) => f.Properties as { Environment?: { Variables?: Record<string, unknown> } })
      .filter((p) => p.Environment?.Variables?.MAIL_FROM)
      .map((p) => [p.Environment!.Variables!.CONSUMER_NAME, p.Environment!.Variables!.MAIL_FROM]);
    expect(withFrom).toEqual([['mailSender', mail.mailFrom]]);
    const sesPolicies = Object.entries(withMail.findResources('AWS::IAM::Policy')).filter(([, policy]) =>
      JSON.stringify(policy).includes('ses:'),
    );
    expect(sesPolicies.map(([id]) => id)).toEqual([expect.stringMatching(/^ConsumerMailSender/)]);
    const statement = (
      sesPolicies[0]![1].Properties as { PolicyDocument: { Statement: Array<{ Action: unknown; Resource: unknown }> } }
    ).PolicyDocument.Statement.find((st) => JSON.stringify(st.Action).includes('ses:'))!;
    expect(statement.Action).toBe('ses:SendEmail');
    const resources = JSON.stringify(statement.Resource);
    expect(resources).toContain(':identity/skillpass.example.com');
    expect(resources).toContain(':identity/tester@example.org');
    expect(resources).not.toContain('*');
    // The delivery consumer links to the verify page under the public origin.
    const delivery = Object.values(functions)
      .map((f) => f.Properties as { Environment?: { Variables?: Record<string, unknown> } })
      .find((p) => p.Environment?.Variables?.CONSUMER_NAME === 'credentialDelivery')!;
    expect(delivery.Environment!.Variables!.PUBLIC_ORIGIN).toBeDefined();
    // Without mail settings nothing may send email; half the settings are refused at synth.
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).not.toContain('ses:');
    expect(() => synth({ mailIdentity: 'skillpass.example.com' })).toThrow(/together/);
    expect(() => synth({ mailIdentity: 'skillpass.example.com', mailFrom: 'x@other.example' })).toThrow(/domain/);
  });

  it('signs with a KMS P-256 key that only the issuing functions may use to sign', () => {
    template.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/skillpass-dev-signing-g1' });
    const policies = template.findResources('AWS::IAM::Policy');
    const signers = Object.entries(policies)
      .filter(([, policy]) => JSON.stringify(policy).includes('"kms:Sign"'))
      .map(([id]) => id);
    expect(signers.sort()).toEqual([
      expect.stringMatching(/^ApiServiceRole/),
      expect.stringMatching(/^CredentialBatchWorkerServiceRole/),
    ]);
    // Consumers and the publisher touch neither the key nor the cursor secret.
    for (const [id, policy] of Object.entries(policies).filter(([id]) => /^(Consumer|StreamPublisher)/.test(id))) {
      expect(JSON.stringify(policy), id).not.toMatch(/kms:|secretsmanager:/);
    }
  });

  it('signs Data Integrity proofs with a KMS Ed25519 key that only the issuing functions may use to sign', () => {
    const keys = template.findResources('AWS::KMS::Key', {
      Properties: { KeySpec: 'ECC_NIST_EDWARDS25519', KeyUsage: 'SIGN_VERIFY' },
    });
    expect(Object.keys(keys)).toEqual([expect.stringMatching(/^Ed25519SigningKeyg1/)]);
    const [keyId] = Object.keys(keys);
    expect(Object.values(keys)[0]).toMatchObject({ DeletionPolicy: 'Retain' });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/skillpass-dev-signing-g1-ed25519' });
    // Only the issuing functions may sign with it; every function that publishes keys may read its public half.
    const policies = template.findResources('AWS::IAM::Policy');
    const signWith = (policy: unknown) =>
      (
        policy as { Properties: { PolicyDocument: { Statement: Array<{ Action: unknown; Resource: unknown }> } } }
      ).Properties.PolicyDocument.Statement.some(
        (s) => JSON.stringify(s.Action).includes('"kms:Sign"') && JSON.stringify(s.Resource).includes(keyId!),
      );
    expect(
      Object.entries(policies)
        .filter(([, policy]) => signWith(policy))
        .map(([id]) => id)
        .sort(),
    ).toEqual([expect.stringMatching(/^ApiServiceRole/), expect.stringMatching(/^CredentialBatchWorkerServiceRole/)]);
    // The API and the batch worker are told which key it is, and where retired generations' Ed25519 keys would be.
    const functions = Object.entries(template.findResources('AWS::Lambda::Function'));
    for (const name of ['Api', 'CredentialBatchWorker']) {
      const [, fn] = functions.find(([id]) => id.startsWith(name) && !id.startsWith(`${name}Log`))!;
      const env = (fn as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment
        .Variables;
      expect(JSON.stringify(env.ED25519_SIGNING_KEY_ID), name).toContain(keyId);
      expect(env.RETIRED_ED25519_SIGNING_KEYS, name).toBe('');
    }
  });

  it('alarms on DLQ depth, function errors and throttles, and API 5xx', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties as { MetricName: string },
    );
    const names = alarms.map((a) => a.MetricName);
    expect(names).toContain('5xx');
    expect(names).toContain('ApproximateNumberOfMessagesVisible');
    expect(names.filter((n) => n === 'Errors').length).toBeGreaterThanOrEqual(3);
    expect(names.filter((n) => n === 'Throttles').length).toBeGreaterThanOrEqual(3);
  });

  it('sends every alarm to one encrypted topic, with an email subscription when given', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(5);
    for (const alarm of alarms) {
      expect((alarm.Properties as { AlarmActions: unknown[] }).AlarmActions).toEqual([
        { Ref: expect.stringMatching(/^AlarmTopic/) },
      ]);
    }
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    synth({ alarmEmail: 'oncall@example.com' }).template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
  });

  it('retains data in prod and not in dev', () => {
    const prod = synth({ stage: 'prod' }).template;
    prod.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});

describe('the web distribution', () => {
  const { template } = synth();
  const config = () => {
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    return (distribution!.Properties as { DistributionConfig: DistributionConfig }).DistributionConfig;
  };

  it('serves the app from a private bucket through Origin Access Control', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const s3Origin = config().Origins.find((o) => o.S3OriginConfig);
    expect(s3Origin).toMatchObject({
      OriginAccessControlId: { 'Fn::GetAtt': [expect.any(String), 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'web-bucket/' }),
    });
    // Every bucket blocks public access; the web bucket's policy lets only this distribution read.
    for (const bucket of Object.values(template.findResources('AWS::S3::Bucket')))
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: expect.objectContaining({
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        }),
      });
    const reads = Object.values(template.findResources('AWS::S3::BucketPolicy'))
      .flatMap((p) => (p.Properties as { PolicyDocument: { Statement: PolicyStatement[] } }).PolicyDocument.Statement)
      .filter((statement) => statement.Effect === 'Allow' && JSON.stringify(statement.Action).includes('s3:GetObject'));
    expect(reads).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
    // The only statements naming everyone deny what is not TLS.
    const toEveryone = Object.values(template.findResources('AWS::S3::BucketPolicy'))
      .flatMap((p) => (p.Properties as { PolicyDocument: { Statement: PolicyStatement[] } }).PolicyDocument.Statement)
      .filter((statement) => JSON.stringify(statement.Principal) === '{"AWS":"*"}' || statement.Principal === '*');
    expect(toEveryone.length).toBeGreaterThan(0);
    for (const statement of toEveryone)
      expect(statement).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  it('sends every API path prefix to the HTTP API: no caching, all viewer headers but Host, all query strings, all methods', () => {
    const { CacheBehaviors, Origins } = config();
    const apiOrigin = Origins.find((o) => o.CustomOriginConfig)!;
    expect(apiOrigin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(JSON.stringify(apiOrigin.DomainName)).toMatch(/HttpApi.*execute-api/);
    expect(CacheBehaviors.map((b) => b.PathPattern).sort()).toEqual([JOB_SEARCH_PATH, ...API_PATH_PATTERNS].sort());
    for (const behavior of CacheBehaviors.filter((b) => b.PathPattern !== JOB_SEARCH_PATH))
      expect(behavior, behavior.PathPattern).toMatchObject({
        TargetOriginId: apiOrigin.Id,
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        ViewerProtocolPolicy: 'redirect-to-https',
      });
  });

  it('caches the public job search only: keyed on the query and Accept-Language, no token or cookie in a cached answer', () => {
    const { CacheBehaviors, Origins } = config();
    const jobs = CacheBehaviors.find((b) => b.PathPattern === JOB_SEARCH_PATH)!;
    // First: CloudFront takes the first matching pattern, and `/v1/*` would take the search too.
    expect(CacheBehaviors[0]!.PathPattern).toBe(JOB_SEARCH_PATH);
    expect(jobs).toMatchObject({
      TargetOriginId: Origins.find((o) => o.CustomOriginConfig)!.Id,
      // POST /v1/jobs (posting a job) shares the path: every method passes, only GET and HEAD are cached.
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachedMethods: ['GET', 'HEAD'],
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: { Ref: expect.stringMatching(/^JobSearchCache/) },
      OriginRequestPolicyId: { Ref: expect.stringMatching(/^JobSearchOrigin/) },
      FunctionAssociations: [
        {
          EventType: 'viewer-request',
          FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^PublicSearch/), 'FunctionARN'] },
        },
      ],
    });
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        Name: Match.anyValue(),
        Comment: Match.anyValue(),
        // The API's max-age decides (30 s); what it does not mark cacheable is not kept.
        DefaultTTL: 0,
        MinTTL: 0,
        MaxTTL: 60,
        ParametersInCacheKeyAndForwardedToOrigin: {
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Accept-Language', 'Authorization'] },
          CookiesConfig: { CookieBehavior: 'none' },
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
        },
      },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: Match.objectLike({
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Content-Type', 'Idempotency-Key'] },
        CookiesConfig: { CookieBehavior: 'none' },
      }),
    });
    // The function, run as CloudFront would: a search loses the token before the cache key is made, a job post keeps it.
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: PUBLIC_SEARCH_CODE });
    type Request = { method: string; headers: Record<string, { value: string }> };
    const handler = new Function(`${PUBLIC_SEARCH_CODE}; return handler;`)() as (event: {
      request: Request;
    }) => Request;
    const run = (method: string) =>
      handler({
        request: { method, headers: { authorization: { value: 'Bearer t' }, 'accept-language': { value: 'zh' } } },
      }).headers;
    expect(run('GET')).toEqual({ 'accept-language': { value: 'zh' } });
    expect(run('HEAD')).toEqual({ 'accept-language': { value: 'zh' } });
    expect(run('POST')).toEqual({ authorization: { value: 'Bearer t' }, 'accept-language': { value: 'zh' } });
  });

  it('covers every documented API route with an API behaviour, and leaves the app routes to the app', () => {
    const toApi = (path: string) => API_PATH_PATTERNS.some((pattern) => cloudFrontMatches(pattern, path));
    for (const route of documentedRoutesOfTheApi()) {
      const path = route.path.replaceAll(/\{[^}]+\}/g, 'x1');
      expect(toApi(path), route.path).toBe(true);
    }
    for (const appPath of [
      '/',
      '/index.html',
      '/check',
      '/matches',
      '/wallet/c1',
      '/verify-help',
      '/assets/app-1a2b.js',
    ])
      expect(toApi(appPath), appPath).toBe(false);
  });

  it('answers app routes with index.html by a viewer-request function on the app behaviour only, never by error responses', () => {
    const { DefaultCacheBehavior, CacheBehaviors, CustomErrorResponses, Origins } = config();
    expect(CustomErrorResponses).toBeUndefined();
    expect(DefaultCacheBehavior).toMatchObject({
      TargetOriginId: Origins.find((o) => o.S3OriginConfig)!.Id,
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', // Managed-CachingOptimized
      FunctionAssociations: [
        {
          EventType: 'viewer-request',
          FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^AppRoutes/), 'FunctionARN'] },
        },
      ],
    });
    for (const behavior of CacheBehaviors.filter((b) => b.PathPattern !== JOB_SEARCH_PATH))
      expect(behavior.FunctionAssociations).toBeUndefined();
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: SPA_REWRITE_CODE,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    // The function itself, run as CloudFront would: extension-less paths become /index.html, files keep theirs.
    const handler = new Function(`${SPA_REWRITE_CODE}; return handler;`)() as (event: { request: { uri: string } }) => {
      uri: string;
    };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/check')).toBe('/index.html');
    expect(rewrite('/wallet/c1')).toBe('/index.html');
    expect(rewrite('/assets/app-1a2b.js')).toBe('/assets/app-1a2b.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
  });

  it('sets the API security headers on the app (CSP allowing the managed login domain) and fills them in on the API', () => {
    const policies = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')).map(
      (p) => (p.Properties as { ResponseHeadersPolicyConfig: HeadersPolicyConfig }).ResponseHeadersPolicyConfig,
    );
    const app = policies.find((p) => p.SecurityHeadersConfig.ContentSecurityPolicy.Override)!;
    const api = policies.find((p) => !p.SecurityHeadersConfig.ContentSecurityPolicy.Override)!;
    const csp = JSON.stringify(app.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/\*\.amazoncognito\.com https:\/\/",\{"Ref":"UserPoolManagedLogin/,
    );
    expect(app.SecurityHeadersConfig).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: securityHeaders('html')['Referrer-Policy'], Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, Override: true },
    });
    expect(api.SecurityHeadersConfig).toMatchObject({
      ContentSecurityPolicy: {
        ContentSecurityPolicy: securityHeaders('other')['Content-Security-Policy'],
        Override: false,
      },
      ContentTypeOptions: { Override: false },
      FrameOptions: { FrameOption: 'DENY', Override: false },
    });
    const { DefaultCacheBehavior, CacheBehaviors } = config();
    expect(DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: expect.stringMatching(/^AppHeaders/) });
    for (const behavior of CacheBehaviors)
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: expect.stringMatching(/^ApiHeaders/) });
  });

  it('uploads hashed assets to keep for a year and pages to revalidate, then invalidates the cached pages', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')).map(
      (d) => d.Properties as Record<string, unknown>,
    );
    expect(deployments).toHaveLength(2);
    expect(deployments).toContainEqual(
      expect.objectContaining({
        Include: ['assets/*'],
        Prune: false,
        SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      }),
    );
    expect(deployments).toContainEqual(
      expect.objectContaining({
        Exclude: ['assets/*'],
        SystemMetadata: { 'cache-control': 'no-cache' },
        DistributionPaths: ['/*'],
      }),
    );
    expect(() => synth({ webDist: tmpdir() })).toThrow(/has no index.html/);
  });

  it('logs the distribution and the bucket, and speaks only modern TLS', () => {
    expect(config()).toMatchObject({
      Logging: {
        Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^AccessLogs/), 'RegionalDomainName'] },
        Prefix: 'cloudfront/',
      },
      HttpVersion: 'http2and3',
      DefaultRootObject: 'index.html',
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
    });
  });
});
