export * from './file';
export * from './format';
export * from './nodes';
export * from './query';
export * from './range';
