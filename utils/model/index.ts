export * from './vocabulary';
export * from './selectors';
export * from './annotation';
export * from './draft';
export * from './settings';
export * from './ids';
export * from './roles';
export * from './visibility';
