/**
 * The items a DynamoDB request writes, read from its input: what the benches count to say where a pipeline's writes
 * go and what they cost. Works on the document client's plain values and on marshalled ones (`{ S: … }`).
 */
export interface WrittenItem {
  /** The first segment of the item's partition key (`SKILLGRADS`, `INSIGHT`, …): the kind of item. */
  kind: string;
  /** The whole item for a put; undefined for an update or a delete (only the key is known). */
  item?: unknown;
  transactional: boolean;
}

type Write = { Put?: { Item: Record<string, unknown> }; Update?: { Key: Record<string, unknown> } } & {
  Delete?: { Key: Record<string, unknown> };
};

const stringOf = (value: unknown) => (typeof value === 'string' ? value : (value as { S?: string } | undefined)?.S);
/** A word in capitals names a kind of item (`CANDS`, `MATCHES`); ids, URIs and dates do not. */
const isWord = (segment: string | undefined) => segment !== undefined && /^[A-Z]+$/.test(segment);

/**
 * What kind of item a key is: the partition key's first word, with its last word and the sort key when they are
 * words too (`JOB#CANDS` a candidate, `JOB/CANDFLOOR` a list's floor, `GRAD/MATCHES` a match set).
 */
const kindOf = (key: Record<string, unknown> | undefined): string => {
  const segments = stringOf(key?.PK)?.split('#');
  if (!segments) return '?';
  const sk = stringOf(key?.SK);
  const last = segments.length > 2 ? segments.at(-1) : undefined;
  return `${segments[0]}${isWord(last) ? `#${last}` : ''}${isWord(sk) && sk !== segments[0] ? `/${sk}` : ''}`;
};

export function writtenItems(command: string, input: Record<string, unknown>): WrittenItem[] {
  if (command === 'PutItemCommand') {
    const item = input.Item as Record<string, unknown>;
    return [{ kind: kindOf(item), item, transactional: false }];
  }
  if (command === 'UpdateItemCommand' || command === 'DeleteItemCommand')
    return [{ kind: kindOf(input.Key as Record<string, unknown>), transactional: false }];
  if (command === 'TransactWriteItemsCommand')
    return (input.TransactItems as Write[]).flatMap((write): WrittenItem[] => {
      if (write.Put) return [{ kind: kindOf(write.Put.Item), item: write.Put.Item, transactional: true }];
      const key = write.Update?.Key ?? write.Delete?.Key;
      return key ? [{ kind: kindOf(key), transactional: true }] : [];
    });
  if (command === 'BatchWriteItemCommand')
    return Object.values(
      input.RequestItems as Record<
        string,
        Array<{ PutRequest?: { Item: Record<string, unknown> }; DeleteRequest?: { Key: Record<string, unknown> } }>
      >,
    )
      .flat()
      .map((write) =>
        write.PutRequest
          ? { kind: kindOf(write.PutRequest.Item), item: write.PutRequest.Item, transactional: false }
          : { kind: kindOf(write.DeleteRequest?.Key), transactional: false },
      );
  return [];
}
