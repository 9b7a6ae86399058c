export * from './common.js';
export * from './user.js';
export * from './group.js';
export * from './device.js';
export * from './settings.js';
export * from './message.js';
export * from './audit.js';
export * from './query.js';
