import { diffLines } from "../lib/diff";

const MARK = { same: " ", added: "+", removed: "-" } as const;

/**
 * Two values side by side as one unified diff of their pretty-printed JSON. The diff scrolls
 * when it is long or wide, so it takes focus: the keyboard scrolls it with the arrow keys.
 */
export function DiffView({ before, after, label }: { before: unknown; after: unknown; label: string }) {
  const lines = diffLines(JSON.stringify(before, null, 2), JSON.stringify(after, null, 2));
  const changed = lines.filter((l) => l.kind !== "same").length;
  return (
    <figure className="diff">
      <figcaption>
        {label}: {changed === 0 ? "no differences" : `${changed} changed ${changed === 1 ? "line" : "lines"}`}
      </figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus, or the keyboard cannot scroll it */}
      <pre tabIndex={0}>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one diff never reorder
          <div key={i} className={`diff-${line.kind}`}>
            <span aria-hidden="true">{MARK[line.kind]} </span>
            {line.kind !== "same" && <span className="visually-hidden">{line.kind}: </span>}
            {line.text}
          </div>
        ))}
      </pre>
    </figure>
  );
}
