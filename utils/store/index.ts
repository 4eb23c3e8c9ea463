export * from './db';
export * from './errors';
export * from './annotation-repo';
export * from './sync-records';
export * from './sync-repo';
export * from './conversation-repo';
export * from './items';
export type { Conflict } from './conflicts';
export * from './notice-state';
