// Module resolution hooks (registered by redirect-peer.ts): a native `import` of a peer under
// test, or of one of its subpaths, resolves as if imported from the throwaway prefix.
/** @type {{ name: string, parentURL: string }[]} */
let peers = [];

/** @param {{ name: string, parentURL: string }[]} data */
export function initialize(data) {
  peers = data;
}

/**
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context: object) => unknown} nextResolve
 */
export function resolve(specifier, context, nextResolve) {
  const peer = peers.find(({ name }) => specifier === name || specifier.startsWith(`${name}/`));
  return nextResolve(specifier, peer === undefined ? context : { ...context, parentURL: peer.parentURL });
}
