import { Writable } from 'node:stream';
import pino from 'pino';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { withLibraryOutput } from '../../main/host/library-output';

describe('withLibraryOutput', () => {
  it("sends pdf-lib's warnings about a damaged file to the log as JSON entries", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const log = pino({ level: 'debug' }, sink);
    const doc = await PDFDocument.create();
    doc.addPage();
    const good = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    const damaged = Buffer.from(good.replace('2 0 obj', '2 0 obj ]]] )'), 'latin1');
    const printed: string[] = [];
    const original = console.warn;
    // What reaches the real console while the capture runs: nothing from the library.
    console.warn = (...args: unknown[]) => void printed.push(args.join(' '));
    try {
      await withLibraryOutput(log, 'pdf-lib', () => PDFDocument.load(damaged));
      console.warn('outside');
    } finally {
      console.warn = original;
    }
    const entries = lines.map((l) => JSON.parse(l) as { library?: string; msg?: string });
    expect(
      entries.some((e) => e.library === 'pdf-lib' && /invalid object/i.test(e.msg ?? '')),
    ).toBe(true);
    expect(printed).toEqual(['outside']);
  });
});
