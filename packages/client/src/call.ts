import { errorFromAnswer, networkError } from "./errors.js";

/** What every openapi-fetch call resolves to. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a 2xx answer to a raw call; a SteplineError for anything else.
 *
 * @example
 *   const app = await unwrap(stepline.api.GET("/v1/app"));
 */
export async function unwrap<T>(request: Promise<Answer<T>>, signal?: AbortSignal): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (error) {
    throw networkError(error, signal);
  }
  if (!answer.response.ok) throw errorFromAnswer(answer.response, answer.error);
  return answer.data as T;
}

/** Options every helper takes. */
export interface CallOptions {
  /** Aborts the call (and, for streams, the stream). */
  signal?: AbortSignal;
}
