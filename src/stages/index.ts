// The pipeline's stages, in the order they run: the one list src/pipeline.ts assembles. A new
// stage (a learned event coder, say) is added here, or put in place of the one it replaces; every
// way into the pipeline (ingest, the queue's workers, --jobs threads, `demarche code`) runs this list.
import { actorsStage } from './actors/index.js';
import { annotateStage } from './annotate/index.js';
import { cleanStage } from './clean/index.js';
import { eventsStage } from './events/index.js';

export const STAGES = [cleanStage, annotateStage, actorsStage, eventsStage] as const;

export type StageName = (typeof STAGES)[number]['name'];

export type { AnyStage, Stage, StageType, StageTypes } from './stage.js';
export { defineStage } from './stage.js';
