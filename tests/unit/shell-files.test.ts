// The app shell's file list, from a build manifest shaped like Vite's.
import { describe, expect, it } from 'vitest';
import { isShellAsset, shellFiles } from '../../renderer/src/offline/shell-files';

describe('app shell files', () => {
  it('lists every emitted file once: entries, lazy chunks, their CSS and assets', () => {
    const manifest = {
      'index.html': {
        file: 'assets/index-a1.js',
        isEntry: true,
        css: ['assets/index-b2.css'],
        assets: ['assets/BeVietnamPro-c3.woff2'],
        dynamicImports: ['src/features/viewer/ViewerPage.tsx'],
      },
      'src/features/viewer/ViewerPage.tsx': {
        file: 'assets/ViewerPage-d4.js',
        isDynamicEntry: true,
        css: ['assets/index-b2.css', 'assets/ViewerPage-e5.css'],
      },
      'node_modules/pdfjs-dist/build/pdf.worker.min.mjs': { file: 'assets/pdf.worker-f6.mjs' },
    };
    expect(shellFiles(manifest).sort()).toEqual(
      [
        '/assets/BeVietnamPro-c3.woff2',
        '/assets/ViewerPage-d4.js',
        '/assets/ViewerPage-e5.css',
        '/assets/index-a1.js',
        '/assets/index-b2.css',
        '/assets/pdf.worker-f6.mjs',
      ].sort(),
    );
  });

  it('ignores what is not a manifest, and files outside /assets', () => {
    expect(shellFiles(null)).toEqual([]);
    expect(shellFiles('x')).toEqual([]);
    expect(shellFiles({ a: 1, b: { file: 7, css: 'x' }, c: { file: '../etc/passwd' } })).toEqual(
      [],
    );
    expect(isShellAsset('/api/v1/health')).toBe(false);
    expect(isShellAsset('/assets/index-a1.js')).toBe(true);
  });
});
