/** Hands out ids in increasing order, skipping every id the template already uses. */
export class IdAllocator {
  private current: number;

  constructor(
    private readonly used: ReadonlySet<number>,
    start: number,
  ) {
    this.current = start;
  }

  next(): number {
    while (this.used.has(this.current)) this.current++;
    return this.current++;
  }
}
