import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CredentialTemplate,
  type CredentialTemplateInput,
  DomainError,
  type IssuedCredential,
  type Issuer,
  type IssuerInput,
  notFound,
} from '@skillpass/domain';
import type { Table } from './client.ts';
import type { CursorCodec } from './cursor.ts';
import { newId } from './ids.ts';
import {
  createItem,
  getLiveItem,
  isConditionFailure,
  type Page,
  putItems,
  queryAll,
  queryPage,
  recordOf,
  replaceAtVersion,
  type StoredItem,
} from './items.ts';

export const FIRST_STATUS_LIST = 'l1';

/** Status lists are `l1`, `l2`, …: the number, or undefined for anything else. */
export function statusListNumber(listId: string): number | undefined {
  const match = /^l([1-9]\d{0,5})$/.exec(listId);
  return match ? Number(match[1]) : undefined;
}

export const nextStatusListId = (listId: string): string => `l${(statusListNumber(listId) ?? 1) + 1}`;

export const credentialKeys = {
  issuer: (issuerId: string) => ({ PK: `ISSUER#${issuerId}`, SK: 'ISSUER' }),
  allIssuers: () => 'ISSUERS',
  template: (templateId: string) => ({ PK: `TPL#${templateId}`, SK: 'TPL' }),
  issuerTemplates: (issuerId: string) => `ISSUER#${issuerId}#TPLS`,
  allTemplates: () => 'TEMPLATES',
  templatesTeaching: (skillUri: string) => `SKILLTPLS#${skillUri}`,
  credential: (credentialId: string) => ({ PK: `CRED#${credentialId}`, SK: 'CRED' }),
  issuerCredentials: (issuerId: string) => `ISSUER#${issuerId}#CREDS`,
  holderCredentials: (graduateId: string) => `HOLDER#${graduateId}`,
  statusIndex: (listId: string, index: number) => ({ PK: `STATUSIDX#${listId}`, SK: String(index).padStart(8, '0') }),
  statusList: (listId: string) => ({ PK: `STATUSLIST#${listId}`, SK: 'LIST' }),
  /** Which list new credentials take their index from; absent means the first, `l1`. */
  currentStatusList: () => ({ PK: 'STATUSLIST', SK: 'CURRENT' }),
  batch: (batchId: string) => ({ PK: `BATCH#${batchId}`, SK: 'BATCH' }),
  batchRecipient: (batchId: string, row: number) => ({ PK: `BATCH#${batchId}`, SK: `R#${String(row).padStart(6, '0')}` }),
} as const;

export type StatusPurpose = 'revocation' | 'suspension';

export interface StatusListState {
  listId: string;
  size: number;
  revoked: number[];
  suspended: number[];
  version: number;
}

export interface HeldCredential {
  heldId: string;
  graduateId: string;
  jwt: string;
  issuerId: string;
  title: string;
  skills: string[];
  validUntil?: string;
  importedAt: string;
}

export interface CredentialBatch {
  batchId: string;
  issuerId: string;
  templateId: string;
  total: number;
  createdAt: string;
}

export interface BatchRecipient<Input = unknown> {
  row: number;
  input: Input;
  status: 'pending' | 'issued' | 'failed';
  credentialId?: string;
  error?: string;
}

/** Issuers, templates, issued credentials, status lists and batches, in the same single table. */
export class DynamoCredentialStore {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async getIssuer(issuerId: string): Promise<Issuer | undefined> {
    const item = await getLiveItem(this.table, credentialKeys.issuer(issuerId), this.clock());
    return item ? recordOf<Issuer>(item) : undefined;
  }

