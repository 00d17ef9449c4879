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

const kindOf = (key: Record<string, unknown> | undefined): string => {
  const pk = key?.PK;
  const value = typeof pk === 'string' ? pk : (pk as { S?: string } | undefined)?.S;
  return value?.split('#')[0] ?? '?';
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
