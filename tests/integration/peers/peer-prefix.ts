import fs from 'node:fs';
import path from 'node:path';

/** The peer dependencies `scripts/test-peer.sh` can swap for another version. */
export const peerNames = ['eslint', 'typescript'] as const;
export type PeerName = (typeof peerNames)[number];

/** The peer under test: which package, the npm prefix it was installed into, and its version. */
export interface Peer {
  readonly name: PeerName;
  readonly prefix: string;
  readonly version: string;
}

/** `eslint` or one of its subpaths (`eslint/use-at-your-own-risk`), not `eslint-scope` and friends. */
export function isPeerRequest(name: PeerName, request: string): boolean {
  return request === name || request.startsWith(`${name}/`);
}

/** The peer of a `scripts/test-peer.sh` run, or `undefined` in an ordinary run (`ASYNC_MISUSE_PEER` unset). */
export function peerUnderTest(): Peer | undefined {
  return process.env['ASYNC_MISUSE_PEER'] === undefined ? undefined : peerFromEnv();
}

/** The peer `scripts/test-peer.sh` installed (`ASYNC_MISUSE_PEER`, `ASYNC_MISUSE_PEER_PREFIX`). */
export function peerFromEnv(): Peer {
  const name = peerNames.find((candidate) => candidate === process.env['ASYNC_MISUSE_PEER']);
  const prefix = process.env['ASYNC_MISUSE_PEER_PREFIX'];
  const manifest = name === undefined || prefix === undefined ? undefined : path.join(prefix, 'node_modules', name, 'package.json');
  if (name === undefined || prefix === undefined || manifest === undefined || !fs.existsSync(manifest)) {
    throw new Error(
      `ASYNC_MISUSE_PEER (one of ${peerNames.join(', ')}) and ASYNC_MISUSE_PEER_PREFIX (an npm prefix it is installed in) must be set: run scripts/test-peer.sh`,
    );
  }
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  return { name, prefix, version };
}
