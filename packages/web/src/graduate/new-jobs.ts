import { api } from '../api/client.ts';

/** Jobs named by unread "new matching jobs" notifications: the matches page marks them "new". */
export async function newJobIds(): Promise<Set<string>> {
  const { data } = await api.GET('/v1/profiles/me/notifications', { params: { query: { limit: 100 } } });
  return new Set((data?.items ?? []).filter((n) => n.kind === 'new-matches' && !n.read).flatMap((n) => n.jobIds));
}
