import * as z from 'zod/mini';
import { builtOnFirstUse } from '@skillpass/domain';
import type { ApiApp, CoreApiDeps } from '../deps.ts';
import { jsonContent } from '../http.ts';
import { createRoute, DocumentedHono } from '../routing.ts';

const signInConfigSchema = builtOnFirstUse(() =>
  z
    .union([
      z.object({ provider: z.literal('local') }),
      z.object({
        provider: z.literal('cognito'),
        authorizeUrl: z.url(),
        tokenUrl: z.url(),
        logoutUrl: z.url(),
        clientId: z.string(),
        scopes: z.array(z.string()),
      }),
    ])
    .register(z.globalRegistry, { id: 'SignInConfig' }),
);

export function authConfigRoutes(deps: CoreApiDeps): ApiApp {
  const app: ApiApp = new DocumentedHono();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/config',
      operationId: 'getAuthConfig',
      summary: 'How the web app signs people in (public)',
      description:
        '`{"provider": "local"}` when `npm start` is the identity provider; in AWS the Cognito managed login endpoints ' +
        'and the public app client id, for the authorization code flow with PKCE.',
      tags: ['Operations'],
      security: [],
      responses: () => ({ 200: jsonContent(signInConfigSchema(), 'The sign-in configuration') }),
    }),
    (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(deps.signIn(), 200);
    },
  );
  return app;
}
