/**
 * The Content-Security-Policy of everything Stepline serves, in one place: the dashboard's
 * files (written into the build's `_headers` by ui/vite.config.ts), the docs page and the API.
 * Nothing may come from another origin; scripts only from files of this deployment.
 */
const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");

const LOCKED_DOWN = { "base-uri": "'none'", "form-action": "'self'", "frame-ancestors": "'none'", "object-src": "'none'" };

/** The dashboard: React Flow positions nodes through style attributes, nothing else is inline. */
export const DASHBOARD_CSP = policy({
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self'",
  "style-src-attr": "'unsafe-inline'",
  "img-src": "'self' data:",
  "connect-src": "'self'",
  ...LOCKED_DOWN,
});

/** The API reference: Scalar injects its stylesheet at run time and renders icons as data URLs. */
export const DOCS_CSP = policy({
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self' 'unsafe-inline'",
  "img-src": "'self' data: blob:",
  "font-src": "'self' data:",
  "connect-src": "'self'",
  "worker-src": "'self' blob:",
  ...LOCKED_DOWN,
});

/** Answers of the API are data, never a page: nothing in them may load or run. */
export const API_CSP = policy({ "default-src": "'none'", "frame-ancestors": "'none'" });

/** Headers every response carries beside its policy. */
export const SECURITY_HEADERS = { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };
