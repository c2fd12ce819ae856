// Types that know what you expanded. Stripe returns an expandable field as an id string unless its
// path is named in `expand[]`, and then as the object. Operations take `expand` as a `const` type
// parameter, checked path by path against the response's table of expandable fields (the
// generator writes one per schema, e.g. `interface ChargeExpandable { customer: CustomerExpandable;
// … }`), and these types turn the response type into the one the call really gets. Types only:
// nothing here exists at run time.

import type { ApiError } from './errors.js';
import type { ListPromise, Paged } from './pagination.js';

/**
 * `T` as it comes back when the paths in `P` are expanded (`'ownership'`,
 * `'account_holder.customer'`, `'data.ownership'`): the id string is gone from each named field and
 * from the fields on the way. With no paths (`never`) it is `T` itself. `P` is not constrained to
 * `string` (anything else names no field): proving that an operation's checked paths are strings
 * would make tsc work out what `CheckedExpandPath` can give for every operation it declares.
 */
export type Expand<T, P> = [P] extends [never]
  ? T
  : T extends readonly (infer Item)[]
    ? Expand<Item, P>[]
    : T extends object
      ? Expanded<T, P>
      : T;

/** An object type with the fields `P` names expanded (see `Expand`); other fields are unchanged. */
export type Expanded<T, P> = {
  [K in keyof T]: K extends FirstSegment<P> ? ExpandedField<T[K], RestAfter<P, K>> : T[K];
};

/**
 * `P` when it is a path through the table `T` (see `ExpandPathOf`); otherwise the paths accepted
 * where it goes wrong (`'ownershp'` → each field of `T`; `'customer.x'` → `'customer.'` before each
 * field of the customer's table), which is what the error message names and what an editor
 * offers, one field at a time. Walking the literal a segment at a time reads only the tables on its
 * way: tsc never spells out the thousands of paths of a response such as a charge.
 */
export type CheckedExpandPath<T, P> = P extends string ? CheckedBelow<T, P, []> : keyof T & string;

/**
 * What an operation's `expand` (`E`) may hold: each path checked against the table `T`. The
 * constraint of the operations' `const E` type parameter.
 */
export type CheckedExpand<T, E extends readonly unknown[]> = readonly CheckedExpandPath<
  T,
  E[number]
>[];

/** `T` with the paths an `expand` argument `E` names expanded: an operation's result. */
export type ExpandedBy<T, E extends readonly unknown[]> = Expand<T, ExpandPaths<E>>;

/**
 * Every `expand` path of a table of expandable fields: each field of `T`, and each path of what
 * it expands to after `field.`, at most four fields deep (Stripe's limit).
 */
export type ExpandPathOf<T> = PathsBelow<T, []>;

/**
 * `CheckedExpandPath` with `Depth` fields passed: a field that leads nowhere further, or the
 * fourth, ends the path, and is what is offered in place of a longer one.
 */
type CheckedBelow<
  T,
  P extends string,
  Depth extends unknown[],
> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T & string
    ? Depth['length'] extends 3
      ? Head
      : [keyof T[Head] & string] extends [never]
        ? Head
        : `${Head}.${CheckedBelow<T[Head], Rest, [...Depth, unknown]>}`
    : keyof T & string
  : P extends keyof T
    ? P
    : keyof T & string;

/** The paths of `T` with `Depth` fields already passed on the way to it. */
type PathsBelow<T, Depth extends unknown[]> = {
  [K in keyof T & string]:
    K | (Depth['length'] extends 3 ? never : `${K}.${PathsBelow<T[K], [...Depth, unknown]>}`);
}[keyof T & string];

/**
 * The paths an `expand` argument names, when the call spells them out (an array literal, or a
 * tuple `as const`). A plain `string[]`-like array could hold any of them, so it names none and
 * the result keeps the `string | T` types.
 */
export type ExpandPaths<E extends readonly unknown[]> = number extends E['length']
  ? never
  : E[number];

/**
 * Any paths of the table `T`, in an array: what a params type named on its own accepts. An
 * interface, so that tsc spells the union out only where a value meets it, not where a params
 * type is declared.
 */
export interface ExpandPathArray<T> extends ReadonlyArray<ExpandPathOf<T>> {}

/**
 * A list call's promise with `data.…` paths applied to every item: the awaited page, the items of
 * `for await` and `toArray`. Without paths it is the plain `ListPromise<Page, Item>`.
 */
export type ExpandedListPromise<Page extends Paged<Item>, Item, P, E = ApiError> = [P] extends [
  never,
]
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
type FirstSegment<P> = P extends `${infer Head}.${string}` ? Head : P;

/** The rest of the paths under field `K`: `'a.b.c'` under `a` → `'b.c'`; `'a'` → nothing. */
type RestAfter<P, K> = P extends `${K & string}.${infer Rest}` ? Rest : never;

/** A list's paths as they apply to one item: `'data.ownership'` → `'ownership'`. */
type ItemPaths<P> = RestAfter<P, 'data'>;

/**
 * A field on an expanded path: an id (`string`) is replaced by what it expands to (the other
 * members of its union; `null` stays), arrays of ids item by item, then the deeper paths apply.
 */
type ExpandedField<V, P> = V extends readonly (infer Item)[]
  ? ExpandedField<Item, P>[]
  : V extends string
    ? never
    : Expand<V, P>;
