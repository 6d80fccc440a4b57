/**
 * Bounds on what a template may unpack to. A Word letter is a few hundred kilobytes; these
 * leave room for templates with large images while keeping a hostile upload from exhausting
 * a Functions worker or the task pane's tab.
 */
export interface PackageLimits {
  /** The uploaded bytes (zip) or characters (flat OPC). */
  readonly maxInputBytes: number;
  /** All parts unpacked, together. */
  readonly maxUnzippedBytes: number;
  readonly maxParts: number;
  /**
   * Uncompressed / compressed, per part and for the package as a whole; Word's XML reaches
   * about 20x (an old-style form of empty table cells about 150x), deflate bombs 1000x.
   */
  readonly maxCompressionRatio: number;
  /**
   * Parts (and packages) that unpack to less than this are not held to the ratio: tiny
   * repetitive XML compresses extremely, and below it a bomb cannot grow far.
   */
  readonly ratioCheckFromBytes: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxInputBytes: 100 * 1024 * 1024,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxParts: 2000,
  maxCompressionRatio: 100,
  ratioCheckFromBytes: 256 * 1024,
};
