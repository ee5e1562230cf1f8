import { UUID } from "uuidv7";

/** A run id created at `ms`: the runs index's clock is the time its ids carry. */
export const runIdAt = (ms: number) =>
  UUID.fromFieldsV7(
    ms,
    Math.floor(Math.random() * 0x1000),
    Math.floor(Math.random() * 0x40000000),
    Math.floor(Math.random() * 2 ** 32),
  ).toString();
