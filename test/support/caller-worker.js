// A second Worker that reaches Stepline only through its service binding (props.appId is set
// in vitest.config.ts). Tests call it with POST /{method} and a JSON array of arguments.
export default {
  async fetch(request, env) {
    const method = new URL(request.url).pathname.slice(1);
    const args = await request.json();
    try {
      return Response.json({ ok: true, value: await env.STEPLINE[method](...args) });
    } catch (error) {
      return Response.json({ ok: false, error: String(error.message ?? error) });
    }
  },
};
