// Entry of a digest worker thread. Node cannot start a worker from TypeScript by itself, and
// the store runs under tsx (`npm run store`) or vitest: tsx's scoped import loads the
// TypeScript worker (and utils/digest) the same way in both, without touching the parent's
// loaders. See worker-pool.ts.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker-main.ts', import.meta.url);
