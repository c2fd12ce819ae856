// A worker thread that formats the texts it is sent with the options it is given. Plain
// JavaScript: worker threads cannot load TypeScript through tsx on Node 20.
import { parentPort, workerData } from 'node:worker_threads';
import { format } from 'prettier';

parentPort.once('message', async (texts) => {
  try {
    const formatted = [];
    for (const text of texts) formatted.push(await format(text, workerData.options));
    parentPort.postMessage({ texts: formatted });
  } catch (error) {
    parentPort.postMessage({ error: error.message });
  }
});
