import { Aws, Duration, type RemovalPolicy, type Stack, aws_cognito as cognito, aws_iam as iam } from 'aws-cdk-lib';
import { FUNCTION_ENTRIES } from '@skillpass/functions';
import type { MakeFunction } from './functions.ts';
import { acknowledge } from './nag.ts';

/** The user pool, its managed login domain and the issuer its tokens name. */
export interface Identity {
  userPool: cognito.UserPool;
  authDomain: cognito.UserPoolDomain;
  issuerUrl: string;
}

/**
 * Graduates sign up themselves through managed login (email verified); the post-confirmation trigger puts them in
 * the graduate group. Employer, issuer and admin membership is granted by an admin (docs/deploy.md).
 */
export function identity(
  stack: Stack,
  makeFunction: MakeFunction,
  settings: { stage: string; authDomainPrefix: string | undefined; removalPolicy: RemovalPolicy },
): Identity {
  // 256 MB / 10 s: one AdminAddUserToGroup call. It gets no shared configuration: the client id in it would make
  // the pool (whose trigger it is) depend on itself.
  const sizing = { memoryMB: 256, timeout: Duration.seconds(10) };
  const signUp = makeFunction('GraduateSignUp', FUNCTION_ENTRIES.graduateSignUp, sizing, {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const userPool = new cognito.UserPool(stack, 'UserPool', {
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
    removalPolicy: settings.removalPolicy,
  });
  acknowledge(userPool, {
    'AwsSolutions-COG2':
      'MFA is offered (TOTP) but not forced: graduates sign in from shared school computers and phones; operators can require it per pool.',
  });
  // A separate policy, not the function's default one: the function must exist before the pool that triggers it,
  // and this grant names the pool.
  new iam.Policy(stack, 'GraduateSignUpGroups', {
    roles: [signUp.role!],
    statements: [
      new iam.PolicyStatement({ actions: ['cognito-idp:AdminAddUserToGroup'], resources: [userPool.userPoolArn] }),
    ],
  });
  for (const group of ['graduate', 'employer', 'issuer', 'organiser', 'admin']) {
    new cognito.CfnUserPoolGroup(stack, `Group${group}`, { userPoolId: userPool.userPoolId, groupName: group });
  }
  // Managed login (hosted UI) at <prefix>.auth.<region>.amazoncognito.com: sign-up, sign-in, password reset, MFA.
  const authDomain = userPool.addDomain('ManagedLogin', {
    cognitoDomain: { domainPrefix: settings.authDomainPrefix ?? `skillpass-${settings.stage}-${Aws.ACCOUNT_ID}` },
    managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
  });
  const issuerUrl = `https://cognito-idp.${stack.region}.amazonaws.com/${userPool.userPoolId}`;
  return { userPool, authDomain, issuerUrl };
}

/**
 * A public client (no secret) for the app: authorization code with PKCE only, no implicit flow. Tokens live in
 * the app's memory; the refresh token rotates on each use and lasts a week, and sign-out revokes it. Access and
 * ID tokens last 15 minutes, since API Gateway cannot see a revocation before they expire.
 */
export function webClient(
  stack: Stack,
  userPool: cognito.UserPool,
  settings: { publicOrigin: string; prod: boolean },
): cognito.UserPoolClient {
  const appOrigins = [settings.publicOrigin, ...(settings.prod ? [] : ['http://localhost:3000'])];
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
  new cognito.CfnManagedLoginBranding(stack, 'ManagedLoginBranding', {
    userPoolId: userPool.userPoolId,
    clientId: client.userPoolClientId,
    useCognitoProvidedValues: true,
  });
  return client;
}
