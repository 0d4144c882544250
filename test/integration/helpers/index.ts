export * from './diagnostics';
export * from './workspace';
export * from './policy-view';
