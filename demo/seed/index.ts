/**
 * Seed data for the demo, stories and benchmarks: a deterministic, realistic directory
 * (see {@link generateDirectory}) and bulk import input ({@link generatePeople}).
 */
export { generateDirectory, generatePeople, demoGroups, DEMO_ADMIN_ID } from './directory.js';
export type { DemoDirectory, DirectoryOptions } from './directory.js';
export { seededRandom, type Random } from './prng.js';
