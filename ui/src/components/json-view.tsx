/**
 * JSON as a tree whose objects and arrays fold (native <details>: keyboard and screen reader
 * friendly for free). The first `openDepth` levels start open.
 */
export function JsonView({ value, label, openDepth = 1 }: { value: unknown; label?: string; openDepth?: number }) {
  return (
    <div className="json">
      <Node value={value} depth={0} openDepth={openDepth} name={label} />
    </div>
  );
}

function Node({ value, depth, openDepth, name }: { value: unknown; depth: number; openDepth: number; name?: string }) {
  const key = name === undefined ? null : <span className="json-key">{name}: </span>;
  if (value === null || typeof value !== "object") {
    return (
      <div className="json-leaf">
        {key}
        <Scalar value={value} />
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="json-leaf">
        {key}
        {open}
        {close}
      </div>
    );
  }
  return (
    <details className="json-branch" open={depth < openDepth}>
      <summary>
        {key}
        {open}
        <span className="json-count">
          {entries.length} {Array.isArray(value) ? (entries.length === 1 ? "item" : "items") : entries.length === 1 ? "key" : "keys"}
        </span>
        {close}
      </summary>
      <div className="json-children">
        {entries.map(([childName, child]) => (
          <Node key={childName} value={child} depth={depth + 1} openDepth={openDepth} name={childName} />
        ))}
      </div>
    </details>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (value === undefined) return <span className="json-null">undefined</span>;
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === "string") return <span className="json-string">{JSON.stringify(value)}</span>;
  return <span className="json-number">{String(value)}</span>;
}
