/** A labelled code sample: exactly the text given, in `<pre><code>`. */
export function CodeBlock({ label, code, badge, testId }: { label: string; code: string; badge?: string; testId?: string }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-sm font-semibold text-slate-700">
        {label} {badge && <span className="ml-1 rounded bg-red-800 px-1.5 py-0.5 text-xs font-bold text-white">{badge}</span>}
      </p>
      {/* Focusable so a keyboard can scroll a long line (axe: scrollable-region-focusable); long frames wrap. */}
      <pre tabIndex={0} aria-label={label} className="overflow-x-auto rounded-md bg-slate-900 p-2 text-sm break-all whitespace-pre-wrap text-slate-50" data-testid={testId}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
