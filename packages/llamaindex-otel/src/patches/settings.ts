import { Settings } from "@llamaindex/core/global";
import { instrumentLLM } from "../llm/instrument-llm";
import type { Patcher } from "../patcher";
import { instrumentEmbeddingModel } from "./embeddings";

/**
 * Meets every LLM and embedding model assigned to or read from `Settings.llm` /
 * `Settings.embedModel` (also those scoped with `Settings.withLLM`), so their calls are traced
 * however early they were built. `Settings` comes from `@llamaindex/core/global`, imported in the
 * module format of this build, which is the copy the app's `llamaindex` uses.
 */
export function patchSettings(patcher: Patcher): void {
  patcher.wrapAccessor(Settings, "llm", (llm) => {
    instrumentLLM(llm);
    return llm;
  });
  patcher.wrapAccessor(Settings, "embedModel", (model) => {
    instrumentEmbeddingModel(model);
    return model;
  });
}
