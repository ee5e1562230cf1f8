export const LIST = ["a", "b"];
