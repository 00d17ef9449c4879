import { createHash, randomBytes, randomInt } from 'node:crypto';
import { type Signer, signCredential } from '@skillpass/credentials';
import { conflict, notFound } from '@skillpass/domain';
import type { Repositories } from '@skillpass/store';
import QRCode from 'qrcode-svg';
import { credentialOfJwt, dataIntegrityProofs, withProofs } from '../credentials/data-integrity.ts';
import { WalletPickupError } from './errors.ts';
import { type HolderKey, verifyKeyProof } from './key-proof.ts';
import {
  authorizationServerMetadata,
  CREDENTIAL_CONFIGURATIONS,
  type CredentialConfigurationId,
  credentialIssuerMetadata,
  PRE_AUTHORIZED_CODE_GRANT,
} from './metadata.ts';

export interface WalletPickupDeps extends Pick<Repositories, 'walletPickup' | 'credentials'> {
  origin: string;
  /** Signs the vc+jwt delivered as `jwt_vc_json`. */
  signer: Signer;
  /** Sign the Data Integrity proofs delivered as `ldp_vc`; none: only `jwt_vc_json` is offered. */
  proofSigners?: Signer[];
  clock: () => Date;
}

const TX_CODE_LENGTH = 6;
const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
/** 256 random bits: codes, tokens and nonces cannot be guessed. */
const secret = () => randomBytes(32).toString('base64url');
const cryptosuiteOf = (signer: Signer) =>
  signer.alg === 'EdDSA' ? ['eddsa-rdfc-2022'] : signer.alg === 'ES256' ? ['ecdsa-rdfc-2019'] : [];

/**
 * A graduate's wallet picks up a credential issued to them (OID4VCI 1.0, pre-authorized code flow): the graduate
 * makes an offer (a one-time code in a QR code), the wallet trades the code for an access token, proves it holds a
 * key, and receives the credential bound to that key's did:key. The wallet's copy is the issued credential with
 * the holder's DID as its subject id, signed afresh; it keeps the credential's id and status entries, so revoking
 * the issued credential revokes the wallet's copy too.
 */
export class WalletPickupService {
  constructor(private readonly deps: WalletPickupDeps) {}

