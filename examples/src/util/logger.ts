export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

type Level = 'info' | 'warn' | 'error';

/** JSON lines on stdout; writing is synchronous, so nothing here returns a promise. */
export class Logger {
  readonly #component: string;

  constructor(component: string) {
    this.#component = component;
  }

  info(message: string, fields: LogFields = {}): void {
    this.#emit('info', message, fields);
  }

  warn(message: string, fields: LogFields = {}): void {
    this.#emit('warn', message, fields);
  }

  error(message: string, fields: LogFields = {}): void {
    this.#emit('error', message, fields);
  }

  #emit(level: Level, message: string, fields: LogFields): void {
    const line = { time: new Date().toISOString(), level, component: this.#component, message, ...fields };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
