// One worker thread of the build's index step (build-index.ts): parses the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareFile } from '@/lib/content/prepare';

const { root, timeZone } = workerData as { root: string; timeZone: string };
parentPort?.on('message', (files: string[]) => {
  parentPort?.postMessage(files.map((file) => prepareFile(root, file, timeZone)));
});
