// Planted: a cycle with top.ts, through a dynamic import.
export const other = () => import("./top");
