// The request body encodings an OperationSpec names by reference. Each is its own constant, so a
// bundle holds only the encoders its operations use (a GET-only program holds none).

import type {
  BodyEncoding,
  BodyWriter,
  EncodedBody,
  OperationSpec,
  QueryEncoder,
} from './operation.js';
import { encodeComponent, formEncode } from './form-encode.js';
import { toFormData, toMultipart } from './multipart.js';
import { formQuery } from './query-encode.js';

const FORM = 'application/x-www-form-urlencoded';

/** The media type the caller chose with `contentType`, among those the operation offers. */
function chosenEncoding(
  spec: OperationSpec,
  chosen: unknown,
): [BodyEncoding | undefined, string | undefined] {
  if (chosen === undefined || !spec.bodies) return [spec.body, spec.mediaType];
  if (typeof chosen !== 'string' || !Object.hasOwn(spec.bodies, chosen))
    throw new TypeError(`contentType must be one of ${Object.keys(spec.bodies).join(', ')}`);
  return [spec.bodies[chosen], chosen];
}

const writeBody: BodyWriter = (spec, given, chosen) => {
  const [encoding, mediaType] = chosenEncoding(spec, chosen);
  // An optional body nobody filled is not sent: a PUT without one sends no `{}`.
  const filled =
    spec.bodyParam === undefined ? Object.keys(given as object).length > 0 : given !== undefined;
  if (!encoding || !(filled || spec.bodyRequired || encoding.sendsEmpty)) return undefined;
  const body = encoding.encode(given === undefined ? {} : given, spec.fields);
  const type = mediaType ?? encoding.contentType;
  // fetch writes a multipart type itself, with the boundary; a wildcard (`image/*`) names no type
  // to send: the Blob's own, else bytes.
  return {
    body,
    contentType:
      body instanceof FormData
        ? undefined
        : type?.includes('*')
          ? (given instanceof Blob && given.type) || 'application/octet-stream'
          : type,
  };
};

/**
 * `application/x-www-form-urlencoded` as OpenAPI encodes it: each property by its `encoding` (the
 * operation's `fields`), else style form with explode (arrays as repeated keys, objects spread).
 */
export const formBody: BodyEncoding = {
  contentType: FORM,
  write: writeBody,
  // A form body is written as a query string is: the same styles, the same defaults.
  encode: (data, fields?: Readonly<Record<string, QueryEncoder>>) => {
    const out: string[] = [];
    for (const [k, v] of Object.entries(data ?? {}))
      (fields && Object.hasOwn(fields, k) ? fields[k]! : formQuery)(out, encodeComponent(k), v);
    return out.join('&');
  },
};

/** A form in Stripe's bracket notation (`a[b][0]=x`), in the order the params were given: Stripe's profile. */
export const bracketFormBody: BodyEncoding = {
  contentType: FORM,
  encode: formEncode,
  sendsEmpty: true,
  write: writeBody,
};

/** `application/json`; `+json` vendor types name their own media type in the operation. */
export const jsonBody: BodyEncoding = {
  contentType: 'application/json',
  encode: (data) => JSON.stringify(data),
  write: writeBody,
};

/**
 * multipart/form-data as OpenAPI encodes it: files (Blob, File, bytes) as file parts, arrays as
 * repeated parts, objects as JSON text. No Content-Type of ours: fetch writes it with the boundary.
 */
export const multipartBody: BodyEncoding = { encode: toMultipart, write: writeBody };

/** multipart/form-data with nested params named in Stripe's bracket notation: Stripe's profile. */
export const bracketMultipartBody: BodyEncoding = {
  encode: toFormData,
  sendsEmpty: true,
  write: writeBody,
};

/** Bytes, a Blob, a stream or text, sent as given, with the operation's media type. */
export const rawBody: BodyEncoding = { encode: (data) => data as EncodedBody, write: writeBody };
