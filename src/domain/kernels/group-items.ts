/**
 * Items 0…size−1 ordered by group (a counting sort; arrival order kept within a group):
 * group g's items are order[start[g]] … order[start[g + 1] − 1].
 */
export function groupItems(
  size: number,
  groups: number,
  countOf: (group: number) => number,
  groupOf: (item: number) => number,
): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) start[g + 1] = start[g] + countOf(g);
  const fill = start.slice(0, groups);
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[fill[groupOf(i)]++] = i;
  return { start, order };
}
