// ListPromise: a list call that is both its first page (await it) and every item of every page
// (`for await`), fetching later pages only as the loop reaches them, with cursors or page tokens as
// stripe-node uses them.

import type { ApiPromise } from './api-promise.js';

/** What paging needs from a page: its items, whether more follow, and for searches the next page's token. */
export interface Paged<Item> {
  data: Item[];
  has_more: boolean;
  next_page?: string | null;
}

/** Stripe's list envelope (`object: 'list'`), paged by cursor. */
export interface ListObject<Item> {
  object: 'list';
  data: Item[];
  has_more: boolean;
  /** The URL where this list can be accessed. */
  url: string;
}

/** Stripe's search envelope (`object: 'search_result'`), paged by `next_page`. */
export interface SearchResult<Item> {
  object: 'search_result';
  data: Item[];
  has_more: boolean;
  /** The token that fetches the next page, as the `page` parameter; null on the last. */
  next_page?: string | null;
  /** The total number of objects that match the query, only accurate up to 10,000. */
  total_count?: number;
  url: string;
}

/** How the next page is asked for: the last item's id as a cursor, or the answer's `next_page` as `page`. */
export type PageBy = 'cursor' | 'page';

export interface ListPromise<Page extends Paged<Item>, Item>
  extends ApiPromise<Page>, AsyncIterable<Item> {
  /**
   * Collects items across pages, stopping at `limit` items. The limit is required: lists can be huge.
   * Throws a TypeError at once when it is missing or not a positive integer.
   */
  toArray(options: { readonly limit: number }): Promise<Item[]>;
}

/**
 * Turns the first page's promise into a ListPromise. Later pages repeat the call through `fetchPage`.
 * By cursor: with `starting_after` = the last item's id; when the first call passed `ending_before`,
 * it walks backwards instead (`ending_before` = the first item's id, each page's items yielded last
 * to first). By page (searches): with `page` = the answer's `next_page`. Both exactly as
 * stripe-node's auto-pagination does.
 */
export function listPromise<Page extends Paged<Item>, Item>(
  first: ApiPromise<Page>,
  params: object | undefined,
  fetchPage: (params: object) => Promise<Page>,
  by: PageBy = 'cursor',
): ListPromise<Page, Item> {
  const backwards =
    by === 'cursor' && (params as { ending_before?: unknown } | undefined)?.ending_before != null;

  /** The params that fetch the page after `page`, or undefined when there is none. */
  function nextParams(page: Page, data: readonly Item[]): object | undefined {
    // An empty page with has_more would loop forever on the same cursor; stop instead.
    if (!page.has_more || !data.length) return undefined;
    // A search's last page says `next_page: null`.
    if (by === 'page') return page.next_page ? { ...params, page: page.next_page } : undefined;
    const id = (data.at(backwards ? 0 : -1) as { id?: unknown } | null)?.id;
    if (typeof id !== 'string')
      throw new TypeError(
        'Cannot fetch the next page: a list item has no string `id` to use as cursor',
      );
    return { ...params, [backwards ? 'ending_before' : 'starting_after']: id };
  }

  async function* items(): AsyncGenerator<Item, void, undefined> {
    for (let page = await first; ;) {
      const data = page.data;
      if (!Array.isArray(data)) throw new TypeError('The list response has no `data` array');
      yield* backwards ? [...data].reverse() : data;
      const next = nextParams(page, data);
      if (!next) return;
      page = await fetchPage(next);
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
