// Entry of a worker thread of the build's index step: worker threads do not take the parent's --import
// hooks, so this registers tsx itself before loading the TypeScript worker (build-index-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./build-index-worker.ts');
