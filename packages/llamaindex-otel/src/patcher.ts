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
 * Installs patches and remembers how to undo each one:
 * - {@link wrapMethod}: a method on a prototype (reaches every instance that looks it up there);
 * - {@link wrapOwn}: a function an object holds itself (LlamaIndex's `@wrapEventCaller` gives each
 *   instance its own bound `chat` / `query`), for objects met after they were built;
 * - {@link interceptAssignment}: a property a constructor assigns per instance (an arrow function
 *   such as `BaseEmbedding#getTextEmbeddings`), wrapped when the constructor assigns it;
 * - {@link wrapAccessor}: a getter/setter pair (`Settings.llm`).
 * Patches on instances are remembered weakly: an object the app drops is not kept alive.
 */
export class Patcher {
  private readonly undo: Array<() => void> = [];
  private readonly instanceUndo = new WeakMap<object, Array<() => void>>();
  private readonly instances = new Set<WeakRef<object>>();
  private readonly collected = new FinalizationRegistry<WeakRef<object>>((ref) => this.instances.delete(ref));
  private closed = false;

  /**
   * Replaces the own method `target[name]` with `wrap(original)`, keeping the property's attributes.
   * @returns false (and patches nothing) when there is no such method or it is already ours
   */
  wrapMethod(target: object, name: string, wrap: (original: AnyFunction) => AnyFunction): boolean {
    if (this.closed) return false; // a module loaded after uninstrument()
    const desc = Object.getOwnPropertyDescriptor(target, name);
    if (!desc || typeof desc.value !== "function" || originalOf(desc.value) || !(desc.configurable || desc.writable)) return false;
    const wrapper = mark(wrap(desc.value), desc.value);
    Object.defineProperty(target, name, { ...desc, value: wrapper });
    this.undo.push(() => {
      // Someone may have patched on top of us: then leave theirs (ours passes through once stopped).
      if (Object.getOwnPropertyDescriptor(target, name)?.value === wrapper) Object.defineProperty(target, name, desc);
    });
    return true;
  }

  /**
   * Replaces the function `instance` holds itself under `name` with `wrap(original)`.
   * @returns false when the instance has no own function `name` or it is already ours
   */
  wrapOwn(instance: object, name: string, wrap: (original: AnyFunction) => AnyFunction): boolean {
    if (this.closed) return false;
    const desc = Object.getOwnPropertyDescriptor(instance, name);
    if (!desc || typeof desc.value !== "function" || originalOf(desc.value) || !(desc.configurable || desc.writable)) return false;
    const wrapper = mark(wrap(desc.value), desc.value);
    Object.defineProperty(instance, name, { ...desc, value: wrapper });
    this.onInstance(instance, () => {
      if (Object.getOwnPropertyDescriptor(instance, name)?.value === wrapper) Object.defineProperty(instance, name, desc);
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
    const patcher = this;
    const accessor: PropertyDescriptor = {
      configurable: true,
      enumerable: false,
      get(this: object) {
        return parent ? Reflect.get(parent, name, this) : undefined;
      },
      set(this: object, value: unknown) {
        patcher.defineWrapped(this, name, value, wrap);
      },
    };
    Object.defineProperty(proto, name, accessor);
    this.undo.push(() => {
      const now = Object.getOwnPropertyDescriptor(proto, name);
      if (now?.set === accessor.set) delete (proto as Record<string, unknown>)[name];
    });
    return true;
  }

  /**
   * Wraps the getter and setter of the accessor property `target[name]`: `onValue` sees every value
   * read or assigned (and may replace it).
   * @returns false when `target[name]` is not an own accessor
   */
  wrapAccessor(target: object, name: string, onValue: (value: unknown) => unknown): boolean {
    if (this.closed) return false;
    const desc = Object.getOwnPropertyDescriptor(target, name);
    if (!desc?.get || !desc.set || !desc.configurable) return false;
    const { get, set } = desc;
    const wrapped: PropertyDescriptor = {
      ...desc,
      get(this: unknown) {
        return safely(name, onValue, get.call(this));
      },
      set(this: unknown, value: unknown) {
        set.call(this, safely(name, onValue, value));
      },
    };
    Object.defineProperty(target, name, wrapped);
    this.undo.push(() => {
      if (Object.getOwnPropertyDescriptor(target, name)?.get === wrapped.get) Object.defineProperty(target, name, desc);
    });
    return true;
  }

  /** Runs `fn` when patches are removed (before the patches themselves are undone). */
  onRestore(fn: () => void): void {
    if (!this.closed) this.undo.push(fn);
  }

  /** Undoes every patch (on prototypes and on live instances), newest first, and refuses new ones. Never throws. */
  restore(): void {
    this.closed = true;
    const undos = this.undo.splice(0).reverse();
    for (const ref of this.instances) {
      const instance = ref.deref();
      if (instance) undos.push(...(this.instanceUndo.get(instance) ?? []));
    }
    this.instances.clear();
    for (const undo of undos) {
      try {
        undo();
      } catch (err) {
        diag.warn("genai-otel: could not remove a patch", err);
      }
    }
  }

  private onInstance(instance: object, undo: () => void): void {
    const list = this.instanceUndo.get(instance);
    if (list) {
      list.push(undo);
      return;
    }
    this.instanceUndo.set(instance, [undo]);
    const ref = new WeakRef(instance);
    this.instances.add(ref);
    this.collected.register(instance, ref);
  }

  private defineWrapped(instance: object, name: string, value: unknown, wrap: (value: unknown, instance: object) => unknown): void {
    let raw = value;
    let current = safeWrap(name, wrap, value, instance);
    Object.defineProperty(instance, name, {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (next: unknown) => {
        raw = next;
        current = safeWrap(name, wrap, next, instance);
      },
    });
    // Once stopped, the instance gets back a plain property holding the unwrapped value.
    this.onInstance(instance, () => Object.defineProperty(instance, name, { configurable: true, enumerable: true, writable: true, value: raw }));
  }
}

function safeWrap(name: string, wrap: (value: unknown, instance: object) => unknown, value: unknown, instance: object): unknown {
  try {
    return wrap(value, instance);
  } catch (err) {
    diag.warn(`genai-otel: could not wrap ${name}`, err);
    return value;
  }
}

function safely(name: string, onValue: (value: unknown) => unknown, value: unknown): unknown {
  try {
    return onValue(value);
  } catch (err) {
    diag.warn(`genai-otel: could not instrument ${name}`, err);
    return value;
  }
}
