import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { commonName } from '../../../shared/signing/pkcs12';
import { pemBlocks, toArrayBuffer } from '../../../shared/signing/pem';
import type { CertificateInfo } from '../../../shared/api/schemas/minutes';

const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
};

export function dnToString(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const v = (tv.value.valueBlock as { value?: unknown }).value;
      return `${SHORT[tv.type] ?? tv.type}=${typeof v === 'string' ? v : ''}`;
    })
    .reverse()
    .join(', ');
}

export function certificateDer(cert: pkijs.Certificate): Buffer {
  return Buffer.from(cert.toSchema().toBER(false));
}

export function certificateInfo(cert: pkijs.Certificate): CertificateInfo {
  return {
    subject: dnToString(cert.subject),
    issuer: dnToString(cert.issuer),
    serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    sha256: createHash('sha256').update(certificateDer(cert)).digest('hex'),
  };
}

export function signerName(cert: pkijs.Certificate): string {
  return commonName(cert.subject) || dnToString(cert.subject);
}

/** Parses one PEM (or base64 DER) certificate; null when it is not one. */
export function parsePemCertificate(pem: string): pkijs.Certificate | null {
  try {
    const blocks = pemBlocks(pem);
    const der = blocks[0] ?? (/^[A-Za-z0-9+/=\s]+$/.test(pem) ? Buffer.from(pem, 'base64') : null);
    if (!der || blocks.length > 1) return null;
    return pkijs.Certificate.fromBER(toArrayBuffer(der));
  } catch {
    return null;
  }
}
