import type { SignalLayout } from './types';

// The slice of cel-js's AST we read. Nodes carry `checkedType` after `check()` has run.
export type CelNode = {
  op: string;
  args: unknown;
  start: number;
  checkedType?: { name: string };
};

/** A construct the compiler cannot translate faithfully: reported as a diagnostic at `start`. */
export class UnsupportedError extends Error {
  constructor(message: string, readonly start: number) {
    super(message);
  }
}

export type GeneratedExpression = {
  code: string;
  /** Signal names read by the expression, in first-read order. */
  reads: string[];
  /** Constants the generated code refers to as `K[i]` (Sets for long `in` lists). */
  constants: unknown[];
  /** Number of temporaries `t0..tN` the code needs declared. */
  temps: number;
};

const LEVEL_VARS = new Set(['message', 'sender', 'recipient']);
const COMPARISONS = new Set(['<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/']);
// Short `in` lists compile to a chain of ===; longer ones to a Set lookup.
const INLINE_IN_LIMIT = 6;

/**
 * Translates a type-checked CEL AST into a JavaScript expression over `n` (Float64Array) and `s`
 * (string[]). Only constructs whose JS meaning equals CEL's for every input are accepted; the rest
 * throw UnsupportedError. Ints are JS numbers: signals are counts far below 2^53.
 */
