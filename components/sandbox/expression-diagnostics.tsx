import type { Diagnostic } from '@/lib/engine/types';

/** Compiler diagnostics for one expression, each with its line and a caret under the column. */
export function ExpressionDiagnostics({ id, expression, diagnostics }: { id: string; expression: string; diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return <p id={id} className="sr-only">No errors.</p>;
  const lines = expression.split('\n');
  return (
    <ul id={id} role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {diagnostics.map((d, i) => (
        <li key={i}>
          <p>
            <span className="font-mono text-xs">line {d.line}, column {d.column}</span> · {d.message}
          </p>
          {lines[d.line - 1] !== undefined ? (
            <pre aria-hidden="true" className="mt-1 overflow-x-auto font-mono text-xs leading-4 text-red-900">
              {lines[d.line - 1]}
              {'\n'}
              {' '.repeat(Math.max(0, d.column - 1))}^
            </pre>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
