// Planted: the bottom layer imports the top one.
import { top } from "../high/top";

export const base = () => top;
