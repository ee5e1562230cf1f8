import { output } from "../types";
import { type Provider, recordJob } from "./types";

/** OpenAI: POST /chat/completions and POST /images/generations; the output is the answer. */
export const openai: Provider = {
  credential: "OPENAI_API_KEY",
  baseUrl: "https://api.openai.com/v1",
  operations: ["chat.completions", "images.generations"],
  authHeader: (key) => ({ authorization: `Bearer ${key}` }),
  async run(call, base, send, ctx) {
    const path = call.operation === "chat.completions" ? "/chat/completions" : "/images/generations";
    const response = await send({ method: "POST", url: `${base}${path}`, body: call.body, query_params: call.queryParams });
    recordJob(ctx, response);
    return output(response);
  },
};
