import * as z from 'zod/mini';
import { builtOnFirstUse, isoDateTimeSchema } from '@skillpass/domain';

/** Schemas more than one credential route module uses. */

/** One credential to issue: the body of POST /v1/credentials, and `credential` in the VC API's. */
export const issueRequestSchema = builtOnFirstUse(() =>
  z.strictObject({
    templateId: z.string().check(z.minLength(1), z.maxLength(64)),
    holder: z.union([
      z.strictObject({ graduateId: z.string().check(z.minLength(1), z.maxLength(128)) }),
      z.strictObject({
        subjectId: z.string().check(z.minLength(1), z.maxLength(500)),
        email: z.email(),
        name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      }),
    ]),
    grade: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    validUntil: z.optional(isoDateTimeSchema()),
  }),
);

const checkSchema = builtOnFirstUse(() =>
  z.object({ result: z.enum(['passed', 'failed', 'not_applicable']), message: z.string() }),
);
export const verificationReportSchema = builtOnFirstUse(() =>
  z
    .object({
      verified: z.boolean(),
      checks: z.object({
        format: checkSchema(),
        signature: checkSchema(),
        keyResolution: checkSchema(),
        issuerTrusted: checkSchema(),
        validityWindow: checkSchema(),
        status: checkSchema(),
        euMandatoryElements: checkSchema(),
      }),
      credential: z.optional(z.record(z.string(), z.unknown())),
      statusReason: z.optional(
        z
          .object({ status: z.enum(['revoked', 'suspended']), reason: z.string(), at: z.string() })
          .register(z.globalRegistry, {
            description: 'Why the issuer revoked or suspended it: only when the issuer made the reason public',
          }),
      ),
    })
    .register(z.globalRegistry, { id: 'VerificationReport' }),
);

/** A credential sent to be verified or imported, in any of the shapes verification accepts. */
export const verifyRequestSchema = builtOnFirstUse(() =>
  z.union([
    z.string().register(z.globalRegistry, { description: 'a compact JWS (send as application/json string)' }),
    z.object({ jwt: z.string() }),
    z
      .strictObject({ credentialId: z.string().check(z.minLength(1), z.maxLength(64)) })
      .register(z.globalRegistry, { description: 'a credential issued here, by id (the short QR link)' }),
    z
      .looseObject({ '@context': z.unknown(), proof: z.unknown() })
      .register(z.globalRegistry, { description: 'a credential secured with a Data Integrity proof' }),
    z
      .object({ '@context': z.optional(z.array(z.string())), type: z.string(), id: z.string() })
      .register(z.globalRegistry, { description: 'EnvelopedVerifiableCredential' }),
  ]),
);
