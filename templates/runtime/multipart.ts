// multipart/form-data bodies (file uploads) as FormData, so fetch writes the boundary and streams files.
// Nested params use the same bracket names as form bodies (`file_link_data[create]`), unescaped.

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

function append(fd: FormData, key: string, value: unknown): void {
  if (value instanceof Blob) fd.append(key, value, fileName(value));
  else if (isNested(value))
    for (const [k, v] of Object.entries(value)) append(fd, `${key}[${k}]`, v);
  else {
    const text = scalarText(value);
    if (text !== undefined) fd.append(key, text);
  }
}

/** Blobs and Files become file parts; everything else a text part, named in bracket notation. */
export function toFormData(params: Readonly<Record<string, unknown>>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(params)) append(fd, k, v);
  return fd;
}
