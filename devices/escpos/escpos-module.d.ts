// The part of `escpos` 2.5 (untyped CommonJS) this folder uses: the Printer as a byte builder.
declare module 'escpos' {
  interface EscposAdapter {
    write(data: Buffer, callback?: (error?: Error | null) => void): unknown;
    close(callback?: () => void): unknown;
  }
  export class Printer {
    constructor(adapter: EscposAdapter, options?: { encoding?: string });
    buffer: { flush(): Buffer };
    hardware(command: 'init' | 'select' | 'reset'): this;
    align(align: 'lt' | 'ct' | 'rt'): this;
    size(width: number, height: number): this;
    text(content: string, encoding?: string): this;
    print(content: string | Buffer): this;
    feed(lines?: number): this;
    cut(partial?: boolean, feed?: number): this;
    drawLine(): this;
  }
  const escpos: { Printer: typeof Printer };
  export default escpos;
}
