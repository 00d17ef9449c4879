import { type CredentialTemplate, type CredentialTemplateInput, notFound } from '@skillpass/domain';
import { deterministicId, type Repositories } from '@skillpass/store';

/**
 * An issuer offers a micro-credential. Only a registered issuer may; a retried request with the
 * same Idempotency-Key finds the template its first attempt created.
 */
export async function offerTemplate(
  { issuers }: Pick<Repositories, 'issuers'>,
  issuerId: string,
  input: CredentialTemplateInput,
  idempotencyKey: string | undefined,
): Promise<CredentialTemplate> {
  if (!(await issuers.get(issuerId))) throw notFound('issuer (register with PUT /v1/issuers/me first)');
  return issuers.createTemplate(
    issuerId,
    input,
    idempotencyKey ? deterministicId('tpl', issuerId, idempotencyKey) : undefined,
  );
}
