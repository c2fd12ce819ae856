// The request body encodings an OperationSpec names by reference. Each is its own constant, so a
// bundle holds only the encoders its operations use (a GET-only program holds none).

import type { BodyEncoding } from './operation.js';
import { formEncode } from './form-encode.js';
import { toFormData } from './multipart.js';

/** `application/x-www-form-urlencoded` in Stripe's bracket notation, in the order the params were given. */
export const formBody: BodyEncoding = {
  contentType: 'application/x-www-form-urlencoded',
  encode: formEncode,
};

/** `application/json`: the params as one object (the generator names it for unknown media types too). */
export const jsonBody: BodyEncoding = { contentType: 'application/json', encode: JSON.stringify };

/** multipart/form-data: no Content-Type of ours, fetch writes it with the boundary. */
export const multipartBody: BodyEncoding = { encode: toFormData };
