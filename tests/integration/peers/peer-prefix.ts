import fs from 'node:fs';
import path from 'node:path';

/** The peer dependencies `scripts/test-peer.sh` can swap for another version. */
export const peerNames = ['eslint', 'typescript'] as const;
export type PeerName = (typeof peerNames)[number];

/** A peer under test: which package, the npm prefix it was installed into, and its version. */
export interface Peer {
  readonly name: PeerName;
  readonly prefix: string;
  readonly version: string;
}

/** `eslint` or one of its subpaths (`eslint/use-at-your-own-risk`), not `eslint-scope` and friends. */
export function isPeerRequest(name: PeerName, request: string): boolean {
  return request === name || request.startsWith(`${name}/`);
}

/** The peer of `peers` that `request` loads, if any. */
export function findRequestedPeer(peers: readonly Peer[], request: string): Peer | undefined {
  return peers.find((peer) => isPeerRequest(peer.name, request));
}

/** The peers of a `scripts/test-peer.sh` run; none in an ordinary run (`ASYNC_MISUSE_PEER` unset). */
export function peersUnderTest(): Peer[] {
  return process.env['ASYNC_MISUSE_PEER'] === undefined ? [] : peersFromEnv();
}

/**
 * The peers `scripts/test-peer.sh` installed: `ASYNC_MISUSE_PEER` names them (`eslint`,
 * `typescript`, or both: `eslint,typescript`), `ASYNC_MISUSE_PEER_PREFIX` is the npm prefix.
 */
export function peersFromEnv(): Peer[] {
  const names = (process.env['ASYNC_MISUSE_PEER'] ?? '').split(',').filter((name) => name !== '');
  const prefix = process.env['ASYNC_MISUSE_PEER_PREFIX'];
  const peers: Peer[] = [];
  for (const name of names) {
    const peerName = peerNames.find((candidate) => candidate === name);
    const manifest = peerName === undefined || prefix === undefined ? undefined : path.join(prefix, 'node_modules', peerName, 'package.json');
    if (peerName === undefined || prefix === undefined || manifest === undefined || !fs.existsSync(manifest)) break;
    const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
    peers.push({ name: peerName, prefix, version });
  }
  if (peers.length === 0 || peers.length !== names.length) {
    throw new Error(
      `ASYNC_MISUSE_PEER (${peerNames.join(', ')}, or both comma-separated) and ASYNC_MISUSE_PEER_PREFIX (an npm prefix they are installed in) must be set: run scripts/test-peer.sh`,
    );
  }
  return peers;
}

/** The peer named `name` of this run (a `<peer>.check.ts` file asks for its own). */
export function peerFromEnv(name: PeerName): Peer {
  const peer = peersFromEnv().find((candidate) => candidate.name === name);
  if (peer === undefined) throw new Error(`${name} is not a peer of this run (ASYNC_MISUSE_PEER=${process.env['ASYNC_MISUSE_PEER'] ?? ''})`);
  return peer;
}
