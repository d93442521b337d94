/**
 * Adds an item to the list a map keeps under a key, starting the list when the key is new: the grouping step that
 * reports, checks and formats share.
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
