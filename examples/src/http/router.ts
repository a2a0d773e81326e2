export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface HttpResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Handlers may do I/O, so every handler returns a promise: that is the contract. */
export type RouteHandler = (request: HttpRequest) => Promise<HttpResponse>;

export class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly keys: readonly string[];
  readonly handler: RouteHandler;
}

export class Router {
  readonly #routes: Route[] = [];

  get(path: string, handler: RouteHandler): this {
    return this.#add('GET', path, handler);
  }

  post(path: string, handler: RouteHandler): this {
    return this.#add('POST', path, handler);
  }

  async dispatch(method: string, path: string, body: unknown): Promise<HttpResponse> { // ok: no-needless-async — returns the handler's promise
    for (const route of this.#routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(path);
      if (match === null) continue;
      const params = Object.fromEntries(route.keys.map((key, index) => [key, decodeURIComponent(match[index + 1] ?? '')]));
      return route.handler({ method, path, params, body });
    }
    return { status: 404, body: { error: `No route for ${method} ${path}` } };
  }

  #add(method: string, path: string, handler: RouteHandler): this {
    const keys: string[] = [];
    const source = path.replace(/:(\w+)/g, (_segment, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.#routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler });
    return this;
  }
}
