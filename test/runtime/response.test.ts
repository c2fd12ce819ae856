// Reading a success body as the operation's type says: JSON parsed, text as a string, anything
// else as a Blob of its media type; bodies over the bound are not read.
import { describe, expect, it } from 'vitest';
import { blobResponse, parseJson, readBodyBytes, readBodyText, textResponse } from '../../templates/runtime/response.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a success body', () => {
  it('JSON is parsed; an empty body is undefined; a body that is not JSON is kept as text and flagged', () => {
    const json = (b: Uint8Array) => parseJson(new TextDecoder().decode(b));
    expect(json(bytes('{"a":1}'))).toEqual({ data: { a: 1 }, json: true });
    expect(json(bytes(''))).toEqual({ data: undefined, json: true });
    expect(json(bytes('<html>'))).toEqual({ data: '<html>', json: false });
  });

  it('text is the decoded string, even when it looks like JSON', () => {
    expect(textResponse(bytes('id,name\n1,Zoë\n'), 'text/csv')).toBe('id,name\n1,Zoë\n');
    expect(textResponse(bytes('42'), 'text/plain')).toBe('42');
  });

  it('anything else is a Blob with the bytes and the media type', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const data = blobResponse(pdf, 'application/pdf');
    expect(data).toBeInstanceOf(Blob);
    expect((data as Blob).type).toBe('application/pdf');
    expect(new Uint8Array(await (data as Blob).arrayBuffer())).toEqual(pdf);
  });
});

describe('reading a body', () => {
  it('bytes arrive whole across chunks; text is their UTF-8 decoding', async () => {
    const chunks = [bytes('Zo'), new Uint8Array([0xc3]), new Uint8Array([0xab])];
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (chunks.forEach((x) => c.enqueue(x)), c.close()) });
    expect(await readBodyBytes(new Response(stream), 100)).toEqual(bytes('Zoë'));
    expect(await readBodyText(new Response('Zoë'), 100)).toBe('Zoë');
  });

  it('a body over the bound is not returned', async () => {
    expect(await readBodyBytes(new Response('x'.repeat(101)), 100)).toBeUndefined();
  });

  it('parseJson keeps text that is not JSON', () => {
    expect(parseJson('not json')).toEqual({ data: 'not json', json: false });
  });
});
