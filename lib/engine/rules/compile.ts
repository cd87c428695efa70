import type { Environment } from '@marcbachmann/cel-js';
import type { Diagnostic, ModelWeights, RuleSource, RulesetSource, SignalDef } from '../types';
import { compileHead } from '../model/compile-head';
import { checkSource } from './check-source';
import { generateExpression, sizeOf, UnsupportedError, type CelNode } from './codegen';
import { createCelEnvironment } from './environment';
import { createLayout } from './layout';
import { locate } from './positions';
import type { CompiledRule, CompileResult, Plan, SignalLayout } from './types';

type CheckedRule = { source: RuleSource; ast: CelNode };

/** Parses, type-checks and code-generates a ruleset into a Plan; every problem is a positioned Diagnostic. */
export function compileRuleset(source: RulesetSource, catalog: readonly SignalDef[], model?: ModelWeights | null): CompileResult {
  const structural = checkSource(source);
  if (structural.length > 0) return { ok: false, diagnostics: structural };
  const layout = createLayout(catalog);
  const env = createCelEnvironment(catalog);
  const diagnostics: Diagnostic[] = [];
  const compiled: CompiledRule[] = [];
  for (const rule of source.rules) {
    const checked = checkRule(env, rule, diagnostics);
    if (!checked) continue;
    const one = compileRule(checked, layout, diagnostics);
    if (one) compiled.push(one);
  }
  const planModel = bindModel(source, layout, model ?? null, diagnostics);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const rules = compiled.filter((r) => r.enabled);
  return {
    ok: true,
    plan: {
      version: source.version,
      thresholds: { ...source.thresholds },
      layout,
      rules,
      disabled: compiled.filter((r) => !r.enabled),
      runRules: generateRunner(rules, layout),
      model: planModel,
    },
  };
}

function checkRule(env: Environment, rule: RuleSource, diagnostics: Diagnostic[]): CheckedRule | null {
  const report = (message: string, offset: number) => diagnostics.push({ ruleId: rule.id, message, ...locate(rule.expression, offset) });
  let parsed;
  try {
    parsed = env.parse(rule.expression);
  } catch (error) {
    report(`syntax error: ${summaryOf(error)}`, offsetOf(error));
    return null;
  }
  const result = parsed.check();
  if (!result.valid) {
    report(`type error: ${summaryOf(result.error)}`, offsetOf(result.error));
    return null;
  }
  if (result.type !== 'bool') {
    report(`a rule must evaluate to bool, this expression is ${result.type}`, 0);
    return null;
  }
  return { source: rule, ast: parsed.ast as unknown as CelNode };
}

function compileRule(checked: CheckedRule, layout: SignalLayout, diagnostics: Diagnostic[]): CompiledRule | null {
  const { source } = checked;
  let gen;
  try {
    gen = generateExpression(checked.ast, layout);
  } catch (error) {
    if (!(error instanceof UnsupportedError)) throw error;
    diagnostics.push({ ruleId: source.id, message: error.message, ...locate(source.expression, error.start) });
    return null;
  }
  const test = buildFunction(`return (${gen.code});`, gen.temps, gen.constants) as (n: Float64Array, s: string[]) => boolean;
  const rule: CompiledRule = {
    id: source.id,
    title: source.title,
    category: source.category,
    score: source.score,
    enabled: source.enabled,
    signals: gen.reads,
    code: gen.code,
    test: (packed) => test(packed.num, packed.str),
    source,
  };
  astByRule.set(rule, checked.ast);
  return rule;
}

// One straight-line function for all enabled rules: no per-rule call, no allocation in the hot path.
function generateRunner(rules: CompiledRule[], layout: SignalLayout): Plan['runRules'] {
  const constants: unknown[] = [];
  let temps = 0;
  const lines: string[] = [];
  rules.forEach((rule, i) => {
    const gen = generateExpression(astOf(rule), layout, constants.length, temps);
    constants.push(...gen.constants);
    temps += gen.temps;
    const s = String(rule.score);
    // Only positive rules say what kind of bad a message is; trust rules (negative) are neutral.
    const lean = rule.score <= 0 ? '' : rule.category === 'attack' ? ` lean += ${s};` : rule.category === 'spam' ? ` lean -= ${s};` : '';
    lines.push(`if (${gen.code}) { f[${i}] = 1; score += ${s};${lean} } else f[${i}] = 0;`);
  });
  const body = `let score = 0, lean = 0;\n${lines.join('\n')}\nl[0] = lean;\nreturn score;`;
  return buildFunction(body, temps, constants, ['f', 'l']) as Plan['runRules'];
}

// The checked AST of each rule, kept off the public CompiledRule type.
const astByRule = new WeakMap<CompiledRule, CelNode>();
function astOf(rule: CompiledRule): CelNode {
  const ast = astByRule.get(rule);
  if (!ast) throw new Error(`no AST kept for rule ${rule.id}`);
  return ast;
}

function buildFunction(body: string, temps: number, constants: unknown[], extraParams: string[] = []): (...args: never[]) => unknown {
  const decl = temps > 0 ? `let ${Array.from({ length: temps }, (_, i) => `t${i}`).join(', ')};` : '';
  const params = ['n', 's', ...extraParams].join(', ');
  // Generated from a checked AST: identifiers are slot indexes and JSON-encoded literals only.
  const factory = new Function('K', 'sizeOf', `return function run(${params}) { ${decl} ${body} };`);
  return factory(constants, sizeOf) as (...args: never[]) => unknown;
}

function bindModel(source: RulesetSource, layout: SignalLayout, model: ModelWeights | null, diagnostics: Diagnostic[]): Plan['model'] {
  if (!source.model) return null;
  if (!model) {
    diagnostics.push({ ruleId: '$model', message: `ruleset needs model ${source.model.id} but none was given`, line: 1, column: 1 });
    return null;
  }
  if (model.id !== source.model.id) {
    diagnostics.push({ ruleId: '$model', message: `ruleset needs model ${source.model.id}, got ${model.id}`, line: 1, column: 1 });
    return null;
  }
  const malicious = compileHead(model.heads.malicious, layout, 'malicious');
  const attack = compileHead(model.heads.attack, layout, 'attack');
  if ('diagnostics' in malicious) diagnostics.push(...malicious.diagnostics);
  if ('diagnostics' in attack) diagnostics.push(...attack.diagnostics);
  if ('diagnostics' in malicious || 'diagnostics' in attack) return null;
  return { scale: source.model.scale, malicious: malicious.head, attack: attack.head, weights: model };
}

function summaryOf(error: unknown): string {
  const e = error as { summary?: string; message?: string } | undefined;
  return e?.summary ?? e?.message?.split('\n')[0] ?? 'unknown error';
}

function offsetOf(error: unknown): number {
  const e = error as { range?: { start: number }; node?: { start?: number; pos?: number } } | undefined;
  return e?.range?.start ?? e?.node?.start ?? e?.node?.pos ?? 0;
}
