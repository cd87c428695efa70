import { describe, expect, it } from 'vitest';
import { diagnosticIssues } from './issues';

describe('diagnosticIssues', () => {
  it("puts a rule's problem on its expression with the position, and ruleset problems on $ruleset without one", () => {
    expect(diagnosticIssues([
      { ruleId: 'credential_lure', message: 'syntax error: Unexpected token: EOF', line: 3, column: 7 },
      { ruleId: '$model', message: 'ruleset needs model a, got b', line: 1, column: 1 },
      { ruleId: '$model.malicious', message: 'model feature x is not a numeric catalog signal', line: 1, column: 1 },
    ])).toEqual([
      { path: 'rules.credential_lure.expression', message: 'line 3, column 7: syntax error: Unexpected token: EOF' },
      { path: '$ruleset', message: 'ruleset needs model a, got b' },
      { path: '$ruleset', message: 'model feature x is not a numeric catalog signal' },
    ]);
  });
});
