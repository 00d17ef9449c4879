import { RemovalPolicy, Stack, type aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { alarmTopic } from './alarms.ts';
import { apiFunction, httpApi, serveApi } from './api.ts';
import { webDistribution } from './distribution.ts';
import { eventBus, eventConsumers, streamPublisher } from './event-pipeline.ts';
import { functionMaker, sharedEnvironment } from './functions.ts';
import { identity, webClient } from './identity.ts';
import { keysAndSecret } from './keys.ts';
import { stackOutputs } from './outputs.ts';
import type { SkillpassStackProps } from './stack-props.ts';
import { dataTable } from './table.ts';
import { deployWebApp } from './web-content.ts';
import { credentialBatchQueue, credentialBatchWorker, pushWorker } from './workers.ts';

/**
 * The whole platform in one stack. Each call makes one part (its module says how and why); they run in this order
 * because the construct order is the template's, and logical IDs and resource order must not change under a
 * deployed stack.
 */
export class SkillpassStack extends Stack {
  constructor(scope: Construct, id: string, props: SkillpassStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const prod = stage === 'prod';
    const removalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const table = dataTable(this, { prod, removalPolicy });
    const keys = keysAndSecret(this, {
      stage,
      generation: props.signingKeyGeneration,
      retiredGenerations: props.retiredSigningKeyGenerations ?? [],
      removalPolicy,
    });
    const batch = credentialBatchQueue(this);
    const bus = eventBus(this, stage);
    const functionAlarms: cloudwatch.Alarm[] = [];
    const makeFunction = functionMaker(this, removalPolicy, functionAlarms);
    const { userPool, authDomain, issuerUrl } = identity(this, makeFunction, {
      stage,
      authDomainPrefix: props.authDomainPrefix,
      removalPolicy,
    });

    const gateway = httpApi(this, props.webOrigin);
    const { distribution, webBucket, publicOrigin } = webDistribution(this, {
      stage,
      prod,
      removalPolicy,
      customDomain: props.customDomain,
      httpApi: gateway,
      authDomainUrl: authDomain.baseUrl(),
    });
    deployWebApp(this, { webDist: props.webDist, webBucket, distribution });
    const client = webClient(this, userPool, { publicOrigin, prod });

    const environment = sharedEnvironment({
      table,
      keys,
      issuerUrl,
      clientId: client.userPoolClientId,
      bus,
      batchQueue: batch.queue,
    });
    const api = apiFunction(makeFunction, {
      environment,
      authDomainUrl: authDomain.baseUrl(),
      clientId: client.userPoolClientId,
      publicOrigin,
      trustedIssuersFile: props.trustedIssuersFile,
      table,
      keys,
      batchQueue: batch.queue,
    });
    const streamDlq = streamPublisher(this, makeFunction, { environment, table, bus });
    credentialBatchWorker(makeFunction, { environment, publicOrigin, table, keys, queue: batch.queue });
    const push = pushWorker(this, makeFunction, { environment, table });
    const consumerDlqs = eventConsumers(this, makeFunction, {
      environment,
      publicOrigin,
      mail: props.mail,
      table,
      bus,
      pushQueue: push.queue,
    });

    serveApi(this, {
      httpApi: gateway,
      api,
      provisionedConcurrency: props.apiProvisionedConcurrency,
      issuerUrl,
      clientId: client.userPoolClientId,
      removalPolicy,
    });
    const topic = alarmTopic(this, {
      stage,
      removalPolicy,
      alarmEmail: props.alarmEmail,
      functionAlarms,
      httpApi: gateway,
      dlqs: [batch.dlq, streamDlq, push.dlq, ...consumerDlqs],
    });
    stackOutputs(this, {
      stage,
      signingKeyGeneration: props.signingKeyGeneration,
      publicOrigin,
      distribution,
      httpApi: gateway,
      authDomain,
      alarmTopic: topic,
      userPool,
      client,
    });
  }
}
