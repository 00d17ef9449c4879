import { signal } from '@preact/signals';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { session } from '../auth.ts';
import { pick } from '../i18n.ts';

export type Template = components['schemas']['CredentialTemplate'];

/** The signed-in issuer's offerings, read once per visit of a page that needs them; null while loading. */
export const myTemplates = signal<Template[] | null>(null);

export async function loadMyTemplates(): Promise<void> {
  const issuerId = session.peek()?.subject;
  if (!issuerId) return;
  const all: Template[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await api.GET('/v1/credential-templates', {
      params: { query: { issuer: issuerId, limit: 100, ...(cursor ? { cursor } : {}) } },
    });
    if (!data) break;
    all.push(...data.items);
    cursor = data.nextCursor;
  } while (cursor);
  myTemplates.value = all;
}

/** An offering's title in the reader's language. */
export const titleOf = (template: Template) => pick(template.title);
