// The worker thread's entry: TypeScript through tsx's loader (the API process may run under
// tsx, vitest or plain node), then the task function. See analysis-pool.ts.
import { register } from 'tsx/esm/api';

register();
const { default: runAnalysis } = await import('./analysis-worker.ts');
export default runAnalysis;
