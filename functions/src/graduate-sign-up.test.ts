import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from './graduate-sign-up.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const confirmation = (triggerSource: PostConfirmationTriggerEvent['triggerSource']): PostConfirmationTriggerEvent => ({
  ...(JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../events/samples/cognito-post-confirmation.json'), 'utf8'),
  ) as PostConfirmationTriggerEvent),
  triggerSource,
});

beforeEach(() => {
  cognito.reset();
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('the graduate sign-up trigger', () => {
  it('adds a person who signed up and verified their email to the graduate group, and returns the event', async () => {
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const event = confirmation('PostConfirmation_ConfirmSignUp');
    expect(await handler(event, { awsRequestId: 'r1' })).toBe(event);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: 'eu-central-1_pool', Username: event.userName, GroupName: 'graduate' },
    ]);
    expect(console.log).toHaveBeenCalledWith(
      expect.stringMatching(/"message":"graduate signed up".*"awsRequestId":"r1"/),
    );
  });

  it('grants nothing on a forgotten-password confirmation', async () => {
    await handler(confirmation('PostConfirmation_ConfirmForgotPassword'));
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('fails the confirmation when the group cannot be joined, so no account is left without a role', async () => {
    cognito.on(AdminAddUserToGroupCommand).rejects(new Error('throttled'));
    await expect(handler(confirmation('PostConfirmation_ConfirmSignUp'))).rejects.toThrow('throttled');
  });
});
