/** Fleets: fan-out plans, fan-in merges, re-judging released images (docs/fleets.md). */
export {archivesIn, localSize, planShards, policyImages} from './plan.js'
export type {FleetPlan, PlannedImage, Shard} from './plan.js'
export {
  githubMatrix,
  gitlabChildPipeline,
  jenkinsList,
  planFormats,
  planJson,
  type PlanFormat
} from './plan-formats.js'
export {
  fleetSchemaUri,
  judgeFleet,
  mergeFleet,
  type FleetDocument,
  type FleetImage,
  type MergeOptions,
  type MergeOutcome
} from './merge.js'
export {findJobResults, readJobResult, type JobResult} from './read-job-results.js'
export {rejudgeDigests, type RejudgeOptions, type RejudgeOutcome} from './rejudge.js'
