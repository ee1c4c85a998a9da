/** The deterministic demo store: `buildDemoStore(db, { seed, end })` and the ground truth it was drawn from. */
export { buildDemoStore, planDemoWorld, DEMO_DEFAULTS, type DemoOptions, type DemoSummary, type DemoWorld } from './generateDemoStore';
export { DEMO_GROUND_TRUTH, elasticityOf, weeklyFactor, yearlyFactor, trendFactor, type DemoGroundTruth } from './groundTruth';
