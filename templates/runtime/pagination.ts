// ListPromise: a list call that is both its first page (await it) and every item of every page
// (`for await`), fetching later pages only as the loop reaches them, with cursors as stripe-node uses them.

import type { ApiPromise } from './api-promise.js';

/** Stripe's list envelope. */
export interface ListObject<Item> {
  object: 'list';
  data: Item[];
  has_more: boolean;
  /** Stripe always sends it; other list shapes may not, and paging does not need it. */
  url?: string;
}

export interface ListPromise<Page extends ListObject<Item>, Item>
  extends ApiPromise<Page>, AsyncIterable<Item> {
  /**
   * Collects items across pages, stopping at `limit` items. The limit is required: lists can be huge.
   * Throws a TypeError at once when it is missing or not a positive integer.
   */
  toArray(options: { readonly limit: number }): Promise<Item[]>;
}

/**
 * Turns the first page's promise into a ListPromise. Later pages repeat the call through `fetchPage`
 * with `starting_after` = the last item's id; when the first call passed `ending_before`, it walks
 * backwards instead (`ending_before` = the first item's id, each page's items yielded last to first),
 * exactly as stripe-node's auto-pagination does.
 */
export function listPromise<Page extends ListObject<Item>, Item>(
  first: ApiPromise<Page>,
  params: object | undefined,
  fetchPage: (params: object) => Promise<Page>,
): ListPromise<Page, Item> {
  const backwards = (params as { ending_before?: unknown } | undefined)?.ending_before != null;

  async function* items(): AsyncGenerator<Item, void, undefined> {
    for (let page = await first; ;) {
      const data = page.data;
      if (!Array.isArray(data)) throw new TypeError('The list response has no `data` array');
      yield* backwards ? [...data].reverse() : data;
      // An empty page with has_more would loop forever on the same cursor; stop instead.
      if (!page.has_more || !data.length) return;
      const id = (data.at(backwards ? 0 : -1) as { id?: unknown } | null)?.id;
      if (typeof id !== 'string')
        throw new TypeError(
          'Cannot fetch the next page: a list item has no string `id` to use as cursor',
        );
      page = await fetchPage({ ...params, [backwards ? 'ending_before' : 'starting_after']: id });
    }
  }

  return Object.assign(first, {
    [Symbol.asyncIterator]: items,
    toArray(options: { readonly limit: number }): Promise<Item[]> {
      const limit = (options as typeof options | undefined)?.limit as number;
      if (!Number.isInteger(limit) || limit < 1) {
        throw new TypeError(
          'toArray needs a limit, e.g. toArray({ limit: 1000 }): a list can hold millions of items',
        );
      }
      return (async () => {
        const out: Item[] = [];
        for await (const item of items()) if (out.push(item) >= limit) break;
        return out;
      })();
    },
  });
}
