import { other } from "./other";

export const top = () => other;
