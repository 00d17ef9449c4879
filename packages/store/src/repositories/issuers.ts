import {
  type Approval,
  type CredentialTemplate,
  type CredentialTemplateInput,
  type Issuer,
  type IssuerInput,
  notFound,
} from '@skillpass/domain';
import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { entities, itemOf, partitions } from '../entities.ts';
import { newId } from '../ids.ts';
import {
  createItem,
  getLiveItem,
  type Page,
  putItems,
  queryAll,
  queryPage,
  recordOf,
  replaceAtVersion,
} from '../items.ts';
import { withOptimisticRetry } from '../optimistic.ts';

/** Issuing organisations and their credential templates (micro-credential offerings). */
export interface IssuerRepository {
  get(issuerId: string): Promise<Issuer | undefined>;
  /** Creates or changes an issuer; signing key ids accumulate, so old credentials keep resolving. */
  put(issuerId: string, input: IssuerInput, signingKeyIds: string[]): Promise<Issuer>;
  list(): Promise<Issuer[]>;
  /** An administrator accredits the issuer on the platform until `validUntil` (a date). 404 when it does not exist. */
  accredit(issuerId: string, accreditation: Approval & { validUntil: string }): Promise<Issuer>;
  createTemplate(issuerId: string, input: CredentialTemplateInput, templateId?: string): Promise<CredentialTemplate>;
  getTemplate(templateId: string): Promise<CredentialTemplate | undefined>;
  listTemplates(filter: { issuerId?: string; limit: number; cursor?: string }): Promise<Page<CredentialTemplate>>;
  /** Which templates teach a skill (have it as a learning outcome). */
  templateIdsTeaching(skillUri: string): Promise<string[]>;
}

export class DynamoIssuerRepository implements IssuerRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly clock: () => Date,
  ) {}

  async get(issuerId: string): Promise<Issuer | undefined> {
    const item = await getLiveItem(this.table, entities.Issuer.key(issuerId), this.clock());
    return item ? recordOf<Issuer>(item) : undefined;
  }

  put(issuerId: string, input: IssuerInput, signingKeyIds: string[]): Promise<Issuer> {
    return withOptimisticRetry(async () => {
      const current = await this.get(issuerId);
      const now = this.clock().toISOString();
      const issuer: Issuer = {
        ...input,
        issuerId,
        // An administrator's accreditation survives the issuer's own edits.
        ...(current?.platformAccreditation ? { platformAccreditation: current.platformAccreditation } : {}),
        signingKeyIds: [...new Set([...(current?.signingKeyIds ?? []), ...signingKeyIds])],
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      const item = itemOf(entities.Issuer, entities.Issuer.key(issuerId), issuer, issuer);
      if (current) await replaceAtVersion(this.table, item, current.version);
      else await createItem(this.table, item, 'issuer');
      return issuer;
    });
  }

  accredit(issuerId: string, accreditation: Approval & { validUntil: string }): Promise<Issuer> {
    return withOptimisticRetry(async () => {
      const current = await this.get(issuerId);
      if (!current) throw notFound('issuer');
      const issuer: Issuer = {
        ...current,
        platformAccreditation: accreditation,
        version: current.version + 1,
        updatedAt: this.clock().toISOString(),
      };
      await replaceAtVersion(
        this.table,
        itemOf(entities.Issuer, entities.Issuer.key(issuerId), issuer, issuer),
        current.version,
      );
      return issuer;
    });
  }

  async list(): Promise<Issuer[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.allIssuers() });
    return items.map((item) => recordOf<Issuer>(item));
  }

  async createTemplate(
    issuerId: string,
    input: CredentialTemplateInput,
    templateId?: string,
  ): Promise<CredentialTemplate> {
    const now = this.clock();
    const template: CredentialTemplate = {
      ...input,
      templateId: templateId ?? newId('tpl', now),
      issuerId,
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await createItem(
      this.table,
      itemOf(entities.CredentialTemplate, entities.CredentialTemplate.key(template.templateId), template, template),
      'credential template',
    );
    // Postings skill → template answer "which offerings teach this skill" without a scan.
    await putItems(
      this.table,
      template.learningOutcomes.map((uri) =>
        itemOf(entities.TemplateSkillPosting, entities.TemplateSkillPosting.key(uri, template.templateId), {
          templateId: template.templateId,
        }),
      ),
    );
    return template;
  }

  async getTemplate(templateId: string): Promise<CredentialTemplate | undefined> {
    const item = await getLiveItem(this.table, entities.CredentialTemplate.key(templateId), this.clock());
    return item ? recordOf<CredentialTemplate>(item) : undefined;
  }

  async listTemplates(filter: {
    issuerId?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<CredentialTemplate>> {
    const page = await queryPage(
      this.table,
      this.cursors,
      {
        index: filter.issuerId ? 'GSI1' : 'GSI2',
        partitionKey: filter.issuerId ? partitions.issuerTemplates(filter.issuerId) : partitions.allTemplates(),
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
    const items = await queryAll(this.table, { partitionKey: partitions.templatesTeaching(skillUri) });
    return items.map((item) => String(item.templateId));
  }
}
