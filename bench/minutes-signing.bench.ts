// The minutes pipeline without the network: render the NĐ 30/2020 PDF (short and long minutes),
// add a signature placeholder (incremental update), build the CMS on WebCrypto (RSA-2048 and
// ECDSA P-256, as a browser would), embed it, and verify a doubly signed file. Prints p50/max ms
// and file sizes.
import { performance } from 'node:perf_hooks';
import * as pkijs from 'pkijs';
import { renderMinutesPdf } from '../main/host/minutes/render-minutes-pdf';
import type { Block } from '../main/host/minutes/draft-blocks';
import {
  addSignaturePlaceholder,
  embedCms,
  signedBytes,
} from '../main/host/signatures/pdf-signature-placeholder';
import { digestOf } from '../main/host/signatures/cms-inspect';
import { verifyPdfSignatures } from '../main/host/signatures/verify-pdf';
import { readPkcs12 } from '../shared/signing/pkcs12';
import { buildPadesCms } from '../shared/signing/pades-cms';
import { pemBlocks, toArrayBuffer } from '../shared/signing/pem';
import { createTestCa } from '../tests/helpers/pki';
import { percentile, printTable } from './table';

const RUNS = 7;

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await fn();
    ms.push(performance.now() - t0);
  }
  return { ms: ms.sort((a, b) => a - b), last: last as T };
}

function blocks(paragraphs: number): Block[] {
  const run = (text: string) => ({ text, bold: false, italic: false, underline: false });
  return Array.from({ length: paragraphs }, (_, i): Block =>
    i % 10 === 0
      ? {
          kind: 'heading',
          level: 2,
          runs: [run(`${i / 10 + 1}. Nội dung thảo luận và kết luận của hội nghị`)],
        }
      : {
          kind: 'paragraph',
          runs: [
            run(
              'Đại biểu Lê Minh Đức đề nghị làm rõ tiến độ giải ngân vốn đầu tư công, nguồn vốn đối ứng và phương án bồi thường, hỗ trợ tái định cư cho các hộ dân bị ảnh hưởng bởi dự án đường ven biển. ',
            ),
          ],
        },
  );
}

const rows: Array<Record<string, string | number>> = [];
const add = (step: string, ms: number[], extra: Record<string, string | number> = {}) =>
  rows.push({ step, 'p50 ms': percentile(ms, 50), 'max ms': ms[ms.length - 1]!, ...extra });

const input = (n: number) => ({
  organization: 'ỦY BAN NHÂN DÂN TỈNH ĐÀ NẴNG',
  title: 'Phiên họp thường kỳ tháng 11 năm 2026',
  place: 'Đà Nẵng',
  date: new Date(),
  blocks: blocks(n),
  chairName: 'Nguyễn Văn Hùng',
  secretaryName: 'Trần Thị Lan',
  auditHead: 'a'.repeat(64),
  revision: 1,
  meetingId: 'bench',
});

for (const n of [20, 400]) {
  const r = await time(() => renderMinutesPdf(input(n)));
  add(`render PDF, ${n} paragraphs`, r.ms, { 'size KB': Math.round(r.last.length / 1024) });
}

const base = Buffer.from(await renderMinutesPdf(input(40)));
const ca = await createTestCa('Bench CA');
const roots = [pkijs.Certificate.fromBER(toArrayBuffer(pemBlocks(ca.pem)[0]!))];
let doc: Buffer = base;
for (const kind of ['RSA', 'EC'] as const) {
  const signer = await ca.issue({
    name: kind === 'RSA' ? 'Trần Thị Lan' : 'Nguyễn Văn Hùng',
    kind,
  });
  const id = await readPkcs12(new Uint8Array(await signer.p12('pw')), 'pw');
  const prep = await time(() =>
    addSignaturePlaceholder(doc, {
      fieldName: `F${kind}`,
      signerName: signer.name,
      reason: 'Ký',
      signedAt: new Date(),
    }),
  );
  add(`prepare (placeholder + digest input), ${kind}`, prep.ms, {
    'size KB': Math.round(prep.last.bytes.length / 1024),
  });
  const digest = digestOf(signedBytes(prep.last.bytes, prep.last.byteRange));
  const cms = await time(() =>
    buildPadesCms({ digest, certificates: id.certificates, privateKey: id.privateKey }),
  );
  add(`build CMS on WebCrypto, ${kind}`, cms.ms, { 'size KB': Math.round(cms.last.length / 1024) });
  doc = embedCms(prep.last.bytes, prep.last.byteRange, cms.last);
}
const verify = await time(() => verifyPdfSignatures(doc, roots));
add('verify 2 signatures', verify.ms, {
  'size KB': Math.round(doc.length / 1024),
  valid: verify.last.filter((r) => r.valid && r.trusted).length,
});

printTable('Minutes PDF and PAdES signing (single process, no network)', rows);
