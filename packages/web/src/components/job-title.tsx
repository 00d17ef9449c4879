import { useSignal, useSignalEffect } from '@preact/signals';
import { api } from '../api/client.ts';
import { pick } from '../i18n.ts';

const cache = new Map<string, Promise<{ en: string; zh?: string } | undefined>>();

/** A job's title in the chosen language, read once per visit. */
export function JobTitle({ jobId }: { jobId: string }) {
  const title = useSignal<{ en: string; zh?: string } | undefined>(undefined);
  useSignalEffect(() => {
    let pending = cache.get(jobId);
    if (!pending) {
      pending = api.GET('/v1/jobs/{id}', { params: { path: { id: jobId } } }).then(({ data }) => data?.title);
      cache.set(jobId, pending);
    }
    pending.then(
      (value) => {
        title.value = value;
      },
      () => undefined,
    );
  });
  return <>{title.value ? pick(title.value) : jobId}</>;
}
