export { CONTENT_SETTINGS } from "./content-settings";
export { parseBoolean, readEnv, readFirstEnv } from "./env";
export {
  defineSettings,
  readmeSettingsBlock,
  type ResolvedSettings,
  resolveSetting,
  resolveSettings,
  type SettingSpec,
  type SettingsTable,
  type SettingType,
  settingsMarkdown,
} from "./settings";
