import type { SkillGraph } from '@skillpass/matching';
import { type CursorCodec, createRepositories, type Table } from '@skillpass/store';
import type { ConsumerDeps } from './consumers.ts';

/** What the event consumers run on: the repositories, the skill graph, the time and a status reader; nothing that signs, pages or serves HTTP. */
export function composeConsumerDeps(options: {
  table: Table;
  cursors: CursorCodec;
  taxonomy: SkillGraph;
  credentialService: ConsumerDeps['credentialService'];
  clock?: () => Date;
}): ConsumerDeps {
  const clock = options.clock ?? (() => new Date());
  return {
    ...createRepositories(options.table, options.cursors, clock),
    taxonomy: options.taxonomy,
    credentialService: options.credentialService,
    clock,
  };
}
