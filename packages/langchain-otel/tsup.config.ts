import { libraryConfig } from "../../tsup.shared";

// `edge`: the build for the `workerd` / `edge-light` / `browser` export conditions (no `@langchain/core/context`).
export default libraryConfig({ index: "src/index.ts", edge: "src/edge.ts" });
