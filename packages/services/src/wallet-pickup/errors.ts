/**
 * The OAuth 2.0 / OID4VCI error answers (RFC 6749 §5.2, OID4VCI 1.0 §8.3.1.2): wallets read `error`,
 * so these endpoints answer `{ error, error_description }` instead of problem+json.
 */
export type WalletPickupErrorCode =
  | 'invalid_request'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'invalid_token'
  | 'invalid_credential_request'
  | 'unknown_credential_configuration'
  | 'invalid_proof'
  | 'invalid_nonce'
  | 'credential_request_denied';

export class WalletPickupError extends Error {
  constructor(
    readonly code: WalletPickupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WalletPickupError';
  }

  /** 401 for a missing or bad access token (with a `WWW-Authenticate` challenge), 400 for everything else. */
  get status(): 400 | 401 {
    return this.code === 'invalid_token' ? 401 : 400;
  }

  get body() {
    return { error: this.code, error_description: this.message };
  }
}
