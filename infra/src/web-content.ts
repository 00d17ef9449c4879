import {
  type Stack,
  Token,
  type aws_cloudfront as cloudfront,
  type aws_s3 as s3,
  aws_s3_deployment as s3deploy,
} from 'aws-cdk-lib';
import { acknowledge } from './nag.ts';

/** Uploads the built web app (`webDist`) to the web bucket and clears the distribution's cached pages. */
export function deployWebApp(
  stack: Stack,
  resources: { webDist: string; webBucket: s3.Bucket; distribution: cloudfront.Distribution },
): void {
  const { webBucket, distribution } = resources;
  // Hashed assets first and kept (a page loaded before a deployment still finds its scripts), cached for a year;
  // then the pages, revalidated on every load, and the distribution's cached copies invalidated.
  const webSource = s3deploy.Source.asset(resources.webDist);
  const assets = new s3deploy.BucketDeployment(stack, 'WebAssets', {
    sources: [webSource],
    destinationBucket: webBucket,
    exclude: ['*'],
    include: ['assets/*'],
    prune: false,
    cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
  });
  const pages = new s3deploy.BucketDeployment(stack, 'WebPages', {
    sources: [webSource],
    destinationBucket: webBucket,
    exclude: ['assets/*'],
    cacheControl: [s3deploy.CacheControl.noCache()],
    distribution,
    distributionPaths: ['/*'],
  });
  pages.node.addDependency(assets);
  // Both deployments run CDK's one bucket-deployment handler, a singleton at stack level.
  const deploymentHandler = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (deploymentHandler)
    acknowledge(deploymentHandler, {
      'AwsSolutions-L1':
        "CDK's bucket-deployment handler runs the Python runtime aws-cdk-lib chooses; it moves with CDK upgrades.",
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        "Lambda's basic execution policy only lets the deployment handler write its own CloudWatch logs.",
      ...Object.fromEntries(
        ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => [
          `AwsSolutions-IAM5[Action::${action}]`,
          'CDK grants the deployment handler read on the asset bucket and write/delete on the web bucket; the wildcards cover object-level actions on those two buckets only.',
        ]),
      ),
      // Named as cdk-nag prints it: the account and region concrete when the environment gives them.
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account}-${Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region}/*]`]:
        "The handler reads the web app's zip from the CDK bootstrap asset bucket, whose objects are named by content hash.",
      'AwsSolutions-IAM5[Resource::<WebBucket12880F5B.Arn>/*]':
        'The handler writes and prunes every object of the web bucket.',
      'AwsSolutions-IAM5[Resource::*]':
        'cloudfront:CreateInvalidation and GetInvalidation, which CDK grants without a distribution ARN, to clear the cached pages after an upload.',
    });
}
