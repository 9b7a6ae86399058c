export * from './roster-error.js';
export { validationErrorFromZod, parseOrThrow } from './from-zod.js';
