export * from './env-group';
export * from './config-map-env';
