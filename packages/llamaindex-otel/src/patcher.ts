import { diag } from "@opentelemetry/api";

/** Any function we patch: LlamaIndex methods take and return anything. */
export type AnyFunction = (this: any, ...args: any[]) => any;

const ORIGINAL = Symbol.for("@genai-otel/llamaindex-otel:original");

/** The function a wrapper made by {@link Patcher} stands for, or `undefined` if `fn` is none of ours. */
export function originalOf(fn: unknown): AnyFunction | undefined {
  return typeof fn === "function" ? (fn as unknown as Record<symbol, AnyFunction>)[ORIGINAL] : undefined;
}

function mark(wrapper: AnyFunction, original: AnyFunction): AnyFunction {
  Object.defineProperty(wrapper, ORIGINAL, { value: original });
  Object.defineProperty(wrapper, "name", { value: original.name, configurable: true });
  return wrapper;
}

/**
 * Installs patches and remembers how to undo each one. Two kinds:
 * - {@link wrapMethod}: a method on a prototype (reaches every instance that looks it up there);
 * - {@link interceptAssignment}: a property a constructor assigns per instance (an arrow function
 *   such as `BaseEmbedding#getTextEmbeddings`), wrapped when the constructor assigns it.
 */
export class Patcher {
  private readonly undo: Array<() => void> = [];
  private closed = false;

  /**
   * Replaces the own method `target[name]` with `wrap(original)`, keeping the property's attributes.
   * @returns false (and patches nothing) when there is no such method or it is already ours
   */
  wrapMethod(target: object, name: string, wrap: (original: AnyFunction) => AnyFunction): boolean {
    if (this.closed) return false; // a provider imported after uninstrument()
    const desc = Object.getOwnPropertyDescriptor(target, name);
    if (!desc || typeof desc.value !== "function" || originalOf(desc.value)) {
      diag.debug(`genai-otel llamaindex: ${name} is not a method here or is already patched; left alone`);
      return false;
    }
    const wrapper = mark(wrap(desc.value), desc.value);
    Object.defineProperty(target, name, { ...desc, value: wrapper });
    this.undo.push(() => {
      // Someone may have patched on top of us: then leave theirs (ours passes through once stopped).
      if (Object.getOwnPropertyDescriptor(target, name)?.value === wrapper) Object.defineProperty(target, name, desc);
    });
    return true;
  }

  /**
   * Intercepts `instance[name] = value` for every instance of `proto` assigned after this call: the
   * instance gets an own accessor holding `wrap(value, instance)`, and later assignments (a subclass
   * constructor overriding the arrow) are wrapped too. Works because such constructors assign
   * (`this.x = ...`), which finds a setter on the prototype chain, rather than define.
   * @returns false when `proto` already has an own `name` (then nothing is intercepted)
   */
  interceptAssignment(proto: object, name: string, wrap: (value: unknown, instance: object) => unknown): boolean {
    if (this.closed || Object.getOwnPropertyDescriptor(proto, name)) return false;
    const parent: object | null = Object.getPrototypeOf(proto);
    const accessor: PropertyDescriptor = {
      configurable: true,
      enumerable: false,
      get(this: object) {
        return parent ? Reflect.get(parent, name, this) : undefined;
      },
      set(this: object, value: unknown) {
        defineWrapped(this, name, value, wrap);
      },
    };
    Object.defineProperty(proto, name, accessor);
    this.undo.push(() => {
      const now = Object.getOwnPropertyDescriptor(proto, name);
      if (now?.set === accessor.set) delete (proto as Record<string, unknown>)[name];
    });
    return true;
  }

  /** Undoes every patch, newest first, and refuses new ones. Never throws. */
  restore(): void {
    this.closed = true;
    for (const undo of this.undo.splice(0).reverse()) {
      try {
        undo();
      } catch (err) {
        diag.warn("genai-otel llamaindex: could not remove a patch", err);
      }
    }
  }
}

function defineWrapped(instance: object, name: string, value: unknown, wrap: (value: unknown, instance: object) => unknown): void {
  const safeWrap = (v: unknown): unknown => {
    try {
      return wrap(v, instance);
    } catch (err) {
      diag.warn(`genai-otel llamaindex: could not wrap ${name}`, err);
      return v;
    }
  };
  let current = safeWrap(value);
  Object.defineProperty(instance, name, {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (next: unknown) => {
      current = safeWrap(next);
    },
  });
}
