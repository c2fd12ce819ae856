// What every behaviour gets: the capture server, the clients under test, and a way to script answers.
import type { ClientOptions } from '../../../generated/index.js';
import { createClient } from '../../../generated/index.js';
import type { Reply } from '../../support/capture-server.js';
import { openSession, type Replies, type Session } from './session.js';

/**
 * The two vendor-style clients, generated from test/vendors/fixtures when the suite is bundled (so
 * they are not files this suite can import; typed here by the calls it makes).
 */
export interface VendorClients {
  /** json-pets.yaml: JSON bodies, an API-key header, comma-joined query arrays. */
  readonly pets: {
    createClient(options: ClientOptions & { apiKey: string }): {
      stores: {
        createPet(storeId: string, body: { name: string; tag?: string }): Promise<unknown>;
        listPets(storeId: string, params: { tags?: string[]; limit?: number }): Promise<unknown>;
      };
    };
  };
  /** multipart-files.yaml: a file upload, and a raw one (`application/octet-stream`). */
  readonly files: {
    createClient(options: ClientOptions & { bearer: string }): {
      files: {
        create(params: { file: Blob; purpose: 'identity_document'; note?: string }): Promise<unknown>;
        contents(file: string, params: { body: Blob | Uint8Array | string }): Promise<unknown>;
      };
    };
  };
  /** test/generator/fixtures/event-stream: a feed that streams, a chat completion that may. */
  readonly streams: {
    createClient(options: ClientOptions): {
      events: { retrieve(): Promise<AsyncIterable<{ kind: string }>> };
      chat: { completions: { create(params: { model: string; stream?: boolean }, options?: { signal?: AbortSignal }): Promise<unknown> } };
    };
  };
  /** test/generator/fixtures/paging-styles: one list per paging style. */
  readonly paging: {
    createClient(options: ClientOptions & { bearer: string }): {
      repos: { listIssues(owner: string, params?: { per_page?: number }): AsyncIterable<{ number: number }> };
      calls: { list(params?: { PageSize?: number }): AsyncIterable<{ sid: string }> };
      messages: { list(params?: { limit?: number }): AsyncIterable<{ id: string }> };
      droplets: { list(params?: { limit?: number }): AsyncIterable<{ id: number }> };
      pets: { list(params?: { page_size?: number }): AsyncIterable<{ name: string }> };
    };
  };
}

export interface Context {
  readonly vendors: VendorClients;
  /** Opens a session on the capture server that answers its requests with `replies`, in order. */
  session(replies: Replies): Promise<Session>;
}

export interface Behaviour {
  /** The cell's name in the runtime matrix. */
  readonly name: string;
  /** Runs in the runtime under test; throws when the behaviour does not hold. */
  run(context: Context): Promise<void>;
}

export const API_KEY = 'sk_test_runtimes';

/** The Financial Connections client on a session, retries off unless a call asks for them. */
export const stripeOn = (session: Session) => createClient({ apiKey: API_KEY, baseUrl: session.baseUrl, maxRetries: 0 });

export function makeContext(server: string, vendors: VendorClients): Context {
  return { vendors, session: (replies) => openSession(server, replies) };
}
