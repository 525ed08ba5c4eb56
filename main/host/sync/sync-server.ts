import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Services } from '../services';

export interface SyncServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Persist what is pending, close every connection, unload docs. */
  close(): Promise<void>;
}

// Placeholder until the y-websocket server lands: refuses every upgrade.
export function createSyncServer(_services: Services): SyncServer {
  return {
    handleUpgrade(_req, socket) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
    },
    async close() {},
  };
}
