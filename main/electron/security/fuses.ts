// Electron fuses flipped in the packaged binary (electron-builder.yml `electronFuses`; the
// packaging test checks that both agree). https://www.electronjs.org/docs/latest/tutorial/fuses
export const ELECTRON_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn the signed app into a general Node runtime. */
  runAsNode: false,
  /** Cookies encrypted at rest with the OS key store. */
  enableCookieEncryption: true,
  /** NODE_OPTIONS could inject code (--require) into the app. */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect lets anyone with a shell attach a debugger to main. */
  enableNodeCliInspectArguments: false,
  /** app.asar is checked against the hash embedded at build time. */
  enableEmbeddedAsarIntegrityValidation: true,
  /** No loading the app from a loose folder next to the binary. */
  onlyLoadAppFromAsar: true,
  /** Privileged file:// access for pages is not needed (the renderer uses app://). */
  grantFileProtocolExtraPrivileges: false,
} as const;
