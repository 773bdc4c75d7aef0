import { libraryConfig } from "../../tsup.shared";

export default libraryConfig({ index: "src/index.ts", testing: "src/testing/index.ts", export: "src/export.ts" });
