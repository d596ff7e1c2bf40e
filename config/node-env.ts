/** How the process runs, from NODE_ENV: the one place that decides whether this is production. */
export type RuntimeMode = 'production' | 'development' | 'test';

/**
 * `development` and `test` (in any case, spaces around ignored) are what they say; unset or empty
 * runs as development, with a warning at boot (`nodeEnvWarning`). Every other value is production
 * (`production`, `Production`, `prod`, `staging`, a typo), so no spelling can start a live service
 * on the public dev-only secrets.
 */
export function runtimeMode(nodeEnv: unknown): RuntimeMode {
  const value = typeof nodeEnv === 'string' ? nodeEnv.trim().toLowerCase() : '';
  if (value === '' || value === 'development') return 'development';
  if (value === 'test') return 'test';
  return 'production';
}

export const isProduction = (nodeEnv: unknown = process.env.NODE_ENV): boolean =>
  runtimeMode(nodeEnv) === 'production';

/** The line to print at boot when NODE_ENV is unset, so nobody mistakes it for production. */
export function nodeEnvWarning(nodeEnv: unknown): string | undefined {
  if (typeof nodeEnv === 'string' && nodeEnv.trim() !== '') return undefined;
  return (
    'WARNING: NODE_ENV is not set, so this runs as development, on the dev-only secrets that are ' +
    'public in the repository: not for production. Set NODE_ENV=production and your own secrets ' +
    '(README, Configuration), or NODE_ENV=development to silence this.'
  );
}

/**
 * Writes NODE_ENV back in its one spelling, so libraries that compare it with `production`
 * themselves (Express hides error details only then) agree with `runtimeMode`, and warns when it
 * was unset. Called once at boot, before the application loads.
 */
export function settleNodeEnv(
  env: NodeJS.ProcessEnv,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): RuntimeMode {
  const warning = nodeEnvWarning(env.NODE_ENV);
  if (warning) warn(warning);
  const mode = runtimeMode(env.NODE_ENV);
  env.NODE_ENV = mode;
  return mode;
}
