import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DeleteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../client.ts';
import { entities, type ItemKey, itemOf } from '../entities.ts';
import { createItem, epochSeconds, expiryOf, getLiveItem, recordOf } from '../items.ts';

/** A credential offer: which issued credential a pre-authorized code picks up, for which graduate. */
export interface CredentialOfferRecord {
  credentialId: string;
  graduateId: string;
  /** sha256 of the transaction code the wallet must also send, when the graduate asked for one. */
  txCodeHash?: string;
  createdAt: string;
}

/** What an access token lets a wallet fetch. */
export interface WalletAccessTokenRecord {
  credentialId: string;
  graduateId: string;
}

/**
 * The OID4VCI pre-authorized code flow's short-lived secrets. Codes and tokens are stored by their
 * hash (a table read never yields a usable one); codes and nonces are used once, by a conditional
 * delete, so two wallets racing with one code get one token between them.
 */
export interface WalletPickupRepository {
  /** Stores an offer; returns when it expires (epoch seconds). */
  createOffer(codeHash: string, offer: CredentialOfferRecord): Promise<number>;
  /** A live offer, left in place (to check what the token request must carry before using the code up). */
  offer(codeHash: string): Promise<CredentialOfferRecord | undefined>;
  /** Takes a live offer out of the table and returns it; undefined when it is unknown, used or expired. */
  redeemOffer(codeHash: string): Promise<CredentialOfferRecord | undefined>;
  /** Stores an access token; returns its lifetime in seconds. */
  createAccessToken(tokenHash: string, token: WalletAccessTokenRecord): Promise<number>;
  accessToken(tokenHash: string): Promise<WalletAccessTokenRecord | undefined>;
  createNonce(nonce: string): Promise<void>;
  /** Uses a nonce up: true only for the first use of a live one. */
  consumeNonce(nonce: string): Promise<boolean>;
}

export class DynamoWalletPickupRepository implements WalletPickupRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async createOffer(codeHash: string, offer: CredentialOfferRecord): Promise<number> {
    const expiresAt = expiryOf(entities.CredentialOffer, this.clock());
    const key = entities.CredentialOffer.key(codeHash);
    await createItem(this.table, itemOf(entities.CredentialOffer, key, { ...offer, expiresAt }, offer), 'offer');
    return expiresAt;
  }

  async offer(codeHash: string): Promise<CredentialOfferRecord | undefined> {
    const item = await getLiveItem(this.table, entities.CredentialOffer.key(codeHash), this.clock());
    return item && recordOf<CredentialOfferRecord>(item);
  }

  async redeemOffer(codeHash: string): Promise<CredentialOfferRecord | undefined> {
    const old = await this.#deleteLive(entities.CredentialOffer.key(codeHash));
    return old && recordOf<CredentialOfferRecord>(old);
  }

  async createAccessToken(tokenHash: string, token: WalletAccessTokenRecord): Promise<number> {
    const now = this.clock();
    const expiresAt = expiryOf(entities.WalletAccessToken, now);
    const key = entities.WalletAccessToken.key(tokenHash);
    await createItem(this.table, itemOf(entities.WalletAccessToken, key, { ...token, expiresAt }, token), 'token');
    return expiresAt - epochSeconds(now);
  }

  async accessToken(tokenHash: string): Promise<WalletAccessTokenRecord | undefined> {
    const item = await getLiveItem(this.table, entities.WalletAccessToken.key(tokenHash), this.clock());
    return item && recordOf<WalletAccessTokenRecord>(item);
  }

  async createNonce(nonce: string): Promise<void> {
    const expiresAt = expiryOf(entities.WalletNonce, this.clock());
    await createItem(this.table, itemOf(entities.WalletNonce, entities.WalletNonce.key(nonce), { expiresAt }), 'nonce');
  }

  async consumeNonce(nonce: string): Promise<boolean> {
    return (await this.#deleteLive(entities.WalletNonce.key(nonce))) !== undefined;
  }

  /** Deletes an item only while it is live (TTL deletion is lazy); the deleted item, or undefined. */
  async #deleteLive(key: ItemKey): Promise<Record<string, unknown> | undefined> {
    let out: DeleteCommandOutput;
    try {
      out = await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: key,
          ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': epochSeconds(this.clock()) },
          ReturnValues: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
    return out.Attributes;
  }
}
