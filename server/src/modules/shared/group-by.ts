/**
 * Groups documents into a Map of arrays by key, keeping their order: what a loader needs to
 * answer every key of a batch from one query (a key without documents is simply absent).
 */
export function groupBy<T, V = T>(items: readonly T[], keyOf: (item: T) => string, valueOf?: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const value = valueOf ? valueOf(item) : (item as unknown as V);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
