export * from './restricted-container-template';
export * from './slack-webhook';
export * from './slack-exit-handler';
