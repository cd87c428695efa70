// A tiny argv parser: `--name value`, `--flag`, and positionals. Enough for the engine CLIs.

export type ParsedArgs = { options: Map<string, string | true>; positionals: string[] };

/** Splits argv into `--name value` options (or bare flags listed in `flags`) and positionals. */
export function parseArgs(argv: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else if (flags.includes(a.slice(2)) || i + 1 >= argv.length) options.set(a.slice(2), true);
      else options.set(a.slice(2), argv[++i]);
    } else positionals.push(a);
  }
  return { options, positionals };
}

/** A string option, or the fallback. */
export function optionString(args: ParsedArgs, name: string, fallback: string): string;
export function optionString(args: ParsedArgs, name: string): string | undefined;
export function optionString(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : fallback;
}
