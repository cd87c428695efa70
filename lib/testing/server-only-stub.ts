// Stands in for 'server-only' under vitest, where no React Server environment exists.
export {};
