import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLayers } from "../support/import-check";
import { type LayerMap, STEPLINE_LAYERS } from "../support/layer-map";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("import layers", () => {
  it("src/ imports only down the layer map, with no cycle, dialect list or stub out of place", () => {
    expect(checkLayers(path.join(ROOT, "src"), STEPLINE_LAYERS)).toEqual([]);
  });

  it("reports a planted upward import, cycle, dialect-list import and stub", () => {
    const map: LayerMap = {
      layers: [
        { name: "low", paths: ["low/"], rule: "imports nothing above" },
        { name: "mid", paths: ["mid/"], rule: "over low" },
        { name: "high", paths: ["high/"], rule: "over mid" },
      ],
      // clean.ts may import the list, and its imports written in comments, strings and a regular
      // expression are not imports.
      compositionRoot: ["mid/clean.ts"],
      dialectList: "mid/list.ts",
      stubBuilders: ["high/"],
    };
    expect(checkLayers(path.join(ROOT, "test/support/layer-fixtures"), map).sort()).toEqual([
      "import cycle: high/other.ts -> high/top.ts -> high/other.ts",
      "low/base.ts:2: upward import of high/top.ts (low must not import high)",
      "mid/user.ts:1: imports the list of dialects (mid/list.ts); only the composition root may",
      "mid/user.ts:4: builds a stub of a Durable Object; only high/ may",
    ]);
  });
});
