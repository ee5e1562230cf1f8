import { fail } from "./fail";
import { http } from "./http";
import { actions, integration } from "./integration";
import { note } from "./note";
import { sleep } from "./sleep";
import { echo, staticTextInput, textOperations } from "./text";
import { transform } from "./transform";
import type { StepType } from "./types";
import { waitForEvent } from "./wait-for-event";
import { workflow } from "./workflow";

/** Every step type a definition may name. A type registers its config schema and behaviour here. */
const registry = new Map<string, StepType>();

export function registerStep(step: StepType<never>): void {
  registry.set(step.type, step as unknown as StepType);
}

for (const step of [
  transform,
  http,
  integration,
  sleep,
  waitForEvent,
  workflow,
  note,
  fail,
  staticTextInput,
  echo,
  ...textOperations,
  ...actions,
]) {
  registerStep(step as StepType<never>);
}

export const stepType = (type: string): StepType | undefined => registry.get(type);
export const stepTypeNames = (): string[] => [...registry.keys()];