  async putIssuer(issuerId: string, input: IssuerInput, signingKeyIds: string[]): Promise<Issuer> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.getIssuer(issuerId);
      const now = this.clock().toISOString();
      const issuer: Issuer = {
        ...input,
        issuerId,
        signingKeyIds: [...new Set([...(current?.signingKeyIds ?? []), ...signingKeyIds])],
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      const item = {
        ...credentialKeys.issuer(issuerId),
        entity: 'Issuer',
        GSI1PK: credentialKeys.allIssuers(),
        GSI1SK: issuerId,
        ...issuer,
      };
      try {
        if (current) await replaceAtVersion(this.table, item, current.version);
        else await createItem(this.table, item, 'issuer');
        return issuer;
      } catch (error) {
        if (!(error instanceof DomainError) || attempt >= 5) throw error;
      }
    }
  }

  async listIssuers(): Promise<Issuer[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: credentialKeys.allIssuers() });
    return items.map((item) => recordOf<Issuer>(item));
  }

  async createTemplate(issuerId: string, input: CredentialTemplateInput, templateId?: string): Promise<CredentialTemplate> {
    const now = this.clock();
    const template: CredentialTemplate = {
      ...input,
      templateId: templateId ?? newId('tpl', now),
      issuerId,
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const order = `${template.createdAt}#${template.templateId}`;
    await createItem(
      this.table,
      {
        ...credentialKeys.template(template.templateId),
        entity: 'CredentialTemplate',
        GSI1PK: credentialKeys.issuerTemplates(issuerId),
        GSI1SK: order,
        GSI2PK: credentialKeys.allTemplates(),
        GSI2SK: order,
        ...template,
      },
      'credential template',
    );
    // Postings skill → template answer "which offerings teach this skill" without a scan.
    await putItems(
      this.table,
      template.learningOutcomes.map((uri) => ({
        PK: credentialKeys.templatesTeaching(uri),
        SK: template.templateId,
        entity: 'TemplateSkillPosting',
        templateId: template.templateId,
      })),
    );
    return template;
  }

  async getTemplate(templateId: string): Promise<CredentialTemplate | undefined> {
    const item = await getLiveItem(this.table, credentialKeys.template(templateId), this.clock());
    return item ? recordOf<CredentialTemplate>(item) : undefined;
  }

  async listTemplates(filter: { issuerId?: string; limit: number; cursor?: string }): Promise<Page<CredentialTemplate>> {
    const page = await queryPage(
      this.table,
      this.cursors,
      {
        index: filter.issuerId ? 'GSI1' : 'GSI2',
        partitionKey: filter.issuerId ? credentialKeys.issuerTemplates(filter.issuerId) : credentialKeys.allTemplates(),
        newestFirst: true,
        limit: filter.limit,
        cursor: filter.cursor,
        fingerprint: `templates:${filter.issuerId ?? '*'}`,
      },
      this.clock(),
    );
    return { items: page.items.map((item) => recordOf<CredentialTemplate>(item)), nextCursor: page.nextCursor };
  }

  async templateIdsTeaching(skillUri: string): Promise<string[]> {
    const items = await queryAll(this.table, { partitionKey: credentialKeys.templatesTeaching(skillUri) });
    return items.map((item) => String(item.templateId));
  }

  /**
   * Claims a status-list index for a credential. The conditional create makes the claim atomic, so
   * two concurrent issuances can never share an index; false means it was taken, pick another.
   */
  async claimStatusIndex(listId: string, index: number, credentialId: string): Promise<boolean> {
    try {
      await createItem(
        this.table,
        { ...credentialKeys.statusIndex(listId, index), entity: 'StatusIndexClaim', credentialId },
        'status index',
      );
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'conflict') return false;
      throw error;
    }
  }

  async currentStatusList(): Promise<string> {
    const item = await getLiveItem(this.table, credentialKeys.currentStatusList(), this.clock());
    return typeof item?.listId === 'string' ? item.listId : FIRST_STATUS_LIST;
  }

  /** Moves new issuances from list `from` to `to`; a no-op when another issuance already moved it on. */
  async advanceStatusList(from: string, to: string): Promise<void> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...credentialKeys.currentStatusList(), entity: 'CurrentStatusList', listId: to, updatedAt: this.clock().toISOString() },
          ConditionExpression: from === FIRST_STATUS_LIST ? 'attribute_not_exists(PK) OR listId = :from' : 'listId = :from',
          ExpressionAttributeValues: { ':from': from },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** A list is served once credentials may point at it: the first up to the current one. */
  async isStatusListInUse(listId: string): Promise<boolean> {
    const number = statusListNumber(listId);
    return number !== undefined && number <= (statusListNumber(await this.currentStatusList()) ?? 1);
  }

  async isStatusIndexTaken(listId: string, index: number): Promise<boolean> {
    return (await getLiveItem(this.table, credentialKeys.statusIndex(listId, index), this.clock())) !== undefined;
  }

  async getStatusList(listId: string, size: number): Promise<StatusListState> {
    const item = await getLiveItem(this.table, credentialKeys.statusList(listId), this.clock());
    const numbers = (value: unknown) => (value instanceof Set ? [...value].map(Number).sort((a, b) => a - b) : []);
    return {
      listId,
      size,
      revoked: numbers(item?.revoked),
      suspended: numbers(item?.suspended),
      version: typeof item?.version === 'number' ? item.version : 0,
    };
  }

  async createCredential(credential: IssuedCredential): Promise<void> {
    await createItem(this.table, this.#credentialItem(credential), 'credential');
  }

  #credentialItem(credential: IssuedCredential): StoredItem {
    const holderGraduate = credential.holder.kind === 'graduate' ? credential.holder.graduateId : undefined;
    return {
      ...credentialKeys.credential(credential.credentialId),
      entity: 'IssuedCredential',
      GSI1PK: credentialKeys.issuerCredentials(credential.issuerId),
      GSI1SK: `${credential.createdAt}#${credential.credentialId}`,
      ...(holderGraduate
        ? {
            GSI2PK: credentialKeys.holderCredentials(holderGraduate),
            GSI2SK: `${credential.createdAt}#${credential.credentialId}`,
            owner: `GRAD#${holderGraduate}`,
          }
        : {}),
      ...credential,
    };
  }

  async getCredential(credentialId: string): Promise<IssuedCredential | undefined> {
    const item = await getLiveItem(this.table, credentialKeys.credential(credentialId), this.clock());
    return item ? recordOf<IssuedCredential>(item) : undefined;
  }

  async listHolderCredentials(graduateId: string): Promise<IssuedCredential[]> {
    const items = await queryAll(this.table, { index: 'GSI2', partitionKey: credentialKeys.holderCredentials(graduateId) });
    return items.map((item) => recordOf<IssuedCredential>(item));
  }

  /**
   * Moves a credential between active, suspended and revoked, and flips its bits in the status
   * list in the same transaction, so the list never disagrees with the credential.
   */
  async changeCredentialStatus(
    credentialId: string,
    to: IssuedCredential['status'],
  ): Promise<IssuedCredential> {
    const current = await this.getCredential(credentialId);
    if (!current) throw notFound('credential');
    if (current.status === 'revoked') throw new DomainError('conflict', 'A revoked credential stays revoked.');
    if (current.status === to) return current;
    const list = credentialKeys.statusList(current.statusListId);
    const index = new Set([current.statusListIndex]);
    const listUpdate =
      to === 'revoked'
        ? { UpdateExpression: 'ADD revoked :i DELETE suspended :i SET version = if_not_exists(version, :zero) + :one' }
        : to === 'suspended'
          ? { UpdateExpression: 'ADD suspended :i SET version = if_not_exists(version, :zero) + :one' }
          : { UpdateExpression: 'DELETE suspended :i SET version = if_not_exists(version, :zero) + :one' };
    const now = this.clock().toISOString();
    const next: IssuedCredential = { ...current, status: to, version: current.version + 1, updatedAt: now };
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.name,
                Item: this.#credentialItem(next),
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': current.version },
              },
            },
            {
              Update: {
                TableName: this.table.name,
                Key: list,
                ...listUpdate,
                ExpressionAttributeValues: { ':i': index, ':zero': 0, ':one': 1 },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new DomainError('conflict', 'The credential changed at the same time; read it again.');
      }
      throw error;
    }
    return next;
  }

  /** A credential a graduate brought from elsewhere; it lives in their partition, so erasure removes it. */
  async putHeldCredential(held: HeldCredential): Promise<void> {
    await putItems(this.table, [{ PK: `GRAD#${held.graduateId}`, SK: `HELD#${held.heldId}`, entity: 'HeldCredential', ...held }]);
  }

  async listHeldCredentials(graduateId: string): Promise<HeldCredential[]> {
    const items = await queryAll(this.table, { partitionKey: `GRAD#${graduateId}`, sortKeyBeginsWith: 'HELD#' });
    return items.map((item) => recordOf<HeldCredential>(item));
  }

  // Batches --------------------------------------------------------------------------------

  async createBatch<Input>(batch: CredentialBatch, recipients: ReadonlyArray<BatchRecipient<Input>>): Promise<void> {
    await createItem(this.table, { ...credentialKeys.batch(batch.batchId), entity: 'CredentialBatch', ...batch }, 'batch');
    await putItems(
      this.table,
      recipients.map((recipient) => ({
        ...credentialKeys.batchRecipient(batch.batchId, recipient.row),
        entity: 'BatchRecipient',
        ...recipient,
      })),
    );
  }

  async getBatch(batchId: string): Promise<CredentialBatch | undefined> {
    const item = await getLiveItem(this.table, credentialKeys.batch(batchId), this.clock());
    return item ? recordOf<CredentialBatch>(item) : undefined;
  }

  async listBatchRecipients<Input>(batchId: string, page: { limit: number; cursor?: string }): Promise<Page<BatchRecipient<Input>>> {
    const result = await queryPage(
      this.table,
      this.cursors,
      {
        partitionKey: credentialKeys.batch(batchId).PK,
        sortKeyBeginsWith: 'R#',
        limit: page.limit,
        cursor: page.cursor,
        fingerprint: `batch:${batchId}`,
      },
      this.clock(),
    );
    return { items: result.items.map((item) => recordOf<BatchRecipient<Input>>(item)), nextCursor: result.nextCursor };
  }

  /**
   * Records one recipient's outcome exactly once: a row moves out of `pending` only by a
   * conditional write, so a retried or duplicated worker cannot settle it twice. Progress is
   * counted from the rows themselves (see batchProgress), never from a shared counter that every
   * worker would contend on.
   */
  async settleBatchRecipient(
    batchId: string,
    row: number,
    outcome: { status: 'issued'; credentialId: string } | { status: 'failed'; error: string },
  ): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: credentialKeys.batchRecipient(batchId, row),
          UpdateExpression: outcome.status === 'issued' ? 'SET #status = :to, credentialId = :detail' : 'SET #status = :to, #error = :detail',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status', ...(outcome.status === 'failed' ? { '#error': 'error' } : {}) },
          ExpressionAttributeValues: {
            ':to': outcome.status,
            ':pending': 'pending',
            ':detail': outcome.status === 'issued' ? outcome.credentialId : outcome.error,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Counts a batch's rows by status with COUNT queries over its partition. */
  async batchProgress(batchId: string): Promise<{ issued: number; failed: number; pending: number }> {
    const count = async (status: string) => {
      let total = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await this.table.doc.send(
          new QueryCommand({
            TableName: this.table.name,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rows)',
            FilterExpression: '#status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pk': credentialKeys.batch(batchId).PK, ':rows': 'R#', ':status': status },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        );
        total += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return total;
    };
    const [issued, failed, pending] = await Promise.all([count('issued'), count('failed'), count('pending')]);
    return { issued, failed, pending };
  }
}
