// multipart/form-data bodies (file uploads) as FormData, so fetch writes the boundary and streams files.

import { isNested, scalarText } from './form-encode.js';

/**
 * A file part's filename: a File's own name, else `blob`. Passed explicitly because runtimes differ
 * when it is left out (`blob` in Node, Deno and browsers, the field's name in workerd, empty in Bun,
 * which some servers take as "no file").
 */
function fileName(blob: Blob): string {
  const name = (blob as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : 'blob';
}

/** Bytes given for a file: a Blob to send as one. */
const asFile = (value: unknown): Blob | undefined =>
  value instanceof Blob
    ? value
    : value instanceof ArrayBuffer || ArrayBuffer.isView(value)
      ? new Blob([value as ArrayBuffer])
      : undefined;

/** A part: a file, or text (undefined sends nothing). */
function appendPart(
  fd: FormData,
  key: string,
  value: unknown,
  nested: (v: object) => string,
): void {
  const file = asFile(value);
  if (file) fd.append(key, file, fileName(file));
  else {
    const text = isNested(value) ? nested(value) : scalarText(value);
    if (text !== undefined) fd.append(key, text);
  }
}

/**
 * OpenAPI's multipart defaults: a file (Blob, File, bytes) is a file part, an array is one part per
 * item, an object is JSON text, anything else its text.
 */
export function toMultipart(params: unknown): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(params ?? {}))
    for (const item of Array.isArray(v) ? v : [v]) appendPart(fd, k, item, JSON.stringify);
  return fd;
}

/** Stripe's multipart: nested params named in bracket notation (`file_link_data[create]`), unescaped. */
function appendBracketed(fd: FormData, key: string, value: unknown): void {
  if (isNested(value) && !asFile(value))
    for (const [k, v] of Object.entries(value)) appendBracketed(fd, `${key}[${k}]`, v);
  else appendPart(fd, key, value, String);
}

/** Blobs and Files become file parts; everything else a text part, named in bracket notation. */
export function toFormData(params: unknown): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(params ?? {})) appendBracketed(fd, k, v);
  return fd;
}
