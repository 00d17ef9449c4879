import { OB_CONTEXT, VC_CONTEXT } from '@skillpass/credentials';
import { KEY_PROOF_ALGORITHMS } from './key-proof.ts';

/**
 * What a wallet reads before it picks a credential up (OID4VCI 1.0 §12.2, RFC 8414). The credential issuer
 * is the platform's origin and is its own authorization server, so the wallet finds the token endpoint at
 * `<origin>/.well-known/oauth-authorization-server`.
 */

export const PRE_AUTHORIZED_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/**
 * Credential configurations: the same Open Badges credential in the two securings skillpass issues. OID4VCI 1.0
 * names W3C credentials secured as a JWT without JSON-LD processing `jwt_vc_json` (Appendix A.1.1; the `vc+jwt`
 * of VC-JOSE-COSE is delivered under it) and with Data Integrity proofs `ldp_vc` (A.1.2).
 */
export const CREDENTIAL_CONFIGURATIONS = {
  jwt: 'OpenBadgeCredential_jwt_vc_json',
  ldp: 'OpenBadgeCredential_ldp_vc',
} as const;
export type CredentialConfigurationId = (typeof CREDENTIAL_CONFIGURATIONS)[keyof typeof CREDENTIAL_CONFIGURATIONS];

export const walletPaths = {
  token: '/oid4vci/token',
  nonce: '/oid4vci/nonce',
  credential: '/oid4vci/credential',
} as const;

const CREDENTIAL_TYPE = ['VerifiableCredential', 'OpenBadgeCredential'];

/** Shared by both configurations: the holder proves a key in a JWT; the credential is bound to it (did:key). */
const binding = {
  cryptographic_binding_methods_supported: ['did:key', 'jwk'],
  proof_types_supported: { jwt: { proof_signing_alg_values_supported: KEY_PROOF_ALGORITHMS } },
  credential_metadata: {
    display: [
      { name: 'Micro-credential', locale: 'en' },
      { name: '微证书', locale: 'zh' },
    ],
  },
};

/**
 * The credential issuer metadata. `ldp_vc` is offered only where the platform has Data Integrity proof signers
 * (`cryptosuites`): without them there is no such securing to deliver.
 */
export function credentialIssuerMetadata(origin: string, jwsAlgorithm: string, cryptosuites: readonly string[]) {
  return {
    credential_issuer: origin,
    credential_endpoint: `${origin}${walletPaths.credential}`,
    nonce_endpoint: `${origin}${walletPaths.nonce}`,
    display: [
      { name: 'skillpass', locale: 'en' },
      { name: 'skillpass 技能通行证', locale: 'zh' },
    ],
    credential_configurations_supported: {
      [CREDENTIAL_CONFIGURATIONS.jwt]: {
        format: 'jwt_vc_json',
        credential_signing_alg_values_supported: [jwsAlgorithm],
        credential_definition: { type: CREDENTIAL_TYPE },
        ...binding,
      },
      ...(cryptosuites.length > 0
        ? {
            [CREDENTIAL_CONFIGURATIONS.ldp]: {
              format: 'ldp_vc',
              credential_signing_alg_values_supported: [...cryptosuites],
              credential_definition: { '@context': [VC_CONTEXT, OB_CONTEXT], type: CREDENTIAL_TYPE },
              ...binding,
            },
          }
        : {}),
    },
  };
}

/** RFC 8414 metadata of the authorization server, which only exchanges pre-authorized codes. */
export function authorizationServerMetadata(origin: string) {
  return {
    issuer: origin,
    token_endpoint: `${origin}${walletPaths.token}`,
    grant_types_supported: [PRE_AUTHORIZED_CODE_GRANT],
    response_types_supported: [],
    // OID4VCI §12.3: the wallet need not authenticate as a client to redeem a pre-authorized code.
    'pre-authorized_grant_anonymous_access_supported': true,
  };
}
