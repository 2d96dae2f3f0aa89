/** Every item of an async iterable, in order (`Array.fromAsync`, which Node 20 lacks). */
export async function fromAsync<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
