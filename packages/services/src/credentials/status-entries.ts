import { createCipheriv } from 'node:crypto';
import { allocateRandomIndex, PICKS_BEFORE_LIST_IS_FULL, STATUS_LIST_SIZE } from '@skillpass/credentials';
import {
  BATCH_CHUNK_ROWS,
  type BatchChunk,
  type ChunkStatusBlocks,
  nextStatusListId,
  type Repositories,
} from '@skillpass/store';
import type { CredentialServiceDeps } from './deps.ts';

/**
 * Status-list entries are handed out by place in a keyed random permutation of the list: place p is entry
 * `order[p]`. A batch claims 32 consecutive places (a block) in one write instead of one write an entry, and the
 * entries still land at random, unrelated indexes (neighbouring indexes must not reveal who was issued together).
 */
export const STATUS_BLOCK_SIZE = 32;
const BLOCKS_PER_LIST = STATUS_LIST_SIZE / STATUS_BLOCK_SIZE;
const BLOCKS_PER_CHUNK = Math.ceil(BATCH_CHUNK_ROWS / STATUS_BLOCK_SIZE);

interface Permutation {
  /** Place → entry index. */
  order: Uint32Array;
  /** Entry index → place. */
  place: Uint32Array;
}

/** A list's permutation from its key: Fisher–Yates driven by AES-256-CTR's keystream (the same key, the same order). */
export function statusPermutation(key: Buffer): Permutation {
  const size = STATUS_LIST_SIZE;
  const stream = createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size * 4));
  const order = new Uint32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  for (let i = size - 1; i > 0; i--) {
    // 32 random bits modulo at most 2^17: the bias is below 2^-15, far under anything an observer could use.
    const j = stream.readUInt32LE(i * 4) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const place = new Uint32Array(size);
  for (let p = 0; p < size; p++) place[order[p]!] = p;
  return { order, place };
}

/** Permutations by list, made once a process (about 1 MB each; only the current list or two are ever in use). */
const permutations = new Map<string, Promise<Permutation | undefined>>();

async function permutationOf(
  credentials: CredentialServiceDeps['credentials'],
  listId: string,
): Promise<Permutation | undefined> {
  let known = permutations.get(listId);
  if (!known) {
    known = credentials.statusListKey(listId).then((key) => (key ? statusPermutation(key) : undefined));
    known.catch(() => permutations.delete(listId));
    if (permutations.size >= 4) permutations.delete(permutations.keys().next().value!);
    permutations.set(listId, known);
  }
  return known;
}

/**
 * A random free entry of the current list for one credential: the entry is drawn at random, and claimed in the
 * block its place falls in. When picks keep colliding (or the list predates blocks) the next list becomes current.
 */
export async function allocateStatusEntry({
  credentials,
  random,
}: Pick<CredentialServiceDeps, 'credentials' | 'random'>): Promise<{ listId: string; index: number }> {
  for (let moves = 0; moves < 3; moves++) {
    const listId = await credentials.currentStatusList();
    const permutation = await permutationOf(credentials, listId);
    if (permutation) {
      const blockOf = (index: number) => Math.floor(permutation.place[index]! / STATUS_BLOCK_SIZE);
      const index = await allocateRandomIndex((i) => credentials.claimStatusEntry(listId, blockOf(i), i), random);
      if (index !== undefined) return { listId, index };
    }
    await credentials.advanceStatusList(listId, nextStatusListId(listId));
  }
  throw new Error('no free status-list entry even in a new list');
}

/**
 * The status entry of each row of a chunk, by row number: from the blocks the chunk claimed, claiming them first if
 * it has none (whole free blocks at random, in one transaction with the chunk recording them). A retried chunk gets
 * the same entries back, so no row ever has two. Undefined: the chunk was settled meanwhile.
 */
export async function chunkStatusEntries(
  { credentials, random = Math.random }: Pick<CredentialServiceDeps, 'credentials' | 'random'>,
  batches: Repositories['batches'],
  batchId: string,
  chunk: BatchChunk,
): Promise<Map<number, { listId: string; index: number }> | undefined> {
  let current = chunk;
  for (let moves = 0; moves < 3; ) {
    if (current.pending === 0) return undefined;
    if (current.statusBlocks) return entriesOf(credentials, current);
    const listId = await credentials.currentStatusList();
    const claim = (await permutationOf(credentials, listId))
      ? await claimFreeBlocks(batches, random, batchId, current.chunk, listId)
      : 'list-full';
    if (claim === 'chunk-has-blocks') {
      // Another run of this chunk claimed first (or settled it): take what it recorded.
      const reread = await batches.getChunk(batchId, current.chunk);
      if (!reread) return undefined;
      current = reread;
    } else if (claim === 'list-full') {
      await credentials.advanceStatusList(listId, nextStatusListId(listId));
      moves++;
    } else return entriesOf(credentials, { ...current, statusBlocks: claim });
  }
  throw new Error('no free status-list blocks even in a new list');
}

/** Whole free blocks for a chunk, drawn at random; blocks found taken are drawn again, the rest kept. */
async function claimFreeBlocks(
  batches: Repositories['batches'],
  random: () => number,
  batchId: string,
  chunk: number,
  listId: string,
): Promise<ChunkStatusBlocks | 'chunk-has-blocks' | 'list-full'> {
  const blocks = new Set<number>();
  const draw = () => {
    let block = Math.floor(random() * BLOCKS_PER_LIST);
    while (blocks.has(block)) block = (block + 1) % BLOCKS_PER_LIST;
    blocks.add(block);
  };
  while (blocks.size < BLOCKS_PER_CHUNK) draw();
  for (let attempt = 0; attempt < PICKS_BEFORE_LIST_IS_FULL; attempt++) {
    const claim = { listId, blocks: [...blocks] };
    const outcome = await batches.claimStatusBlocks(batchId, chunk, claim);
    if (outcome === 'claimed') return claim;
    if (outcome === 'chunk-has-blocks') return outcome;
    for (const block of outcome.taken) blocks.delete(block);
    while (blocks.size < BLOCKS_PER_CHUNK) draw();
  }
  return 'list-full';
}

/** Row r of a chunk takes place `r mod 96` of its blocks, in order: the same entry however often it is asked. */
async function entriesOf(
  credentials: CredentialServiceDeps['credentials'],
  chunk: BatchChunk,
): Promise<Map<number, { listId: string; index: number }>> {
  const { listId, blocks } = chunk.statusBlocks!;
  const permutation = await permutationOf(credentials, listId);
  if (!permutation) throw new Error(`status list ${listId} has no permutation key`);
  return new Map(
    chunk.rows.map(({ row }) => {
      const offset = (row - 1) % BATCH_CHUNK_ROWS;
      const place = blocks[Math.floor(offset / STATUS_BLOCK_SIZE)]! * STATUS_BLOCK_SIZE + (offset % STATUS_BLOCK_SIZE);
      return [row, { listId, index: permutation.order[place]! }];
    }),
  );
}
