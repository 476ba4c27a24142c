const empty = Buffer.alloc(0)

/**
 * Pull-based reader over an async iterator of Buffers. Bytes are handed out as sub-arrays of
 * the source chunks (no copy) except when a read spans chunks. `onChunk` sees every byte exactly
 * once, in order, as it arrives: the applier hashes and counts the layer there.
 */
export class ByteReader {
  private readonly chunks: Buffer[] = []
  private offset = 0
  private buffered = 0
  private done = false

  constructor(
    private readonly source: AsyncIterator<Buffer>,
    private readonly onChunk: (chunk: Buffer) => void
  ) {}

  private async pull(): Promise<boolean> {
    while (!this.done) {
      const result = await this.source.next()
      if (result.done === true) {
        this.done = true
        return false
      }
      const chunk = result.value
      if (chunk.length === 0) continue
      this.onChunk(chunk)
      this.chunks.push(chunk)
      this.buffered += chunk.length
      return true
    }
    return false
  }

  private advance(count: number): void {
    this.offset += count
    this.buffered -= count
    if (this.offset === this.chunks[0]?.length) {
      this.chunks.shift()
      this.offset = 0
    }
  }

  /** Reads `count` bytes; the result is shorter only at the end of the stream. */
  async read(count: number): Promise<Buffer> {
    while (this.buffered < count && (await this.pull())) {
      // keep pulling
    }
    const total = Math.min(count, this.buffered)
    if (total === 0) return empty
    const first = this.chunks[0] as Buffer
    if (first.length - this.offset >= total) {
      const out = first.subarray(this.offset, this.offset + total)
      this.advance(total)
      return out
    }
    const out = Buffer.allocUnsafe(total)
    let filled = 0
    while (filled < total) {
      const chunk = this.chunks[0] as Buffer
      const take = Math.min(chunk.length - this.offset, total - filled)
      chunk.copy(out, filled, this.offset, this.offset + take)
      filled += take
      this.advance(take)
    }
    return out
  }

  /**
   * Hands the next `count` bytes (or everything up to the end for `Infinity`) to `sink` in the
   * pieces they arrived in, awaiting the source only when the buffer is empty (backpressure:
   * nothing is read ahead while `sink` works). Returns how many bytes were delivered.
   */
  async pipe(count: number, sink: (piece: Buffer) => void): Promise<number> {
    let left = count
    let delivered = 0
    while (left > 0) {
      if (this.buffered === 0 && !(await this.pull())) break
      const chunk = this.chunks[0] as Buffer
      const take = Math.min(chunk.length - this.offset, left)
      const piece = chunk.subarray(this.offset, this.offset + take)
      this.advance(take)
      left -= take
      delivered += take
      sink(piece)
    }
    return delivered
  }
}
