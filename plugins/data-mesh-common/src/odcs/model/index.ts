export * from './common';
export * from './contract';
export * from './fundamentals';
export * from './logicalTypes';
export * from './quality';
export * from './schema';
export * from './servers';
export * from './team';
