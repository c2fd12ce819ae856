// 1,000 concurrent calls through one client against a loopback server: every answer reaches the
// call that asked for it, none is lost, and memory stays bounded. Prints the figures it measured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../generated/index.js';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';

const CALLS = 1000;
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
  // Each answer carries the id it was asked for, a little later than the last, out of order.
  server.reply = (req) => ({ body: { id: decodeURIComponent(req.path.split('/').pop()!), object: 'financial_connections.account' } });
});
afterAll(() => server.close());

describe('under load', () => {
  it(`${CALLS} concurrent calls through one client: each gets its own answer, nothing lost, memory bounded`, async () => {
    const stripe = createClient({ apiKey: 'sk_test_load', baseUrl: server.baseUrl, maxRetries: 0 });
    const before = process.memoryUsage();
    let peakRss = before.rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const ids = Array.from({ length: CALLS }, (_, i) => `fca_${i}`);
    const results = await Promise.all(ids.map((id) => stripe.financialConnections.accounts.retrieve(id)));
    const elapsed = performance.now() - started;
    clearInterval(sampler);

    expect(results.map((r) => r.id)).toEqual(ids);
    expect(server.requests).toHaveLength(CALLS);
    expect(new Set(server.requests.map((r) => r.path)).size).toBe(CALLS);
    const growthMb = (peakRss - before.rss) / 2 ** 20;
    console.log(`load: ${CALLS} calls in ${elapsed.toFixed(0)} ms (${((CALLS / elapsed) * 1000).toFixed(0)}/s), peak RSS growth ${growthMb.toFixed(1)} MB`);
    expect(growthMb).toBeLessThan(256);
  });
});
