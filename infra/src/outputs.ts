import {
  CfnOutput,
  type Stack,
  type aws_cloudfront as cloudfront,
  type aws_apigatewayv2 as apigw,
  type aws_cognito as cognito,
  type aws_sns as sns,
} from 'aws-cdk-lib';
import { signingKeyAlias } from './keys.ts';

/** What an operator needs after a deployment: the URLs, the alarm topic, the user pool and the signing key aliases. */
export function stackOutputs(
  stack: Stack,
  resources: {
    stage: string;
    signingKeyGeneration: string;
    publicOrigin: string;
    distribution: cloudfront.Distribution;
    httpApi: apigw.HttpApi;
    authDomain: cognito.UserPoolDomain;
    alarmTopic: sns.Topic;
    userPool: cognito.UserPool;
    client: cognito.UserPoolClient;
  },
): void {
  new CfnOutput(stack, 'AppUrl', {
    value: resources.publicOrigin,
    description: 'The web app and the API (under /v1/ and the other API paths); credentials name this origin',
  });
  new CfnOutput(stack, 'DistributionDomainName', {
    value: resources.distribution.distributionDomainName,
    description: 'Point a CNAME (or alias) for the custom domain here, when no hosted zone was given',
  });
  new CfnOutput(stack, 'ApiGatewayUrl', {
    value: resources.httpApi.apiEndpoint,
    description: 'The HTTP API without CloudFront, for diagnosis; links and credentials use AppUrl',
  });
  new CfnOutput(stack, 'AuthDomainUrl', {
    value: resources.authDomain.baseUrl(),
    description: 'Cognito managed login',
  });
  new CfnOutput(stack, 'AlarmTopicArn', {
    value: resources.alarmTopic.topicArn,
    description: 'Subscribe on-call email, chat or paging here',
  });
  new CfnOutput(stack, 'UserPoolId', { value: resources.userPool.userPoolId });
  new CfnOutput(stack, 'UserPoolClientId', { value: resources.client.userPoolClientId });
  const alias = signingKeyAlias(resources.stage, resources.signingKeyGeneration);
  new CfnOutput(stack, 'SigningKeyAlias', { value: alias });
  new CfnOutput(stack, 'Ed25519SigningKeyAlias', { value: `${alias}-ed25519` });
}
