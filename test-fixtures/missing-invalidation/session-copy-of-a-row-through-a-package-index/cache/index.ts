// the package's entry point re-exports its helpers: callers import them from here
export * from './read';
export * from './write';
