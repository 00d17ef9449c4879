import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { loadTrustList } from '@skillpass/credentials';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SkillpassStack } from './stack.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const WEB_PACKAGE = resolve(REPO_ROOT, 'packages/web');

/**
 * The built web app (`packages/web/dist`, the plan's contract) that the stack uploads. Built here, on every synth, so
 * what is deployed is the app's current source and `cdk synth` works on a fresh clone; `-c webDist=<dir>` uploads a
 * build made elsewhere instead (the template tests pass a small fixture).
 */
function webDistribution(given: unknown): string {
  if (given) {
    const dir = resolve(String(given));
    if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`webDist ${dir} has no index.html`);
    return dir;
  }
  if (!existsSync(resolve(WEB_PACKAGE, 'package.json')))
    throw new Error('packages/web is missing: the stack serves the web app built from it (or pass -c webDist=<dir>)');
  // The build's own output goes to stderr: stdout may carry the template.
  execFileSync('npm', ['run', 'build', '--workspace', '@skillpass/web'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  const dist = resolve(WEB_PACKAGE, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`the web build wrote no ${dist}/index.html`);
  return dist;
}

/** SES sending, from `-c mailIdentity=… -c mailFrom=…` (both or neither) and the sandbox's verified recipients. */
function mailSettings(app: App): { mail?: { identity: string; from: string; sandboxRecipients: string[] } } {
  const identity = app.node.tryGetContext('mailIdentity');
  const from = app.node.tryGetContext('mailFrom');
  if (Boolean(identity) !== Boolean(from)) throw new Error('give mailIdentity and mailFrom together');
  if (!identity) return {};
  if (!String(from).endsWith(`@${identity}`) && String(from) !== String(identity))
    throw new Error('mailFrom must be the mailIdentity address or an address in the mailIdentity domain');
  const sandboxRecipients = String(app.node.tryGetContext('mailSandboxRecipients') ?? '')
    .split(',')
    .filter(Boolean);
  return { mail: { identity: String(identity), from: String(from), sandboxRecipients } };
}

/**
 * `npx cdk synth|deploy -c stage=dev|prod [-c webOrigin=…] [-c signingKeyGeneration=g2 -c retiredSigningKeyGenerations=g1]
 * [-c domainName=skillpass.example.com -c certificateArn=arn:aws:acm:us-east-1:… [-c hostedZoneId=Z… -c hostedZoneName=example.com]]
 * [-c authDomainPrefix=…] [-c trustedIssuersFile=trusted-issuers.json] [-c apiProvisionedConcurrency=2]
 * [-c alarmEmail=oncall@example.com] [-c mailIdentity=example.com -c mailFrom=no-reply@example.com
 * [-c mailSandboxRecipients=a@example.com,b@example.com]] [-c webDist=<dir>]`
 */
export function buildApp(app = new App()): { app: App; stack: SkillpassStack } {
  const stage = app.node.tryGetContext('stage') === 'prod' ? 'prod' : 'dev';
  const domainName = app.node.tryGetContext('domainName');
  const certificateArn = app.node.tryGetContext('certificateArn');
  if (Boolean(domainName) !== Boolean(certificateArn)) throw new Error('give domainName and certificateArn together');
  // CloudFront only takes certificates from us-east-1; refused here rather than after a long deployment.
  if (certificateArn && String(certificateArn).split(':')[3] !== 'us-east-1')
    throw new Error('certificateArn must be an ACM certificate in us-east-1 (CloudFront takes no other region)');
  const hostedZoneId = app.node.tryGetContext('hostedZoneId');
  const hostedZoneName = app.node.tryGetContext('hostedZoneName');
  if (Boolean(hostedZoneId) !== Boolean(hostedZoneName))
    throw new Error('give hostedZoneId and hostedZoneName together');
  if (hostedZoneId && !domainName) throw new Error('hostedZoneId needs a domainName (and its certificateArn)');
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
    ...mailSettings(app),
    ...(domainName
      ? {
          customDomain: {
            domainName: String(domainName),
            certificateArn: String(certificateArn),
            ...(hostedZoneId ? { hostedZone: { id: String(hostedZoneId), name: String(hostedZoneName) } } : {}),
          },
        }
      : {}),
    ...(app.node.tryGetContext('authDomainPrefix')
      ? { authDomainPrefix: String(app.node.tryGetContext('authDomainPrefix')) }
      : {}),
    webDist: webDistribution(app.node.tryGetContext('webDist')),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  buildApp().app.synth();
}
