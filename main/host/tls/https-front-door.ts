// One port, two protocols: a TLS handshake goes to the HTTPS server, anything else (a person
// typing http://…) gets a redirect to the same address over HTTPS and nothing more. The first
// byte of a TLS connection is always 0x16 (handshake record), which no HTTP method starts with.
import net from 'node:net';
import http from 'node:http';
import type https from 'node:https';

const TLS_HANDSHAKE = 0x16;
const FIRST_BYTE_TIMEOUT_MS = 15_000;
// Host header as a browser sends it: a name or an IPv4/IPv6 literal, optionally with a port.
const SAFE_HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

export interface FrontDoor {
  server: net.Server;
  /** Stops accepting; in-flight HTTPS requests finish, idle keep-alive sockets close. */
  close(): Promise<void>;
}

export function createRedirectServer(fallbackHost: string): http.Server {
  const redirect = http.createServer((req, res) => {
    const asked = req.headers.host ?? '';
    // Never echo an arbitrary Host header into Location: that would make us an open redirect.
    const host = SAFE_HOST.test(asked) ? asked : fallbackHost;
    const target = `https://${host}${req.url?.startsWith('/') ? req.url : '/'}`;
    res.statusCode = 308;
    res.setHeader('Location', target);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(`This host is served over HTTPS only: ${target}\n`);
    req.resume();
  });
  // WebSockets must use wss://; a plain upgrade is refused outright.
  redirect.on('upgrade', (_req, socket) => {
    socket.end('HTTP/1.1 426 Upgrade Required\r\nConnection: close\r\n\r\n');
  });
  return redirect;
}

/**
 * Listens on a plain TCP server and hands each connection to `secure` (TLS) or to the
 * redirecting HTTP server. `secure` itself never listens.
 */
export function createFrontDoor(secure: https.Server, fallbackHost: string): FrontDoor {
  const redirect = createRedirectServer(fallbackHost);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // A connection that never says anything holds a socket forever (slowloris): drop it.
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy());
    socket.once('data', (first) => {
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : redirect).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  // The HTTP servers track connections and enforce request timeouts once they are "listening".
  server.on('listening', () => {
    secure.emit('listening');
    redirect.emit('listening');
  });
  return {
    server,
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      secure.close(() => {});
      redirect.close(() => {});
      secure.closeIdleConnections();
      redirect.closeAllConnections();
      const force = setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, 5000);
      await stopped;
      clearTimeout(force);
    },
  };
}
