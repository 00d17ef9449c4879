import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { type ConsumerName, CONSUMERS, eventTypesFor } from '@skillpass/events';
import { describe, expect, it } from 'vitest';
import { documentedRoutesOfTheApi } from '../../scripts/write-openapi.ts';
import { buildApp } from './app.ts';
import { gatewayPathOf, isPublicRoute } from './public-routes.ts';

// Skip bundling: these tests read the template, not the code.
const synth = (context: Record<string, unknown> = {}) => {
  const { app, stack } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } }));
  const assembly = app.synth();
  return { template: Template.fromStack(stack), assembly };
};

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
    const functions = template.findResources('AWS::Lambda::Function');
    const ours = Object.values(functions).filter((f) =>
      (f.Properties as { Runtime?: string }).Runtime?.startsWith('nodejs'),
    );
    expect(ours.length).toBe(4 + CONSUMERS.filter((c) => eventTypesFor(c).length > 0).length);
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

  it('mints credentials under the API origin: the execute-api URL, or a custom domain when one is given', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter((f) =>
      (f.Properties as { Runtime?: string }).Runtime?.startsWith('nodejs'),
    );
    const origins = functions.map(
      (f) =>
        (f.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables.PUBLIC_ORIGIN,
    );
    // The API and the batch worker issue credentials and links; the publisher and consumers do not.
    expect(origins.filter(Boolean)).toHaveLength(2);
    expect(origins.find(Boolean)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^HttpApi/), 'ApiEndpoint'] });

    const custom = synth({
      domainName: 'api.skillpass.example',
      certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/abc',
    }).template;
    custom.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'api.skillpass.example' });
    custom.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PUBLIC_ORIGIN: 'https://api.skillpass.example' }) },
    });
    expect(() => synth({ domainName: 'api.skillpass.example' })).toThrow('give domainName and certificateArn together');
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

  it('creates the four Cognito groups and an app client', () => {
    for (const group of ['graduate', 'employer', 'issuer', 'admin'])
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
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
