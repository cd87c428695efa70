import { Environment } from '@marcbachmann/cel-js';
import type { SignalDef, SignalLevel } from '../types';

const LEVELS: readonly SignalLevel[] = ['message', 'sender', 'recipient'];

/** A typed CEL environment: `message`, `sender`, `recipient` are objects whose fields are the catalog signals. */
export function createCelEnvironment(catalog: readonly SignalDef[]): Environment {
  const schemas: Record<string, Record<string, string>> = { message: {}, sender: {}, recipient: {} };
  for (const def of catalog) {
    const [level, field, ...rest] = def.name.split('.');
    // Catalog names are `level.snake_case`; anything else is a catalog bug, not a rule error.
    if (rest.length > 0 || !field || !LEVELS.includes(level as SignalLevel) || level !== def.level) {
      throw new Error(`signal name does not match its level: ${def.name}`);
    }
    schemas[level][field] = def.type;
  }
  let env = new Environment({ limits: { maxAstNodes: 2000, maxDepth: 64 } });
  for (const level of LEVELS) {
    // An empty schema would make the variable unusable anyway; a placeholder keeps the type valid.
    const schema = Object.keys(schemas[level]).length > 0 ? schemas[level] : { _none: 'bool' };
    env = env.registerVariable({ name: level, schema });
  }
  return env;
}

/** Splits a signal name into its CEL variable and field. */
export function splitSignalName(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
