import createClient from 'openapi-fetch';
import { currentAccessToken } from '../auth.ts';
import { locale } from '../i18n.ts';
import type { paths } from './schema.d.ts';

/**
 * The API, typed from its OpenAPI document; the bearer token added when someone is signed in, and the app's chosen
 * language as Accept-Language, so names, labels and notifications come back in it.
 */
export const api = createClient<paths>({ baseUrl: typeof location === 'undefined' ? '' : location.origin });

api.use({
  async onRequest({ request }) {
    const token = await currentAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept-Language', locale.value);
    return request;
  },
});
