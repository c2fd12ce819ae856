// What a vendor's runtime module (vendors/) adds to the transport: the option that names the account
// a call acts for, and how the vendor's errors read. Only clients of that vendor's specs ship the
// module; the generic runtime names no vendor.
import type { ErrorStyle } from './errors.js';

/** An option of the client and of every call (Stripe's `stripeAccount`), sent as `header`. */
export interface AccountOption {
  readonly option: string;
  readonly header: string;
}

export interface Vendor {
  /** The account option; its module also declares it on ClientOptions and RequestOptions. */
  readonly account?: AccountOption | undefined;
  /** How its failed responses read: its error object, the classes it selects, the fields it adds. */
  readonly errors?: ErrorStyle | undefined;
}
