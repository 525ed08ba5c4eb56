// Drives the minutes flow the way clients do: the draft through the stock y-websocket client,
// the rest through the HTTP API, signing with a PKCS#12 file on the "device" (this process).
import * as Y from 'yjs';
import { expect } from 'vitest';
import type { TestHost } from '../helpers/host';
import type { Signer } from '../helpers/pki';
import { MINUTES_FRAGMENT } from '../../shared/api/schemas/minutes';
import { readPkcs12 } from '../../shared/signing/pkcs12';
import { buildPadesCms } from '../../shared/signing/pades-cms';
import { base64ToBytes, bytesToBase64 } from '../../shared/signing/pem';
import { connect, until } from './sync-helpers';

/** Writes paragraphs into the minutes draft as an editor would, and waits until the host has them. */
export async function writeDraft(
  host: TestHost,
  meetingId: string,
  token: string,
  paragraphs: string[],
  opts: { waitForRows?: boolean } = {},
): Promise<void> {
  const client = connect(host, `minutes/${meetingId}`, token);
  await client.synced;
  const fragment = client.doc.getXmlFragment(MINUTES_FRAGMENT);
  client.doc.transact(() => {
    for (const text of paragraphs) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      fragment.push([p]);
    }
  });
  const rows = () =>
    host.services.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM ydoc_updates WHERE doc = ?')
      .get(`minutes/${meetingId}`)!.n;
  if (opts.waitForRows ?? true) await until(() => rows() > 0, 'the draft to be persisted');
  else {
    // A round trip after the write: once a fresh client has synced, the host has handled it.
    const probe = connect(host, `minutes/${meetingId}`, token);
    await probe.synced;
    probe.destroy();
  }
  client.destroy();
}

export async function json<T>(res: Response, status = 200): Promise<T> {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  return JSON.parse(body) as T;
}

export async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error?: { code?: string } };
  return body.error?.code ?? `status ${res.status}`;
}

/** prepare → CMS built from the .p12 on this side → complete. Returns the completion response. */
export async function signAs(
  host: TestHost,
  meetingId: string,
  token: string,
  signer: Signer,
  opts: { tamperDigest?: boolean } = {},
): Promise<Response> {
  const id = await readPkcs12(new Uint8Array(await signer.p12('pass')), 'pass');
  const prep = await json<{ signingId: string; digest: string }>(
    await host.api('POST', `/meetings/${meetingId}/minutes/signatures/prepare`, {
      token,
      body: { certificateChain: id.certificateChainPem },
    }),
  );
  const digest = base64ToBytes(prep.digest);
  if (opts.tamperDigest) digest[0] = digest[0]! ^ 0xff;
  const cms = await buildPadesCms({
    digest,
    certificates: id.certificates,
    privateKey: id.privateKey,
  });
  return host.api('POST', `/meetings/${meetingId}/minutes/signatures/${prep.signingId}`, {
    token,
    body: { cms: bytesToBase64(cms) },
  });
}
