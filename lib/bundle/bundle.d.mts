/** A file URL of the bundled entry, or null when esbuild is unavailable or cannot bundle it. */
export function bundleEntry(entryPath: string, options?: { conditions?: string[]; cacheDir?: string }): Promise<string | null>;
