export * from './db';
export * from './errors';
export * from './annotation-repo';
