// Kept in step with package.json by the release process; read at build time, not from disk.
export const HOST_VERSION = '0.1.0';
