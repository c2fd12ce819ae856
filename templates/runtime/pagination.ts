// ListPromise: a list call that is both its first page (await it) and every item of every page
// (`for await`), fetching later pages only as the loop reaches them. How the next page is asked for
// is the operation's paging style: one pager function per style (below), named by reference in the
// OperationSpec so that a bundle holds only the styles its operations use.

import type { ApiPromise } from './api-promise.js';
import type { ApiError } from './errors.js';
import type { OperationSpec } from './operation.js';
import type { RequestOptions, Transport, UrlTarget } from './transport.js';
import { sameOrigin } from './transport.js';

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

/** What paging needs from a Stripe-shaped page: its items and whether more follow. */
export interface Paged<Item> {
  data: Item[];
  has_more: boolean;
}

/** A page as it arrived: the parsed answer and the response headers. */
export interface FetchedPage {
  readonly data: unknown;
  readonly headers: Headers;
}

/**
 * How the next page is asked for: the same operation with other params, or a URL the API gave
 * (`urlPage`: the URL, and the target that follows it on the client's origin only).
 */
export type NextPage =
  { readonly params: object } | { readonly url: string; readonly target: UrlTarget };

/** The next page at a URL the API gave. */
const urlPage = (url: string): NextPage => ({ url, target: sameOrigin(url) });

/** What a pager knows when it decides on the page after this one. */
export interface PageState {
  readonly page: FetchedPage;
  /** This page's items, as the answer lists them. */
  readonly items: readonly unknown[];
  /** The params this page was asked with (a page reached by URL keeps the last params). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Items seen so far, this page's included. */
  readonly seen: number;
  /** The first page's length: the page size when the call set none. */
  readonly firstLength: number;
  readonly paging: Paging;
}

/** One paging style: the next page after `state`, or undefined when this was the last. */
export type Pager = (state: PageState) => NextPage | undefined;

/**
 * An operation's paging, as the generator found or was told it (OperationSpec's `paging`). Fields
 * name places in the answer by dotted path (`links.next`) and parameters by name.
 */
export interface Paging {
  readonly next: Pager;
  /** Where the items are (`data`); absent when the answer is the array itself. */
  readonly items?: string;
  /** The answer's field with the next page's URL (nextUrl) or cursor (tokenCursor). */
  readonly field?: string;
  /** The parameter the next page is asked by: the cursor, the offset, the page number. */
  readonly param?: string;
  /** The page size parameter, telling a short (so last) page. */
  readonly size?: string;
  /** The answer's field saying whether more pages follow (`has_more`); false ends the list. */
  readonly more?: string;
  /** The answer's field with the total number of items. */
  readonly total?: string;
  /** A parameter that, given, walks the list backwards: items are yielded last to first (Stripe's `ending_before`). */
  readonly backwards?: string;
}

