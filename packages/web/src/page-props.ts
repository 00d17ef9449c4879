/** What every page receives: the parameters of its route pattern (`/jobs/:id` → { id }). */
export interface PageProps {
  params: Record<string, string>;
}
