import pkg from "@langchain/core/package.json";

/** The version of the @langchain/core copy that imports of `@langchain/core/*` resolve to here. */
export const VERSION: string = pkg.version;