/** The value at a dotted path of an answer (`meta.next_page_url`); the answer itself for none. */
export function valueAt(data: unknown, path: string | undefined): unknown {
  if (!path) return data;
  let value = data;
  for (const key of path.split('.')) {
    value =
      value !== null && typeof value === 'object' && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

/**
 * Stripe's cursor lists (and any list of that shape): the last item's id as `starting_after`; when
 * the call passed `ending_before`, the first item's id as `ending_before`, as stripe-node does.
 */
export const itemIdCursor: Pager = ({ items, params, paging }) => {
  const backwards = paging.backwards !== undefined && params[paging.backwards] != null;
  const id = (items.at(backwards ? 0 : -1) as { id?: unknown } | null)?.id;
  if (typeof id !== 'string')
    throw new TypeError(
      'Cannot fetch the next page: a list item has no string `id` to use as cursor',
    );
  return {
    params: {
      ...params,
      [backwards ? paging.backwards! : 'starting_after']: id,
    },
  };
};

/** A cursor or token the answer gives (`next_cursor`, `nextPageToken`, `last_id`, Stripe's search `next_page`), sent back as `param`. */
export const tokenCursor: Pager = ({ page, params, paging }) => {
  const token = valueAt(page.data, paging.field);
  return (typeof token === 'string' && token !== '') || typeof token === 'number'
    ? { params: { ...params, [paging.param!]: token } }
    : undefined;
};

/** A URL the answer gives (`links.next`, `meta.next_page_url`). */
export const nextUrl: Pager = ({ page, paging }) => {
  const url = valueAt(page.data, paging.field);
  return typeof url === 'string' && url !== '' ? urlPage(url) : undefined;
};

/** The `Link` header's `rel="next"` target (RFC 8288), as GitHub sends it. */
export const linkHeader: Pager = ({ page }) => {
  for (const link of (page.headers.get('link') ?? '').split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(link);
    if (match && /;\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(match[2]!))
      return urlPage(match[1]!);
  }
  return undefined;
};

/**
 * Has this page the last item: is it shorter than a full page, or at the answer's total? A full
 * page is the size asked for, but no more than the first page held: an API that caps the size
 * (GitHub's `per_page` at 100) answers full pages shorter than asked.
 */
function lastByCount(state: PageState, position: number): boolean {
  const { items, params, paging, page } = state;
  const size = Number(paging.size !== undefined ? params[paging.size] : undefined);
  if (items.length < (size > 0 ? Math.min(size, state.firstLength) : state.firstLength))
    return true;
  const total = valueAt(page.data, paging.total);
  return typeof total === 'number' && position >= total;
}

/** Offset and limit: the next offset is this one plus this page's length. */
export const offsetPaging: Pager = (state) => {
  const { params, paging, items } = state;
  const offset = (Number(params[paging.param!] ?? 0) || 0) + items.length;
  return lastByCount(state, offset)
    ? undefined
    : { params: { ...params, [paging.param!]: offset } };
};

/** Page numbers (`page`, `per_page`): the next page is this one plus one. */
export const pageNumber: Pager = (state) => {
  const { params, paging } = state;
  const number = Number(params[paging.param!] ?? 1);
  return lastByCount(state, state.seen)
    ? undefined
    : { params: { ...params, [paging.param!]: number + 1 } };
};

/** Stripe's lists: what an OperationSpec without `paging` pages by. */
export const STRIPE_LIST: Paging = {
  next: itemIdCursor,
  items: 'data',
  more: 'has_more',
  backwards: 'ending_before',
};

export interface ListPromise<Page, Item, E = ApiError>
  extends ApiPromise<Page, E>, AsyncIterable<Item> {
  /**
   * Collects items across pages, stopping at `limit` items. The limit is required: lists can be huge.
   * Throws a TypeError at once when it is missing or not a positive integer.
   */
  toArray(options: { readonly limit: number }): Promise<Item[]>;
}

/**
 * Turns the first page's promise into a ListPromise. Later pages are fetched through `fetchPage`
 * as the pager says. The list ends on a page without a next marker, an empty page, a `more` field
 * that is false, or a next page asked for twice (an API repeating a cursor or URL would otherwise
 * be looped forever).
 */
export function listPromise<Page, Item>(
  first: ApiPromise<Page>,
  params: object | undefined,
  fetchPage: (next: NextPage) => Promise<FetchedPage>,
  paging: Paging = STRIPE_LIST,
): ListPromise<Page, Item> {
  const backwards =
    paging.backwards !== undefined &&
    (params as Record<string, unknown> | undefined)?.[paging.backwards] != null;

  async function* items(): AsyncGenerator<Item, void, undefined> {
    const { data, response } = await first.withResponse();
    let page: FetchedPage = { data, headers: response.headers };
    let asked: Readonly<Record<string, unknown>> = { ...params };
    const requested = new Set<string>();
    let seen = 0;
    let firstLength: number | undefined;
    for (;;) {
      const list = valueAt(page.data, paging.items);
      if (!Array.isArray(list))
        throw new TypeError(`The list response has no \`${paging.items ?? 'array'}\` array`);
      yield* (backwards ? [...list].reverse() : list) as Item[];
      seen += list.length;
      firstLength ??= list.length;
      // An empty page with a next marker would loop on the same request; stop instead.
      if (!list.length || (paging.more !== undefined && valueAt(page.data, paging.more) !== true))
        return;
      const next = paging.next({
        page,
        items: list,
        params: asked,
        seen,
        firstLength,
        paging,
      });
      const key = next && ('url' in next ? next.url : JSON.stringify(next.params));
      if (key === undefined || requested.has(key)) return;
      requested.add(key);
      if ('params' in next!) asked = next.params as Readonly<Record<string, unknown>>;
      page = await fetchPage(next!);
    }
  }

  return Object.assign(first, {
    [Symbol.asyncIterator]: items,
    toArray(options: { readonly limit: number }): Promise<Item[]> {
      const limit = (options as typeof options | undefined)?.limit as number;
      if (!Number.isInteger(limit) || limit < 1) {
        // The first page was asked for when the list was: its failure is this call's to ignore, not
        // an unhandled rejection that ends the process.
        first.catch(() => undefined);
        return Promise.reject(
          new TypeError(
            'toArray needs a limit, e.g. toArray({ limit: 1000 }): a list can hold millions of items',
          ),
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

/**
 * A paged list call, as generated code makes it: its first page, and every item across pages
 * by the operation's paging (Stripe's cursor when the spec names none). A next page the API
 * gives as a URL is fetched with the first call's params for everything but path and query.
 */
export function listCall<Page, Item>(
  transport: Transport,
  spec: OperationSpec,
  pathParams: Readonly<Record<string, string | number>>,
  params: object | undefined,
  options: RequestOptions | undefined,
): ListPromise<Page, Item> {
  return listPromise<Page, Item>(
    transport.request<Page>(spec, pathParams, params, options),
    params,
    async (next) => {
      const { data, response } = await (
        'url' in next
          ? transport.request(spec, pathParams, params, options, next.target)
          : transport.request(spec, pathParams, next.params, options)
      ).withResponse();
      return { data, headers: response.headers };
    },
    spec.paging,
  );
}
