import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import type { RouteSpec } from '@skillpass/api';
import { documentedRoutesOfTheApi } from '../../scripts/write-openapi.ts';

/**
 * API Gateway paths that differ from the documented ones: the `.well-known` documents share one route, and the
 * status-list parameter keeps the name it was deployed with (renaming it would replace the route).
 */
const GATEWAY_PATHS: Record<string, string> = {
  '/.well-known/did.json': '/.well-known/{document}',
  '/.well-known/jwks.json': '/.well-known/{document}',
  '/.well-known/openid-credential-issuer': '/.well-known/{document}',
  '/.well-known/oauth-authorization-server': '/.well-known/{document}',
  '/status-lists/{listId}/{purpose}': '/status-lists/{list}/{purpose}',
};

export const gatewayPathOf = (documentedPath: string): string => GATEWAY_PATHS[documentedPath] ?? documentedPath;

/**
 * A route is public at the gateway when its OpenAPI entry asks for no sign-in (`bearer`) token, the same fact the API
 * document shows: public routes, and the OID4VCI credential endpoint, whose access token the API itself checks.
 */
export const isPublicRoute = (route: RouteSpec): boolean => !route.security.some((scheme) => 'bearer' in scheme);

/** The routes API Gateway serves without the JWT authorizer, derived from the API's documented routes. */
export function publicGatewayRoutes(
  routes: readonly RouteSpec[] = documentedRoutesOfTheApi(),
): Array<[HttpMethod, string]> {
  const keys = new Map<string, [HttpMethod, string]>();
  for (const route of routes.filter(isPublicRoute)) {
    const method = HttpMethod[route.method.toUpperCase() as keyof typeof HttpMethod];
    const path = gatewayPathOf(route.path);
    keys.set(`${method} ${path}`, [method, path]);
  }
  return [...keys.values()];
}
