export { agent, task, tool, workflow } from "./decorators";
export { type AgentOptions, type ManualSpanOptions, type ToolOptions, withAgent, withTask, withTool, withWorkflow } from "./wrappers";
