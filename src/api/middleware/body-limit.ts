import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../domain/errors";
import { Limits } from "../../domain/limits";

/** Refuses bodies over 1 MiB with a 413, whether or not Content-Length was sent. */
export const limitBody = () =>
  bodyLimit({
    maxSize: Limits.requestBodyBytes,
    onError: () => {
      throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Limits.requestBodyBytes} bytes`);
    },
  });
