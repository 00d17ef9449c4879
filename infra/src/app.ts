import { App, Validations } from 'aws-cdk-lib';
import { loadTrustList } from '@skillpass/credentials';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SkillpassStack } from './stack.ts';

/**
 * `npx cdk synth|deploy -c stage=dev|prod [-c webOrigin=…] [-c signingKeyGeneration=g2 -c retiredSigningKeyGenerations=g1]
 * [-c domainName=api.example.com -c certificateArn=arn:aws:acm:…] [-c trustedIssuersFile=trusted-issuers.json]
 * [-c apiProvisionedConcurrency=2] [-c alarmEmail=oncall@example.com]`
 */
export function buildApp(app = new App()): { app: App; stack: SkillpassStack } {
  const stage = app.node.tryGetContext('stage') === 'prod' ? 'prod' : 'dev';
  const domainName = app.node.tryGetContext('domainName');
  const certificateArn = app.node.tryGetContext('certificateArn');
  if (Boolean(domainName) !== Boolean(certificateArn)) throw new Error('give domainName and certificateArn together');
  const trustedIssuersFile = app.node.tryGetContext('trustedIssuersFile');
  const provisioned = Number(app.node.tryGetContext('apiProvisionedConcurrency') ?? 0);
  if (!Number.isInteger(provisioned) || provisioned < 0)
    throw new Error('apiProvisionedConcurrency must be a whole number');
  // Refused at synth, not at the first verification in AWS.
  if (trustedIssuersFile) loadTrustList(String(trustedIssuersFile));
  const retired = String(app.node.tryGetContext('retiredSigningKeyGenerations') ?? '')
    .split(',')
    .filter(Boolean);
  const stack = new SkillpassStack(app, `skillpass-${stage}`, {
    stage,
    webOrigin: app.node.tryGetContext('webOrigin') ?? 'http://localhost:3000',
    signingKeyGeneration: app.node.tryGetContext('signingKeyGeneration') ?? 'g1',
    retiredSigningKeyGenerations: retired,
    ...(trustedIssuersFile ? { trustedIssuersFile: String(trustedIssuersFile) } : {}),
    ...(provisioned > 0 ? { apiProvisionedConcurrency: provisioned } : {}),
    ...(app.node.tryGetContext('alarmEmail') ? { alarmEmail: String(app.node.tryGetContext('alarmEmail')) } : {}),
    ...(domainName ? { customDomain: { domainName: String(domainName), certificateArn: String(certificateArn) } } : {}),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  buildApp().app.synth();
}