export function generateExpression(root: CelNode, layout: SignalLayout, constantBase = 0, tempBase = 0): GeneratedExpression {
  const reads: string[] = [];
  const constants: unknown[] = [];
  let temps = 0;

  const typeOf = (node: CelNode): string => node.checkedType?.name ?? 'dyn';

  const gen = (node: CelNode): string => {
    switch (node.op) {
      case 'value':
        return genLiteral(node);
      case '.':
        return genField(node);
      case '!_':
        return `(!${gen(node.args as CelNode)})`;
      case '-_': {
        const arg = node.args as CelNode;
        requireNumeric(arg, '-');
        // For ints, 0 - x never yields JS's -0 (CEL ints have no negative zero).
        return typeOf(arg) === 'int' ? `(0 - ${gen(arg)})` : `(-${gen(arg)})`;
      }
      case '&&':
      case '||': {
        const [l, r] = node.args as [CelNode, CelNode];
        return `(${gen(l)} ${node.op} ${gen(r)})`;
      }
      case '?:': {
        const [c, a, b] = node.args as [CelNode, CelNode, CelNode];
        return `(${gen(c)} ? ${gen(a)} : ${gen(b)})`;
      }
      case '==':
      case '!=': {
        const [l, r] = node.args as [CelNode, CelNode];
        const lt = typeOf(l);
        const rt = typeOf(r);
        if (!isScalar(lt) || !isScalar(rt)) throw new UnsupportedError(`'${node.op}' is only supported on bool, int, double and string values`, node.start);
        return `(${gen(l)} ${node.op === '==' ? '===' : '!=='} ${gen(r)})`;
      }
      case 'in':
        return genIn(node);
      case 'call':
        return genCall(node);
      case 'rcall':
        return genReceiverCall(node);
      default:
        if (COMPARISONS.has(node.op)) {
          const [l, r] = node.args as [CelNode, CelNode];
          requireNumeric(l, node.op);
          requireNumeric(r, node.op);
          return `(${gen(l)} ${node.op} ${gen(r)})`;
        }
        if (ARITHMETIC.has(node.op)) {
          const [l, r] = node.args as [CelNode, CelNode];
          requireNumeric(l, node.op);
          requireNumeric(r, node.op);
          // CEL integer division truncates and fails on zero; rather than emulate errors, only doubles divide.
          if (node.op === '/' && typeOf(node) !== 'double') throw new UnsupportedError("integer '/' is not supported; convert with double()", node.start);
          // + 0 turns an int product's -0 into 0, as CEL ints have no negative zero.
          if (node.op === '*' && typeOf(node) === 'int') return `(${gen(l)} * ${gen(r)} + 0)`;
          return `(${gen(l)} ${node.op} ${gen(r)})`;
        }
        throw new UnsupportedError(`'${node.op === 'id' ? String(node.args) : node.op}' is not supported in rules`, node.start);
    }
  };

  const requireNumeric = (node: CelNode, op: string) => {
    const t = typeOf(node);
    if (t !== 'int' && t !== 'double') throw new UnsupportedError(`'${op}' is only supported on int and double values, got ${t}`, node.start);
  };

  const genLiteral = (node: CelNode): string => {
    const v = node.args;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'bigint') {
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new UnsupportedError('integer literal out of range', node.start);
      return `${Number(v)}`;
    }
    if (typeof v === 'number') return Number.isFinite(v) ? `(${String(v)})` : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '(-Infinity)';
    throw new UnsupportedError('only bool, int, double and string literals are supported', node.start);
  };

  const genField = (node: CelNode): string => {
    const [target, field] = node.args as [CelNode, string];
    if (target.op !== 'id' || !LEVEL_VARS.has(target.args as string)) throw new UnsupportedError('only signal fields (message.x, sender.x, recipient.x) can be read', node.start);
    const name = `${target.args as string}.${field}`;
    const slot = layout.slots.get(name);
    if (!slot) throw new UnsupportedError(`unknown signal ${name}`, node.start);
    if (!reads.includes(name)) reads.push(name);
    if (slot.type === 'string') return `s[${slot.index}]`;
    if (slot.type === 'bool') return `(n[${slot.index}] !== 0)`;
    return `n[${slot.index}]`;
  };

  const genIn = (node: CelNode): string => {
    const [l, r] = node.args as [CelNode, CelNode];
    if (r.op !== 'list') throw new UnsupportedError("'in' is only supported with a list literal on the right", node.start);
    const items = r.args as CelNode[];
    if (!isScalar(typeOf(l))) throw new UnsupportedError("'in' needs a bool, int, double or string on the left", node.start);
    const values = items.map((item) => {
      if (item.op !== 'value') throw new UnsupportedError("'in' lists may only hold literals", item.start);
      const v = item.args;
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      throw new UnsupportedError('unsupported literal in list', item.start);
    });
    const left = gen(l);
    if (values.length === 0) return `(${left}, false)`;
    if (values.length <= INLINE_IN_LIMIT) {
      const t = `t${tempBase + temps++}`;
      return `(${t} = ${left}, ${values.map((v) => `${t} === ${JSON.stringify(v)}`).join(' || ')})`;
    }
    constants.push(new Set(values));
    return `K[${constantBase + constants.length - 1}].has(${left})`;
  };

  const genCall = (node: CelNode): string => {
    const [name, args] = node.args as [string, CelNode[]];
    if (name === 'size' && args.length === 1) return genSize(args[0], node);
    if (name === 'double' && args.length === 1) {
      requireNumeric(args[0], 'double()');
      return gen(args[0]);
    }
    throw new UnsupportedError(`function ${name}() is not supported in rules`, node.start);
  };

  const genReceiverCall = (node: CelNode): string => {
    const [name, receiver, args] = node.args as [string, CelNode, CelNode[]];
    if (name === 'size' && args.length === 0) return genSize(receiver, node);
    if ((name === 'startsWith' || name === 'endsWith' || name === 'contains') && args.length === 1) {
      if (typeOf(receiver) !== 'string' || typeOf(args[0]) !== 'string') throw new UnsupportedError(`${name}() needs string arguments`, node.start);
      const method = name === 'contains' ? 'includes' : name;
      return `${gen(receiver)}.${method}(${gen(args[0])})`;
    }
    throw new UnsupportedError(`method .${name}() is not supported in rules`, node.start);
  };

  const genSize = (arg: CelNode, node: CelNode): string => {
    const t = typeOf(arg);
    if (t === 'string') return `sizeOf(${gen(arg)})`;
    if (arg.op === 'list') return `${(arg.args as CelNode[]).length}`;
    throw new UnsupportedError('size() is only supported on strings and list literals', node.start);
  };

  const code = gen(root);
  return { code, reads, constants, temps };
}

function isScalar(t: string): boolean {
  return t === 'bool' || t === 'int' || t === 'double' || t === 'string';
}

/** CEL string size: Unicode code points, not UTF-16 units. */
export function sizeOf(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
