/**
 * A value that fits a JSON Schema, for Looply's mock payload when a workflow has never run:
 * the schema's own example, default, const or first enum value where it gives one, otherwise a
 * placeholder of the declared type (every declared property of an object, one item of an array).
 */
type Schema = Record<string, unknown>;

const FORMATS: Record<string, string> = {
  email: "user@example.com",
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  uri: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
};

const MAX_DEPTH = 8;

const isSchema = (value: unknown): value is Schema => !!value && typeof value === "object" && !Array.isArray(value);

export function sampleOf(schema: unknown, depth = 0): unknown {
  if (!isSchema(schema) || depth > MAX_DEPTH) return null;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ("default" in schema) return schema.default;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return sampleOf(options[0], depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type ?? (isSchema(schema.properties) ? "object" : undefined)) {
    case "object": {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      return Object.fromEntries(Object.entries(properties).map(([name, sub]) => [name, sampleOf(sub, depth + 1)]));
    }
    case "array":
      return schema.items === undefined ? [] : [sampleOf(schema.items, depth + 1)];
    case "string":
      return FORMATS[schema.format as string] ?? "string";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}
