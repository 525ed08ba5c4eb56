import { describe, expect, it } from 'vitest';
import {
  MAX_SIGNATURES,
  TooManySignaturesError,
  findSignatures,
} from '../../main/host/signatures/pdf-signatures-read';

const pdf = (text: string) => Buffer.from(text, 'latin1');

describe('findSignatures', () => {
  it('reads the dictionary entries around the hole, skipping keys spelled inside strings', () => {
    const head = '%PDF-1.7\n5 0 obj\n<< /Type /Sig /SubFilter /ETSI.CAdES.detached /Contents ';
    const hole = '<3000>';
    const holeStart = head.length;
    const rest =
      " /Reason (see /Name (nested) here) /Name <FEFF0054> /M (D:20261125103600+00'00')" +
      ' /ByteRange [0 RANGE] >>\nendobj\n';
    const c = holeStart + hole.length;
    const filled = rest.replace('RANGE', `${holeStart} ${c} 0`);
    const [sig] = findSignatures(pdf(head + hole + filled));
    expect(sig).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      reason: 'see /Name (nested) here',
      name: 'T',
      signedAt: '2026-11-25T10:36:00.000Z',
    });
    expect(Buffer.from(sig!.contents)).toEqual(Buffer.from([0x30, 0x00]));
  });

  it('takes an odd-length UTF-16 name without throwing', () => {
    const [sig] = findSignatures(
      pdf('1 0 obj << /Name <FEFF005400> /ByteRange [0 1 2 3] >> endobj'),
    );
    expect(sig!.name).toBe('T');
  });

  it(`refuses a file with more than ${MAX_SIGNATURES} signatures`, () => {
    const at = pdf('/ByteRange [0 10 20 30] '.repeat(MAX_SIGNATURES));
    expect(findSignatures(at)).toHaveLength(MAX_SIGNATURES);
    const over = pdf('/ByteRange [0 10 20 30] '.repeat(MAX_SIGNATURES + 1));
    expect(() => findSignatures(over)).toThrow(TooManySignaturesError);
  });
});
