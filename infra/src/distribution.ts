import {
  Duration,
  RemovalPolicy,
  type Stack,
  type aws_apigatewayv2 as apigw,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_route53 as route53,
  aws_route53_targets as route53Targets,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { securityHeaders } from '@skillpass/api';
import { acknowledge } from './nag.ts';
import type { SkillpassStackProps } from './stack-props.ts';
import {
  API_PATH_PATTERNS,
  JOB_SEARCH_PATH,
  PUBLIC_SEARCH_CODE,
  responseHeadersFrom,
  SPA_REWRITE_CODE,
} from './web.ts';

/** The distribution, the bucket it serves the app from, and the origin credentials and links are minted under. */
export interface Web {
  distribution: cloudfront.Distribution;
  webBucket: s3.Bucket;
  publicOrigin: string;
}

/**
 * One origin for the app and the API: CloudFront serves the app from a private bucket and the API paths from the
 * HTTP API, under the custom domain when one is given (with alias records when its hosted zone is named).
 */
export function webDistribution(
  stack: Stack,
  settings: {
    stage: string;
    prod: boolean;
    removalPolicy: RemovalPolicy;
    customDomain: SkillpassStackProps['customDomain'];
    httpApi: apigw.HttpApi;
    authDomainUrl: string;
  },
): Web {
  const { prod, removalPolicy, customDomain, httpApi } = settings;
  // Access logs of the bucket and the distribution, kept as long as the functions' logs.
  const accessLogBucket = new s3.Bucket(stack, 'AccessLogs', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // CloudFront's standard logs are written with an ACL, which needs this ownership setting.
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    removalPolicy,
    autoDeleteObjects: !prod,
  });
  acknowledge(accessLogBucket, {
    'AwsSolutions-S1': 'This bucket holds the access logs; logging its own accesses into itself would loop.',
  });
  // Private: only CloudFront reads it, through Origin Access Control. Its content is rebuilt from packages/web on
  // every deployment, so it is deleted with the stack in every stage.
  const webBucket = new s3.Bucket(stack, 'WebBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    serverAccessLogsBucket: accessLogBucket,
    serverAccessLogsPrefix: 'web-bucket/',
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });
  const spaRewrite = new cloudfront.Function(stack, 'AppRoutes', {
    comment: 'Extension-less paths (app routes) are answered with /index.html',
    code: cloudfront.FunctionCode.fromInline(SPA_REWRITE_CODE),
    runtime: cloudfront.FunctionRuntime.JS_2_0,
  });
  const appHeaders = new cloudfront.ResponseHeadersPolicy(stack, 'AppHeaders', {
    comment: 'skillpass app: the API security headers for HTML (CSP without inline scripts, nosniff, no framing)',
    // The app exchanges its authorization code and refreshes tokens at the managed login domain.
    ...responseHeadersFrom(securityHeaders('html', { connectSrc: [settings.authDomainUrl] }), true),
  });
  const apiHeaders = new cloudfront.ResponseHeadersPolicy(stack, 'ApiHeaders', {
    comment: "skillpass API: the API's own security headers, filled in on API Gateway's answers",
    ...responseHeadersFrom(securityHeaders('other'), false),
  });
  const certificate = customDomain
    ? acm.Certificate.fromCertificateArn(stack, 'Certificate', customDomain.certificateArn)
    : undefined;
  const apiBehavior: cloudfront.BehaviorOptions = {
    origin: new origins.HttpOrigin(`${httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    }),
    viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
    cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
    // Every viewer header but Host (API Gateway routes on its own host name), every query string and cookie. With
    // caching disabled this policy forwards Authorization too, which the JWT authorizer and the function read.
    originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    responseHeadersPolicy: apiHeaders,
  };
  // The public job search is cached as long as the API says (30 s): a busy region's searches then reach the single
  // OPENJOBS index partition once per page and language every 30 s, not once per reader (docs/deploy.md).
  const jobSearchBehavior: cloudfront.BehaviorOptions = {
    ...apiBehavior,
    cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
    cachePolicy: new cloudfront.CachePolicy(stack, 'JobSearchCache', {
      comment: 'skillpass GET /v1/jobs: as long as the API says, keyed on the query and Accept-Language',
      // Only what the API marks cacheable is kept (a response without Cache-Control is not), and never long.
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(60),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      // Accept-Language picks the labels' language when `lang` is absent (the API sends Vary, which CloudFront
      // ignores). Authorization is in the key only so that a POST's token reaches the API: the viewer-request
      // function removes it from every GET and HEAD first, so no cached search ever belongs to a token.
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Accept-Language', 'Authorization'),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    }),
    // No cookies, and only the headers a job post needs besides those of the key (which are forwarded anyway).
    originRequestPolicy: new cloudfront.OriginRequestPolicy(stack, 'JobSearchOrigin', {
      comment: 'skillpass /v1/jobs: every query string; Content-Type and Idempotency-Key for a job post; no cookies',
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList('Content-Type', 'Idempotency-Key'),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
    }),
    functionAssociations: [
      {
        function: new cloudfront.Function(stack, 'PublicSearch', {
          comment: 'GET and HEAD /v1/jobs lose their Authorization header: the search is public, one cache entry',
          code: cloudfront.FunctionCode.fromInline(PUBLIC_SEARCH_CODE),
          runtime: cloudfront.FunctionRuntime.JS_2_0,
        }),
        eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
      },
    ],
  };
  const distribution = new cloudfront.Distribution(stack, 'Web', {
    comment: `skillpass ${settings.stage}: the web app and the API`,
    defaultRootObject: 'index.html',
    defaultBehavior: {
      origin: origins.S3BucketOrigin.withOriginAccessControl(webBucket),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: appHeaders,
      functionAssociations: [{ function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
    },
    // In order: CloudFront takes the first pattern that matches, so the job search comes before `/v1/*`.
    additionalBehaviors: {
      [JOB_SEARCH_PATH]: jobSearchBehavior,
      ...Object.fromEntries(API_PATH_PATTERNS.map((pattern) => [pattern, apiBehavior])),
    },
    // No errorResponses: a distribution-wide one would answer the API's 403 and 404 with the app's page.
    httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    enableLogging: true,
    logBucket: accessLogBucket,
    logFilePrefix: 'cloudfront/',
    ...(customDomain && certificate
      ? {
          domainNames: [customDomain.domainName],
          certificate,
          minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
        }
      : {}),
  });
  acknowledge(distribution, {
    'AwsSolutions-CFR1':
      'No geo restriction: graduates, employers and verifiers reach the service from anywhere, and credentials are checked abroad.',
    'AwsSolutions-CFR2':
      "No WAF web ACL by default (a CloudFront ACL lives in us-east-1 and is billed per request): the API stage is throttled at 100 req/s (burst 200), Cognito's threat protection guards sign-in, and the app is static files. Attach an ACL for a public launch (docs/deploy.md).",
  });
  if (!customDomain)
    acknowledge(distribution, {
      'AwsSolutions-CFR4':
        "Without a custom domain the distribution uses CloudFront's default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; with a domain the policy is TLSv1.2_2021.",
    });
  if (customDomain?.hostedZone) {
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
      hostedZoneId: customDomain.hostedZone.id,
      zoneName: customDomain.hostedZone.name,
    });
    const target = route53.RecordTarget.fromAlias(new route53Targets.CloudFrontTarget(distribution));
    new route53.ARecord(stack, 'WebAlias', { zone, recordName: customDomain.domainName, target });
    new route53.AaaaRecord(stack, 'WebAliasIpv6', { zone, recordName: customDomain.domainName, target });
  }
  // The origin credentials and links are minted under, the app is served from and sign-in returns to.
  const publicOrigin = customDomain
    ? `https://${customDomain.domainName}`
    : `https://${distribution.distributionDomainName}`;
  return { distribution, webBucket, publicOrigin };
}
