/** One line of `npm run bench`: ours against a peer or a floor, measured side by side in one run. */
export interface BenchRow {
  name: string;
  ours: number;
  peer: number;
  peerName: string;
  unit: string;
  /** ours / peer: below 1 is faster than the peer for times. */
  ratio: number;
  target?: string;
  note?: string;
}
