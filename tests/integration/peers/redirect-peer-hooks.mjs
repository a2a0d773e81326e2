// Module resolution hooks (registered by redirect-peer.ts): a native `import` of the peer under
// test, or of one of its subpaths, resolves as if imported from the throwaway prefix.
let peer = { name: '', parentURL: '' };

/** @param {{ name: string, parentURL: string }} data */
export function initialize(data) {
  peer = data;
}

/**
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context: object) => unknown} nextResolve
 */
export function resolve(specifier, context, nextResolve) {
  const isPeer = specifier === peer.name || specifier.startsWith(`${peer.name}/`);
  return nextResolve(specifier, isPeer ? { ...context, parentURL: peer.parentURL } : context);
}
