// Types that know what you expanded. Stripe returns an expandable field as an id string unless its
// path is named in `expand[]`, and then as the object. Operations take `expand` as a `const` type
// parameter (the generator lists every path a response accepts) and these types turn the response
// type into the one the call really gets. Types only: nothing here exists at run time.

import type { ApiError } from './errors.js';
import type { ListPromise, Paged } from './pagination.js';

/**
 * `T` as it comes back when the paths in `P` are expanded (`'ownership'`,
 * `'account_holder.customer'`, `'data.ownership'`): the id string is gone from each named field and
 * from the fields on the way. With no paths (`never`) it is `T` itself.
 */
export type Expand<T, P extends string> = [P] extends [never]
  ? T
  : T extends readonly (infer Item)[]
    ? Expand<Item, P>[]
    : T extends object
      ? Expanded<T, P>
      : T;

/** An object type with the fields `P` names expanded (see `Expand`); other fields are unchanged. */
export type Expanded<T, P extends string> = {
  [K in keyof T]: K extends FirstSegment<P> ? ExpandedField<T[K], RestAfter<P, K>> : T[K];
};

/**
 * The paths an `expand` argument names, when the call spells them out (an array literal, or a
 * tuple `as const`). A plain `string[]`-like array could hold any of them, so it names none and
 * the result keeps the `string | T` types.
 */
export type ExpandPaths<E extends readonly string[]> = number extends E['length']
  ? never
  : E[number];

/**
 * A list call's promise with `data.…` paths applied to every item: the awaited page, the items of
 * `for await` and `toArray`. Without paths it is the plain `ListPromise<Page, Item>`.
 */
export type ExpandedListPromise<Page extends Paged<Item>, Item, P extends string, E = ApiError> = [
  P,
] extends [never]
  ? ListPromise<Page, Item, E>
  : ListPromise<Expand<Page, P> & Paged<Expand<Item, ItemPaths<P>>>, Expand<Item, ItemPaths<P>>, E>;

/**
 * What `expand` holds when the response has nothing to expand: no value has this type, so only `[]`
 * is accepted, and a path is refused with a message that names this type.
 */
export interface NothingToExpand {
  readonly nothingToExpand: never;
}

/** `'a.b.c'` → `'a'`. */
type FirstSegment<P extends string> = P extends `${infer Head}.${string}` ? Head : P;

/** The rest of the paths under field `K`: `'a.b.c'` under `a` → `'b.c'`; `'a'` → nothing. */
type RestAfter<P extends string, K> = P extends `${K & string}.${infer Rest}` ? Rest : never;

/** A list's paths as they apply to one item: `'data.ownership'` → `'ownership'`. */
type ItemPaths<P extends string> = RestAfter<P, 'data'>;

/**
 * A field on an expanded path: an id (`string`) is replaced by what it expands to (the other
 * members of its union; `null` stays), arrays of ids item by item, then the deeper paths apply.
 */
type ExpandedField<V, P extends string> = V extends readonly (infer Item)[]
  ? ExpandedField<Item, P>[]
  : V extends string
    ? never
    : Expand<V, P>;
