// The sandboxed parser on its own: a file that takes too long is abandoned (its process killed),
// a normal one yields pages, text and thumbnail, and a bad path is an error, not a crash.
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfParser } from '../../main/host/documents/pdf-parser';

import { SAMPLES } from '../helpers/samples';

describe('pdf parser', () => {
  const parser = createPdfParser({ timeoutMs: 5, concurrency: 1 });
  const patient = createPdfParser({ concurrency: 1 });
  afterAll(() => {
    parser.close();
    patient.close();
  });

  it('gives up on a file after its deadline', async () => {
    const outcome = await parser.parse(`${SAMPLES}/freeculture.pdf`);
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('with a normal deadline parses the file: pages, text and thumbnail', async () => {
    const outcome = await patient.parse(`${SAMPLES}/tracemonkey.pdf`);
    if (!outcome.ok || outcome.encrypted) throw new Error(JSON.stringify(outcome).slice(0, 300));
    expect(outcome.pages).toBe(14);
    expect(outcome.text[0]).toContain('Trace-based Just-in-Time');
    expect(Buffer.from(outcome.thumbnail!).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('reports a missing or unreadable file as corrupt, not as a crash of the host', async () => {
    const outcome = await patient.parse(`${SAMPLES}/does-not-exist.pdf`);
    expect(outcome).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
