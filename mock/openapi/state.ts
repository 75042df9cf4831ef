/**
 * The `--stateful` store: what was POSTed (or PUT) to a collection, kept by
 * the id in its item path (`/orders/{orderId}`), so a later GET returns it
 * and PUT, PATCH and DELETE act on it. In memory, per mock server.
 */

/** Items by collection path (`/api/v1/orders`), then by id. */
export class MockState {
  private readonly collections = new Map<string, Map<string, Record<string, unknown>>>();

  /** The items of `collection` (created empty on first use). */
  items(collection: string): Map<string, Record<string, unknown>> {
    let items = this.collections.get(collection);
    if (!items) {
      items = new Map();
      this.collections.set(collection, items);
    }
    return items;
  }

  /** Seeds a collection (a scenario's `given`), each item under the value of `idField` (or `id`). */
  seed(collection: string, items: readonly Record<string, unknown>[], idField?: string): void {
    const store = this.items(collection);
    items.forEach((item, i) => store.set(String(item[idField ?? 'id'] ?? item.id ?? i + 1), item));
  }
}

/** The property of `item` that holds its id: the item path's parameter name when the item has it, else `id`. */
export function idFieldOf(item: Record<string, unknown>, param: string | undefined): string {
  if (param && param in item) return param;
  return 'id';
}
