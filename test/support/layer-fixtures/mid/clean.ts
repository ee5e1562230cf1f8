import { LIST } from "./list";

// Not imports, and not to be reported: import { top } from "../high/top";
/* import("../high/top") */
const decoys = ['import x from "../high/top"', `export * from "../high/top"`, /import\("..\/high\/top"\)/];

export const clean = () => LIST.length + decoys.length;
