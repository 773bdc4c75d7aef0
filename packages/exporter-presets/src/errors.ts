/**
 * Thrown by {@link createExporter} and {@link setupTracing} when a preset cannot be configured: an
 * unknown preset name, a missing credential, an unsupported protocol or an invalid endpoint.
 *
 * The message names the option and the environment variable to set, never a secret's value.
 */
export class PresetConfigurationError extends Error {
  /** The preset being configured, when known (e.g. `"weave"`). */
  readonly preset: string | undefined;

  /**
   * @param message - what is wrong and how to fix it; must not contain a secret.
   * @param preset - the preset being configured, if any.
   */
  constructor(message: string, preset?: string) {
    super(message);
    this.name = "PresetConfigurationError";
    this.preset = preset;
  }
}

/** A {@link PresetConfigurationError} for a missing credential (internal: lets metrics be skipped rather than fail). */
export class MissingCredentialError extends PresetConfigurationError {}

/** The error for a credential that neither the option nor the environment provides. */
export function missingCredential(preset: string, what: string, option: string, envVar: string, header?: string): PresetConfigurationError {
  const viaHeaders = header === undefined ? "" : `, or send a "${header}" header through OTEL_EXPORTER_OTLP_HEADERS`;
  return new MissingCredentialError(
    `The "${preset}" exporter preset needs ${what}: set the "${option}" option or the ${envVar} environment variable${viaHeaders}.`,
    preset,
  );
}
