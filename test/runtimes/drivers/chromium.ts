// Runs the suite in headless Chromium through puppeteer-core: a page served from a loopback origin
// of its own imports the bundle, so every call to the capture server is cross-origin (CORS).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { SUITE_FILE } from '../bundle.js';
import type { SuiteReport } from '../suite/index.js';
import { RUN_LIMIT_MS } from './process.js';

export async function runChromium(dir: string, executablePath: string, server: string): Promise<SuiteReport> {
  const suite = readFileSync(join(dir, SUITE_FILE));
  const site = createServer((req, res) => {
    if (req.url === `/${SUITE_FILE}`) res.writeHead(200, { 'content-type': 'text/javascript' }).end(suite);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>runtime suite</title>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // As root (CI) Chromium refuses to start sandboxed; containers often have a tiny /dev/shm.
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'], protocolTimeout: RUN_LIMIT_MS });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    // A string, not a function: the test runner's transform would otherwise leak helpers into the page.
    return (await page.evaluate(`import('/${SUITE_FILE}').then((m) => m.runSuite(${JSON.stringify(server)}))`)) as SuiteReport;
  } finally {
    await browser.close();
    site.closeAllConnections();
    site.close();
  }
}
