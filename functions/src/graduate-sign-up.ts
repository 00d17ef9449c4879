import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Context, PostConfirmationTriggerEvent } from 'aws-lambda';
import { logJson } from './log.ts';

/** The only role a person may take by signing up; employers, issuers and admins are added to their groups by an admin. */
export const SELF_SIGN_UP_GROUP = 'graduate';

const cognito = new CognitoIdentityProviderClient({});

/**
 * Cognito post-confirmation trigger: a person who signed up through managed login and verified their email joins
 * the `graduate` group, so their tokens carry `cognito:groups: ["graduate"]` like any graduate's. Other
 * confirmations (a forgotten-password reset) change no membership. Cognito retries a failed trigger and the call
 * is idempotent, so a failure is thrown, not swallowed: the sign-up then reports an error instead of leaving a
 * confirmed account without a role.
 */
export async function handler(
  event: PostConfirmationTriggerEvent,
  context?: Pick<Context, 'awsRequestId'>,
): Promise<PostConfirmationTriggerEvent> {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  await cognito.send(
    new AdminAddUserToGroupCommand({
      UserPoolId: event.userPoolId,
      Username: event.userName,
      GroupName: SELF_SIGN_UP_GROUP,
    }),
  );
  logJson('info', 'graduate signed up', { awsRequestId: context?.awsRequestId, sub: event.request.userAttributes.sub });
  return event;
}
