import type { StackProps } from 'aws-cdk-lib';

/** What a deployment chooses; the stack and the parts that need a choice read it from here. */
export interface SkillpassStackProps extends StackProps {
  stage: 'dev' | 'prod';
  /** Browser origin allowed by CORS on the API Gateway URL (the app itself is served from the same origin as the API). */
  webOrigin: string;
  /** The built web app (index.html + assets/), uploaded to the bucket behind CloudFront. */
  webDist: string;
  /** Generation of the signing key ("g1", "g2", …): a new one rotates the key, keeping the old one published. */
  signingKeyGeneration: string;
  /** Earlier generations whose keys stay published while credentials they signed are valid. */
  retiredSigningKeyGenerations?: string[];
  /**
   * A custom domain for the CloudFront distribution (app and API), with an ACM certificate in us-east-1 and, when a
   * Route 53 hosted zone is named, alias records in it. Credentials name their keys, status lists and verify page
   * under the public origin, so a lasting deployment should have one; without it the origin is the distribution's
   * *.cloudfront.net name.
   */
  customDomain?: { domainName: string; certificateArn: string; hostedZone?: { id: string; name: string } };
  /** Prefix of the Cognito managed login domain (`<prefix>.auth.<region>.amazoncognito.com`); unique per region. */
  authDomainPrefix?: string;
  /** A trust list file (external issuers, docs/credentials.md) shipped with the API function. */
  trustedIssuersFile?: string;
  /** Warm API instances kept ready (provisioned concurrency), so requests up to that concurrency never meet a cold start. */
  apiProvisionedConcurrency?: number;
  /** Subscribed to the alarm topic (the address confirms by email). */
  alarmEmail?: string;
  /**
   * Amazon SES: the verified identity (a domain or an address) the platform mails from, and the From address
   * under it. Without it the mail sender has no mailer: queued email fails, is retried and lands in its DLQ
   * (replayable once configured). In the SES sandbox only verified recipients receive mail, and the sender must
   * also be allowed to send to them: list their identities in `sandboxRecipients` (docs/delivery.md).
   */
  mail?: { identity: string; from: string; sandboxRecipients?: string[] };
}
