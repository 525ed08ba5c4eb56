// The shared sample PDFs live beside the checkout (../shared/samples/pdf), wherever it is cloned.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SAMPLES = path.resolve(repoRoot, '..', 'shared', 'samples', 'pdf');

export function sample(name: string): string {
  return path.join(SAMPLES, name);
}
