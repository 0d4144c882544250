export * from './diagnostics';
export * from './workspace';
