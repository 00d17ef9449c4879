import { type CredentialTemplate, type CredentialTemplateInput, notFound } from '@skillpass/domain';
import { deterministicId, type Repositories } from '@skillpass/store';
import { resolveStandardLevel } from '../standards/service.ts';

/**
 * An issuer offers a micro-credential. Only a registered issuer may; a retried request with the
 * same Idempotency-Key finds the template its first attempt created. A standard level it names must be
 * defined by a published version of that standard.
 */
export async function offerTemplate(
  { issuers, standards }: Pick<Repositories, 'issuers' | 'standards'>,
  issuerId: string,
  input: CredentialTemplateInput,
  idempotencyKey: string | undefined,
): Promise<CredentialTemplate> {
  if (!(await issuers.get(issuerId))) throw notFound('issuer (register with PUT /v1/issuers/me first)');
  if (input.skillLevelStandard)
    await resolveStandardLevel({ standards }, input.skillLevelStandard, 'skillLevelStandard');
  return issuers.createTemplate(
    issuerId,
    input,
    idempotencyKey ? deterministicId('tpl', issuerId, idempotencyKey) : undefined,
  );
}
