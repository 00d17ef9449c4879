import { api } from '../api/client.ts';
import type { StandardVersion } from './levels.tsx';

/** A published standard as the pickers and the job pages show it: its title, occupation and current version. */
export interface PublishedStandard {
  standardId: string;
  title: { en: string; zh?: string };
  occupationUri: string;
  version: StandardVersion;
}

// One read per standard per visit for the pages that only name it: a match list names the same standard on many cards.
const byId = new Map<string, Promise<PublishedStandard | undefined>>();

/**
 * One published standard with its current version; undefined when none is published at that id (or offline).
 * `fresh` reads it again (the pickers: a version may have been published since).
 */
export function publishedStandard(standardId: string, fresh = false): Promise<PublishedStandard | undefined> {
  let found = fresh ? undefined : byId.get(standardId);
  if (!found) {
    found = api
      .GET('/v1/standards/{id}', { params: { path: { id: standardId } } })
      .then(({ data }) => {
        const version = data?.versions.find((v) => v.number === data.standard.publishedVersion);
        return data && version
          ? {
              standardId,
              title: data.standard.title,
              occupationUri: data.standard.occupationUri,
              version,
            }
          : undefined;
      })
      .catch(() => {
        byId.delete(standardId);
        return undefined;
      });
    byId.set(standardId, found);
  }
  return found;
}

/** Every published standard with its current version, in the order the API lists them. */
export async function publishedStandards(): Promise<PublishedStandard[]> {
  const list = await api.GET('/v1/standards').catch(() => ({ data: undefined }));
  const found = await Promise.all((list.data?.items ?? []).map((s) => publishedStandard(s.standardId, true)));
  return found.filter((s): s is PublishedStandard => s !== undefined);
}
