import type { CoreCopy } from "../core-copy";
import { instrumentLLM } from "../llm/instrument-llm";
import type { LlamaIndexInstallation } from "../installation";
import { ownerOf } from "../traced";
import { instrumentEmbeddingModel } from "./embeddings";

/**
 * Meets every LLM and embedding model assigned to or read from `Settings.llm` /
 * `Settings.embedModel` (also those scoped with `Settings.withLLM`), so their calls are traced
 * however early they were built. `Settings` comes from `@llamaindex/core/global`, imported in the
 * module format of this build; when `llamaindex` runs on another copy of core, its own `Settings`
 * is patched as well (see `core-copy.ts`).
 */
export function patchSettings({ patcher }: LlamaIndexInstallation, { Settings }: CoreCopy): void {
  if (!Settings) return;
  // Core's Settings holds its accessors itself; llamaindex's wrapper holds them on its class.
  patcher.wrapAccessor(ownerOf(Settings, "llm") ?? Settings, "llm", (llm) => {
    instrumentLLM(llm);
    return llm;
  });
  patcher.wrapAccessor(ownerOf(Settings, "embedModel") ?? Settings, "embedModel", (model) => {
    instrumentEmbeddingModel(model);
    return model;
  });
}
