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
