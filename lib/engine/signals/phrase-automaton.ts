// A table-driven automaton over the first few characters of a pattern's matches. Fed the
// characters at a text position one by one, it says REJECT as soon as no match can begin with
// them, or ACCEPT once one still can after `depth` characters (or a whole match has been read).
// It is the pattern's own NFA made deterministic for `depth` steps, so it rejects only what the
// pattern cannot match; it may accept what the pattern then fails on.
import { NON_ASCII, type CharSet, type PatternNode } from './phrase-pattern';

/** No match of the pattern begins with the characters read so far. */
export const REJECT = 0;
/** A match may begin with the characters read so far; read no more. */
export const ACCEPT = 1;
/** The state before the first character. */
export const START = 2;

/**
 * Characters are read as classes: slots (code unit if ASCII, else NON_ASCII) that every set of the
 * pattern treats alike. `end` is one more class, past the last character of the text.
 */
export type CharClasses = { classOf: Uint8Array; representatives: number[]; end: number };

/** Splits the slots into classes that lie wholly inside or outside each of `sets`. */
export function classifySlots(sets: CharSet[]): CharClasses {
  const classOf = new Uint8Array(NON_ASCII + 1);
  const representatives: number[] = [];
  const bySignature = new Map<string, number>();
  for (let slot = 0; slot <= NON_ASCII; slot++) {
    const signature = sets.map((set) => set[slot]).join('');
    let id = bySignature.get(signature);
    if (id === undefined) {
      id = representatives.length;
      bySignature.set(signature, id);
      representatives.push(slot);
    }
    classOf[slot] = id;
  }
  return { classOf, representatives, end: representatives.length };
}

/** Every character set the pattern reads, each once. */
export function patternSets(node: PatternNode): CharSet[] {
  return [...new Set(collectSets(node))];
}

function collectSets(node: PatternNode): CharSet[] {
  switch (node.kind) {
    case 'chars':
      return [node.set];
    case 'seq':
      return node.items.flatMap(collectSets);
    case 'alt':
      return node.options.flatMap(collectSets);
    case 'repeat':
      return collectSets(node.item);
  }
}

// Thompson NFA: state 0 is the start, `final` the end; empty moves and moves on a set.
type Nfa = { empty: number[][]; moves: { set: CharSet; to: number }[][]; final: number };

/** The transition table (end + 1 entries per state, by class), or null if the pattern matches the empty string. */
export function buildPrefixAutomaton(pattern: PatternNode, classes: CharClasses, depth: number): Int32Array | null {
  const nfa: Nfa = { empty: [[]], moves: [[]], final: 0 };
  nfa.final = addNode(nfa, pattern, 0);
  const closure = closureOf(nfa);
  const classesIn = classListsOf(classes);
  const width = classes.end + 1;
  const rows: Int32Array[] = [];
  const ids = new Map<string, number>();
  const queue: { states: number[]; depth: number }[] = [];
  const stateFor = (states: number[], d: number): number => {
    if (states.length === 0) return REJECT;
    if (d === depth || states.includes(nfa.final)) return ACCEPT;
    const key = `${d}:${states.join(',')}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = START + rows.length;
      ids.set(key, id);
      // Classes no state moves on, the end class among them, stay REJECT.
      rows.push(new Int32Array(width));
      queue.push({ states, depth: d });
    }
    return id;
  };
  if (stateFor(closure([0]), 0) !== START) return null;
  for (let i = 0; i < queue.length; i++) {
    const { states, depth: d } = queue[i];
    const targets: number[][] = [];
    for (const s of states) for (const m of nfa.moves[s]) for (const cls of classesIn(m.set)) (targets[cls] ??= []).push(m.to);
    targets.forEach((to, cls) => (rows[i][cls] = stateFor(closure(to), d + 1)));
  }
  const table = new Int32Array((START + rows.length) * width);
  rows.forEach((row, i) => table.set(row, (START + i) * width));
  // REJECT and ACCEPT stay where they are whatever comes next.
  table.fill(ACCEPT, ACCEPT * width, START * width);
  return table;
}

// The classes of a set, found once per set (the pattern shares one set per character).
function classListsOf(classes: CharClasses): (set: CharSet) => number[] {
  const lists = new Map<CharSet, number[]>();
  return (set) => {
    let list = lists.get(set);
    if (!list) {
      list = classes.representatives.flatMap((slot, cls) => (set[slot] ? [cls] : []));
      lists.set(set, list);
    }
    return list;
  };
}

// The states reachable by empty moves, sorted, keeping only those that read a character or end
// the pattern: the others act alike, and leaving them out keys equal state sets alike.
function closureOf(nfa: Nfa): (from: number[]) => number[] {
  const seen = new Int32Array(nfa.empty.length);
  let stamp = 0;
  return (from) => {
    stamp++;
    const stack: number[] = [];
    const out: number[] = [];
    const visit = (s: number) => {
      if (seen[s] === stamp) return;
      seen[s] = stamp;
      stack.push(s);
      if (nfa.moves[s].length > 0 || s === nfa.final) out.push(s);
    };
    from.forEach(visit);
    while (stack.length > 0) nfa.empty[stack.pop() as number].forEach(visit);
    return out.sort((a, b) => a - b);
  };
}

function newState(nfa: Nfa): number {
  nfa.empty.push([]);
  nfa.moves.push([]);
  return nfa.empty.length - 1;
}

// Adds the states matching `node` after `from`; returns the state it ends in.
function addNode(nfa: Nfa, node: PatternNode, from: number): number {
  switch (node.kind) {
    case 'chars': {
      const to = newState(nfa);
      nfa.moves[from].push({ set: node.set, to });
      return to;
    }
    case 'seq':
      return node.items.reduce((at, item) => addNode(nfa, item, at), from);
    case 'alt': {
      const end = newState(nfa);
      for (const option of node.options) nfa.empty[addNode(nfa, option, from)].push(end);
      return end;
    }
    case 'repeat':
      return addRepeat(nfa, node, from);
  }
}

// Copies of a counted repeat's item, at most. Past it x{m,n} is read as x*, which matches every
// string x{m,n} does (and more), so a huge count cannot blow up the NFA.
const MAX_COPIES = 64;

function addRepeat(nfa: Nfa, node: PatternNode & { kind: 'repeat' }, from: number): number {
  const { item, min, max } = node;
  let at = from;
  if (max > MAX_COPIES) {
    if (min <= MAX_COPIES) for (let i = 0; i < min; i++) at = addNode(nfa, item, at);
    const loop = newState(nfa);
    nfa.empty[at].push(loop);
    nfa.empty[addNode(nfa, item, loop)].push(loop);
    return loop;
  }
  for (let i = 0; i < min; i++) at = addNode(nfa, item, at);
  const end = newState(nfa);
  nfa.empty[at].push(end);
  for (let i = min; i < max; i++) {
    at = addNode(nfa, item, at);
    nfa.empty[at].push(end);
  }
  return end;
}
