declare module "virtual:llamaindex-core-version" {
  /** Version of the @llamaindex/core copy this test run's LlamaIndex imports resolve to. */
  export const version: string;
}
