import type { StepChecks } from "../../domain/definition";
import { templateErrors } from "../expressions";
import { stepType, stepTypeNames } from "./registry";

/** The step registry and the expression checker, as definition validation takes them (domain/definition.ts). */
export const stepChecks: StepChecks = { stepType, stepTypeNames, templateErrors };
