/**
 * What the Worker's bundle takes for zod's `locales` (wrangler.toml `[alias]`): English, the
 * one Stepline's messages use. zod's namespace object re-exports every language it ships
 * (over 350 KiB of the bundle), and the namespace is passed whole to the OpenAPI extension, so
 * no tree shaking can drop the rest.
 */
export { default as en } from "zod/v4/locales/en.js";
