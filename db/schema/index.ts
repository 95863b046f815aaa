export * from './accounts.ts';
export * from './agreements.ts';
export * from './brand.ts';
export * from './claims.ts';
export * from './incidents.ts';
export * from './notifications.ts';
export * from './operations.ts';
export * from './services.ts';
