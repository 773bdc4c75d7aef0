import { libraryConfig } from "../../tsup.shared";

// `splitting`: the entries share one copy of each module (the span lifecycle keeps module state that
// the public manual API and the adapters, through `./internal`, must see the same).
export default libraryConfig(
  { index: "src/index.ts", internal: "src/internal.ts", testing: "src/testing/index.ts", export: "src/export.ts" },
  { splitting: true },
);
