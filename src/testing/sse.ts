export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** Reads server-sent events from a response body, one at a time (tests of /api/live). */
export class SseReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async next(): Promise<SseEvent> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event: SseEvent = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          const [name, ...rest] = line.split(': ');
          const value = rest.join(': ');
          if (name === 'event') event.event = value;
          else if (name === 'id') event.id = value;
          else if (name === 'data') event.data += value;
        }
        return event;
      }
      const { done, value } = await this.reader.read();
      if (done) throw new Error('the stream ended');
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  close() {
    return this.reader.cancel();
  }
}
