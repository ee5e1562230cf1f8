import { DurableObject } from "cloudflare:workers";

type ObjectClass<T> = new (ctx: DurableObjectState, env: Env) => T;

/**
 * A Durable Object class whose code loads with its first instance in an isolate rather than
 * with the Worker's module, so an isolate that never makes one never evaluates it. Later
 * instances are the loaded class itself. The first is made before the loaded class exists: it
 * holds its events (`blockConcurrencyWhile`) until the class has loaded and its instance is
 * made, then hands every method call to that instance.
 */
export function lazyObject<T extends DurableObject<Env>>(load: () => Promise<ObjectClass<T>>): ObjectClass<T> {
  let loaded: ObjectClass<T> | null = null;
  const instances = new WeakMap<object, T>();
  const target = (shell: object) => instances.get(shell) as unknown as Record<string, unknown>;

  class LazyObject extends DurableObject<Env> {
    constructor(ctx: DurableObjectState, env: Env) {
      super(ctx, env);
      // biome-ignore lint/correctness/noConstructorReturn: once loaded, an instance is the loaded class's own
      if (loaded) return new loaded(ctx, env) as unknown as LazyObject;
      void ctx.blockConcurrencyWhile(async () => {
        if (!loaded) {
          loaded = await load();
          forwardMethods(loaded);
        }
        instances.set(this, new loaded(ctx, env));
      });
    }

    // The runtime looks for an alarm handler when an object is made, before its class has loaded.
    alarm(info?: AlarmInvocationInfo): Promise<void> {
      return (target(this).alarm as (info?: AlarmInvocationInfo) => Promise<void>)(info);
    }
  }

  function forwardMethods(loadedClass: ObjectClass<T>): void {
    for (let proto = loadedClass.prototype; proto && proto !== DurableObject.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === "constructor" || Object.hasOwn(LazyObject.prototype, name)) continue;
        const descriptor = Object.getOwnPropertyDescriptor(proto, name);
        if (typeof descriptor?.value !== "function") continue;
        Object.defineProperty(LazyObject.prototype, name, {
          configurable: true,
          writable: true,
          value(this: object, ...args: unknown[]) {
            return (target(this)[name] as (...args: unknown[]) => unknown)(...args);
          },
        });
      }
    }
  }

  return LazyObject as unknown as ObjectClass<T>;
}
