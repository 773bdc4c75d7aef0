import { type AgentOptions, type ManualSpanOptions, type ToolOptions, withAgent, withTask, withTool, withWorkflow } from "./wrappers";

type Method<This, Args extends unknown[], R> = (this: This, ...args: Args) => R;

/**
 * A standard method decorator that runs each call through `wrap` (given the options, with the name defaulting to the
 * method name, the call bound to `this`, and the call's arguments).
 */
function decorator<O extends ManualSpanOptions>(
  wrap: (o: O, call: (...args: unknown[]) => unknown, args: unknown[]) => unknown,
  options?: string | Partial<O>,
) {
  return <This, Args extends unknown[], R>(target: Method<This, Args, R>, ctx: ClassMethodDecoratorContext<This, Method<This, Args, R>>) => {
    const given = typeof options === "string" ? { name: options } : (options ?? {});
    const o = { ...given, name: given.name ?? String(ctx.name) } as O;
    return function (this: This, ...args: Args): R {
      return wrap(o, (...a) => target.apply(this, a as Args), args) as R;
    };
  };
}

/**
 * Standard (TC39) method decorator: each call runs as {@link withWorkflow}. The name defaults to the
 * method name. Needs TypeScript 5+ standard decorators (not `experimentalDecorators`).
 * @example class Pipeline { @workflow() async ingest() { ... } }
 */
export const workflow = (options?: string | Partial<ManualSpanOptions>) => decorator<ManualSpanOptions>((o, call, args) => withWorkflow(o, () => call(...args)), options);
/** Standard method decorator: each call runs as {@link withTask}; name defaults to the method name. */
export const task = (options?: string | Partial<ManualSpanOptions>) => decorator<ManualSpanOptions>((o, call, args) => withTask(o, () => call(...args)), options);
/** Standard method decorator: each call runs as {@link withAgent}; name defaults to the method name. */
export const agent = (options?: string | Partial<AgentOptions>) => decorator<AgentOptions>((o, call, args) => withAgent(o, () => call(...args)), options);
/**
 * Standard method decorator: each call runs as {@link withTool}; name defaults to the method name.
 * With content capture on, the call's arguments are recorded.
 */
export const tool = (options?: string | Partial<ToolOptions>) =>
  decorator<ToolOptions>((o, call, args) => withTool(o, call, ...args), options);