  #configurationIds(): CredentialConfigurationId[] {
    return this.#cryptosuites().length > 0
      ? [CREDENTIAL_CONFIGURATIONS.jwt, CREDENTIAL_CONFIGURATIONS.ldp]
      : [CREDENTIAL_CONFIGURATIONS.jwt];
  }

  #cryptosuites(): string[] {
    return (this.deps.proofSigners ?? []).flatMap(cryptosuiteOf);
  }

  issuerMetadata() {
    return credentialIssuerMetadata(this.deps.origin, this.deps.signer.alg, this.#cryptosuites());
  }

  authorizationServerMetadata() {
    return authorizationServerMetadata(this.deps.origin);
  }

  /**
   * An offer of one of the graduate's own credentials. Someone else's, or one that does not exist, is not found
   * (revealing nothing); a revoked or suspended one cannot be picked up. With `txCode` the wallet must also send
   * a six-digit code, shown to the graduate apart from the QR code.
   */
  async createOffer(graduateId: string, credentialId: string, options: { txCode: boolean }) {
    const credential = await this.deps.credentials.get(credentialId);
    if (credential?.holder.kind !== 'graduate' || credential.holder.graduateId !== graduateId) {
      throw notFound('credential');
    }
    if (credential.status !== 'active')
      throw conflict(`The credential is ${credential.status}: no wallet can pick it up.`);
    const code = secret();
    const txCode = options.txCode ? String(randomInt(10 ** TX_CODE_LENGTH)).padStart(TX_CODE_LENGTH, '0') : undefined;
    const expiresAt = await this.deps.walletPickup.createOffer(sha256(code), {
      credentialId,
      graduateId,
      ...(txCode ? { txCodeHash: sha256(txCode) } : {}),
      createdAt: this.deps.clock().toISOString(),
    });
    const credentialOffer = {
      credential_issuer: this.deps.origin,
      credential_configuration_ids: this.#configurationIds(),
      grants: {
        [PRE_AUTHORIZED_CODE_GRANT]: {
          'pre-authorized_code': code,
          ...(txCode ? { tx_code: { input_mode: 'numeric', length: TX_CODE_LENGTH } } : {}),
        },
      },
    };
    // By value: the offer is a few hundred bytes, so the QR code needs no credential_offer_uri round trip.
    const offerUri = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(credentialOffer))}`;
    return {
      credentialOffer,
      offerUri,
      qrSvg: new QRCode({ content: offerUri, padding: 2, width: 256, height: 256, ecl: 'M', join: true }).svg(),
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      ...(txCode ? { txCode } : {}),
    };
  }

  /**
   * The token endpoint: a pre-authorized code (and its transaction code, when the offer has one) for an access
   * token. The code is used up by the exchange — also by a wrong transaction code, so the six digits cannot be
   * guessed one try at a time — and a missing transaction code is refused before anything is used up.
   */
  async token(form: Record<string, unknown>) {
    const grantType = form.grant_type;
    if (typeof grantType !== 'string') throw new WalletPickupError('invalid_request', 'grant_type is missing.');
    if (grantType !== PRE_AUTHORIZED_CODE_GRANT) {
      throw new WalletPickupError('unsupported_grant_type', `Only ${PRE_AUTHORIZED_CODE_GRANT} is supported.`);
    }
    const code = form['pre-authorized_code'];
    if (typeof code !== 'string' || code === '') {
      throw new WalletPickupError('invalid_request', 'pre-authorized_code is missing.');
    }
    const txCode = form.tx_code;
    const unknown = () =>
      new WalletPickupError(
        'invalid_grant',
        'The pre-authorized code is unknown, used or expired: ask for a new offer.',
      );
    const offer = await this.deps.walletPickup.offer(sha256(code));
    if (!offer) throw unknown();
    if (offer.txCodeHash && typeof txCode !== 'string') {
      throw new WalletPickupError('invalid_request', 'This offer needs its transaction code: tx_code is missing.');
    }
    if (!offer.txCodeHash && txCode !== undefined) {
      throw new WalletPickupError('invalid_request', 'This offer has no transaction code: send no tx_code.');
    }
    const redeemed = await this.deps.walletPickup.redeemOffer(sha256(code));
    if (!redeemed) throw unknown();
    if (redeemed.txCodeHash && sha256(String(txCode)) !== redeemed.txCodeHash) {
      throw new WalletPickupError(
        'invalid_grant',
        'The transaction code is wrong; the offer is used up: ask for a new one.',
      );
    }
    const accessToken = secret();
    const expiresIn = await this.deps.walletPickup.createAccessToken(sha256(accessToken), {
      credentialId: redeemed.credentialId,
      graduateId: redeemed.graduateId,
    });
    return { access_token: accessToken, token_type: 'Bearer' as const, expires_in: expiresIn };
  }

  /** A fresh nonce for one key proof (OID4VCI §7). */
  async nonce() {
    const nonce = secret();
    await this.deps.walletPickup.createNonce(nonce);
    return { c_nonce: nonce };
  }

  /**
   * The credential endpoint: the access token, a credential configuration and one key proof whose nonce is used
   * up here → the credential bound to the proven key, in the configuration's securing.
   */
  async credential(authorization: string | undefined, request: unknown) {
    const token = /^Bearer ([\w-]+)$/.exec(authorization ?? '')?.[1];
    const grant = token && (await this.deps.walletPickup.accessToken(sha256(token)));
    if (!grant)
      throw new WalletPickupError('invalid_token', 'A valid access token from the token endpoint is required.');
    const { configurationId, proofJwt } = this.#parseRequest(request);
    const now = this.deps.clock();
    const holder = await verifyKeyProof(proofJwt, this.deps.origin, now);
    if (!(await this.deps.walletPickup.consumeNonce(holder.nonce))) {
      throw new WalletPickupError('invalid_nonce', 'The key proof nonce is unknown, used or expired: get a new one.');
    }
    const issued = await this.deps.credentials.get(grant.credentialId);
    if (issued?.status !== 'active') {
      throw new WalletPickupError('credential_request_denied', 'The credential is no longer active.');
    }
    return { credentials: [{ credential: await this.#bound(issued.jwt, configurationId, holder, now) }] };
  }

  #parseRequest(request: unknown): { configurationId: CredentialConfigurationId; proofJwt: string } {
    const invalid = (why: string) => new WalletPickupError('invalid_credential_request', why);
    if (!request || typeof request !== 'object' || Array.isArray(request))
      throw invalid('The body must be a JSON object.');
    const body = request as { credential_configuration_id?: unknown; proofs?: unknown; proof?: unknown };
    const configurationId = body.credential_configuration_id;
    if (typeof configurationId !== 'string') throw invalid('credential_configuration_id is missing.');
    if (!this.#configurationIds().includes(configurationId as CredentialConfigurationId)) {
      throw new WalletPickupError(
        'unknown_credential_configuration',
        `No credential configuration ${configurationId}.`,
      );
    }
    // OID4VCI 1.0 sends `proofs: { jwt: [...] }`; earlier drafts `proof: { proof_type: 'jwt', jwt }`, still read.
    const { proofs, proof } = body as { proofs?: { jwt?: unknown }; proof?: { proof_type?: unknown; jwt?: unknown } };
    if (proofs !== undefined && proof !== undefined) throw invalid('Send proofs or proof, not both.');
    const jwts = proofs?.jwt ?? (proof?.proof_type === 'jwt' ? [proof.jwt] : undefined);
    if (!Array.isArray(jwts) || jwts.length === 0) {
      throw new WalletPickupError('invalid_proof', 'A jwt key proof (proofs.jwt) is required.');
    }
    if (jwts.length > 1) throw invalid('One key proof per request: batch issuance is not offered.');
    if (typeof jwts[0] !== 'string') throw new WalletPickupError('invalid_proof', 'proofs.jwt must hold a JWT string.');
    return { configurationId: configurationId as CredentialConfigurationId, proofJwt: jwts[0] };
  }

  /** The issued credential with the holder's DID as its subject, secured as the configuration asks. */
  async #bound(jwt: string, configurationId: CredentialConfigurationId, holder: HolderKey, now: Date) {
    const issued = credentialOfJwt(jwt) as Record<string, unknown> & {
      id: string;
      issuer: { id: string };
      credentialSubject: Record<string, unknown>;
    };
    const bound = { ...issued, credentialSubject: { ...issued.credentialSubject, id: holder.did } };
    if (configurationId === CREDENTIAL_CONFIGURATIONS.jwt) return signCredential(bound, this.deps.signer, now);
    return withProofs(bound, await dataIntegrityProofs(this.deps, bound, bound.issuer.id, now));
  }
}
