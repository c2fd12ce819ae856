// Runs the suite in Cloudflare's workerd as a Worker module: the Worker runs it when asked over
// HTTP and answers with the report; its outbound fetches reach the loopback capture server.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { SUITE_FILE } from '../bundle.js';
import type { SuiteReport } from '../suite/index.js';
import { RUN_LIMIT_MS } from './process.js';

const WORKER = `import { runSuite } from './${SUITE_FILE}';
export default {
  async fetch(request) {
    return Response.json(await runSuite(new URL(request.url).searchParams.get('server')));
  },
};
`;

// Loopback is "local" to workerd's network service, which allows only "public" addresses by default.
const CONFIG = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "suite", worker = (
      modules = [(name = "worker.js", esModule = embed "worker.js"), (name = "${SUITE_FILE}", esModule = embed "${SUITE_FILE}")],
      compatibilityDate = "2025-09-01",
      globalOutbound = "loopback",
    )),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", service = "suite")],
);
`;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function runWorkerd(dir: string, binary: string, server: string): Promise<SuiteReport> {
  writeFileSync(join(dir, 'worker.js'), WORKER);
  writeFileSync(join(dir, 'workerd.capnp'), CONFIG);
  const port = await freePort();
  const child = spawn(binary, ['serve', 'workerd.capnp', '--socket-addr', `http=127.0.0.1:${port}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`workerd exited (${code}):\n${stderr.slice(-2000)}`))));
  exited.catch(() => undefined);
  try {
    const url = `http://127.0.0.1:${port}/?server=${encodeURIComponent(server)}`;
    for (const deadline = Date.now() + RUN_LIMIT_MS; ; ) {
      // Refused until workerd listens; then the one request that runs the suite.
      const answer = await Promise.race([fetch(url, { signal: AbortSignal.timeout(RUN_LIMIT_MS) }).catch(() => undefined), exited]);
      if (answer) {
        if (!answer.ok) throw new Error(`the Worker answered ${answer.status}: ${await answer.text()}\n${stderr.slice(-2000)}`);
        return (await answer.json()) as SuiteReport;
      }
      if (Date.now() > deadline) throw new Error(`workerd never listened on ${port}:\n${stderr.slice(-2000)}`);
      await delay(100);
    }
  } finally {
    child.kill('SIGKILL');
  }
}
