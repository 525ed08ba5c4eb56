// POST /verify takes any signed-in user's file: reading its signatures must never hold the host's
// event loop (every other user's requests and sync), and what one request may ask for is capped.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { errorCode } from './minutes-helpers';
import { MAX_SIGNATURES } from '../../main/host/signatures/pdf-signatures-read';
import { MAX_VERIFY_PDF_BYTES } from '../../main/host/api/routes/verify';
import type { SignatureReport } from '../../shared/api/schemas/minutes';

/** The review's file: 3,000 byte ranges with no "obj"/"endobj" to stop a search (675 KB). */
function crafted(count: number, filler = 200): Buffer {
  const unit = `/ByteRange [0 10 20 30]${'x'.repeat(filler)}`;
  return Buffer.from(`%PDF-1.7\n${unit.repeat(count)}`, 'latin1');
}

describe('POST /verify limits', () => {
  let host: TestHost;
  let token: string;

  beforeAll(async () => {
    host = await startTestHost({ demo: true });
    token = await host.login('dai-bieu-1');
    // The verifying worker starts on first use; start it here, outside the measured part.
    expect((await host.api('POST', '/verify', { token, raw: crafted(1) })).status).toBe(200);
  });
  afterAll(() => host.stop(true));

  it('answers /health while a crafted file is verified: the event loop is never held', async () => {
    // The host runs in this process, so a blocked host loop is this test's blocked loop.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const verifying = host.api('POST', '/verify', { token, raw: crafted(3000) });
    let healthy = 0;
    let done = false;
    const settled = verifying.finally(() => (done = true));
    while (!done) {
      const res = await fetch(`${host.url}/api/v1/health`);
      expect(res.status).toBe(200);
      healthy++;
    }
    const res = await settled;
    delay.disable();
    expect(healthy).toBeGreaterThan(0);
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('pdf_too_many_signatures');
    // Generous: a loop held by the parse was held for seconds (10 s for this file before).
    expect(delay.max / 1e6).toBeLessThan(1000);
  });

  it('reads up to the signature cap, and refuses one more with a clear code', async () => {
    const at = await host.api('POST', '/verify', { token, raw: crafted(MAX_SIGNATURES, 20_000) });
    expect(at.status).toBe(200);
    const reports = (await at.json()) as SignatureReport[];
    expect(reports).toHaveLength(MAX_SIGNATURES);
    expect(reports.every((r) => !r.valid && r.problems.includes('cms_malformed'))).toBe(true);
    const over = await host.api('POST', '/verify', { token, raw: crafted(MAX_SIGNATURES + 1) });
    expect(over.status).toBe(422);
    expect(await errorCode(over)).toBe('pdf_too_many_signatures');
  });

  it('refuses a body over the size cap with payload_too_large, and keeps working', async () => {
    const big = Buffer.alloc(MAX_VERIFY_PDF_BYTES + 1, 0x20);
    big.write('%PDF-1.7\n', 0, 'latin1');
    const res = await host.api('POST', '/verify', { token, raw: big });
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe('payload_too_large');
    const after = await host.api('POST', '/verify', { token, raw: crafted(2) });
    expect(after.status).toBe(200);
    expect(((await after.json()) as SignatureReport[]).length).toBe(2);
  });
});
