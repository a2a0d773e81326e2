import { readFile } from 'node:fs/promises';

export interface ServiceConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly currency: string;
  readonly taxRate: number;
  readonly cacheTtlMs: number;
  readonly secretsFile: string | undefined;
}

export interface Secrets {
  readonly paymentApiToken: string;
}

let cachedConfig: ServiceConfig | undefined;

/** Reads the configuration from the environment: pure and synchronous. */
export function readConfig(env: NodeJS.ProcessEnv): ServiceConfig {
  return {
    port: Number(env.PORT ?? 8080),
    dataDir: env.DATA_DIR ?? './data',
    currency: env.CURRENCY ?? 'EUR',
    taxRate: Number(env.TAX_RATE ?? 0.2),
    cacheTtlMs: Number(env.CACHE_TTL_MS ?? 30_000),
    secretsFile: env.SECRETS_FILE,
  };
}

/** The configuration of this process, read once. */
export async function getConfig(): Promise<ServiceConfig> { // expect: no-needless-async — exported, callers elsewhere may use the promise: suggestion only
  cachedConfig ??= readConfig(process.env);
  return cachedConfig;
}

/** Secrets come from a file the orchestrator mounts; local runs use a dev token. */
export async function loadSecrets(config: ServiceConfig): Promise<Secrets> {
  if (config.secretsFile === undefined) return { paymentApiToken: 'dev-token' };
  const raw = await readFile(config.secretsFile, 'utf8'); // ok: no-trivial-await — real file I/O
  return JSON.parse(raw) as Secrets;
}
