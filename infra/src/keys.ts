import {
  RemovalPolicy,
  type Stack,
  type aws_iam as iam,
  aws_kms as kms,
  aws_secretsmanager as secretsmanager,
} from 'aws-cdk-lib';
import { acknowledge } from './nag.ts';

/** The pagination cursor secret and the credential signing keys of the current and the retired generations. */
export interface Keys {
  cursorSecret: secretsmanager.Secret;
  generation: string;
  signingKey: kms.Key;
  ed25519SigningKey: kms.Key;
  retiredKeys: Array<{ generation: string; alias: kms.IAlias; ed25519Alias: kms.IAlias }>;
}

/** The alias of a generation's P-256 signing key; its Ed25519 companion's adds `-ed25519`. */
export const signingKeyAlias = (stage: string, generation: string): string =>
  `alias/skillpass-${stage}-signing-${generation}`;

/** The cursor secret, this generation's two signing keys, and the aliases of the retired generations' keys. */
export function keysAndSecret(
  stack: Stack,
  settings: { stage: string; generation: string; retiredGenerations: string[]; removalPolicy: RemovalPolicy },
): Keys {
  const { stage, generation } = settings;
  const cursorSecret = new secretsmanager.Secret(stack, 'CursorSecret', {
    description: 'HMAC key for skillpass pagination cursors',
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
    removalPolicy: settings.removalPolicy,
  });
  acknowledge(cursorSecret, {
    'AwsSolutions-SMG4':
      'Rotating the cursor key only invalidates open pagination cursors; it is rotated by redeploying, not on a schedule.',
  });

  // The credential signing key: ECDSA P-256 in KMS, so the private key never leaves it.
  const signingKey = new kms.Key(stack, `SigningKey${generation}`, {
    description: `skillpass credential signing key, generation ${generation}`,
    keySpec: kms.KeySpec.ECC_NIST_P256,
    keyUsage: kms.KeyUsage.SIGN_VERIFY,
    alias: signingKeyAlias(stage, generation),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // Its Ed25519 companion signs the eddsa-rdfc-2022 Data Integrity proofs (the proof Open Badges 3.0 certification
  // asks for): KMS signs pure Ed25519 (ED25519_SHA_512, MessageType RAW), so this private key stays in KMS too.
  const ed25519SigningKey = new kms.Key(stack, `Ed25519SigningKey${generation}`, {
    description: `skillpass Data Integrity (eddsa-rdfc-2022) signing key, generation ${generation}`,
    keySpec: kms.KeySpec.ECC_NIST_EDWARDS25519,
    keyUsage: kms.KeyUsage.SIGN_VERIFY,
    alias: `${signingKeyAlias(stage, generation)}-ed25519`,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const retiredKeys = settings.retiredGenerations.map((retired) => ({
    generation: retired,
    alias: kms.Alias.fromAliasName(stack, `Retired${retired}`, signingKeyAlias(stage, retired)),
    // Generations deployed before Ed25519 keys existed have no such alias; the functions skip a missing one.
    ed25519Alias: kms.Alias.fromAliasName(
      stack,
      `Retired${retired}Ed25519`,
      `${signingKeyAlias(stage, retired)}-ed25519`,
    ),
  }));
  return { cursorSecret, generation, signingKey, ed25519SigningKey, retiredKeys };
}

/** Where the functions find the cursor secret and the keys (retired generations as `generation=alias` lists). */
export const keyEnvironment = (keys: Keys): Record<string, string> => ({
  CURSOR_SECRET_ARN: keys.cursorSecret.secretArn,
  SIGNING_KEY_ID: keys.signingKey.keyArn,
  SIGNING_KEY_GENERATION: keys.generation,
  RETIRED_SIGNING_KEYS: keys.retiredKeys.map((k) => `${k.generation}=${k.alias.aliasName}`).join(','),
  ED25519_SIGNING_KEY_ID: keys.ed25519SigningKey.keyArn,
  RETIRED_ED25519_SIGNING_KEYS: keys.retiredKeys.map((k) => `${k.generation}=${k.ed25519Alias.aliasName}`).join(','),
});

/**
 * What the functions that issue credentials (the API, the batch worker) may do: read the cursor secret, read every
 * generation's public key (they publish them) and sign with the current generation's keys.
 */
export function grantSigning(keys: Keys, fn: iam.IGrantable): void {
  keys.cursorSecret.grantRead(fn);
  keys.signingKey.grant(fn, 'kms:GetPublicKey');
  keys.ed25519SigningKey.grant(fn, 'kms:GetPublicKey');
  for (const retired of keys.retiredKeys) {
    retired.alias.grant(fn, 'kms:GetPublicKey');
    retired.ed25519Alias.grant(fn, 'kms:GetPublicKey');
  }
  keys.signingKey.grant(fn, 'kms:Sign');
  keys.ed25519SigningKey.grant(fn, 'kms:Sign');
}
