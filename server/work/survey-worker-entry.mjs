// The survey worker thread's entry: TypeScript through tsx's loader, then the task function.
// See survey-pool.ts.
import { register } from 'tsx/esm/api';

register();
const { default: runSurveyTask } = await import('../survey/survey-worker.ts');
export default runSurveyTask;
