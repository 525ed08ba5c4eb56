// WebSocket close codes the sync server uses. 4400-4499 mirror HTTP 4xx: the stock y-websocket
// client treats them as final and stops reconnecting, which is right for each of these.
export const Close = {
  goingAway: { code: 1001, reason: 'host shutting down' },
  tooBig: { code: 1009, reason: 'message too big' },
  malformed: { code: 4400, reason: 'malformed message' },
  badUpdate: { code: 4400, reason: 'malformed update' },
  unknownType: { code: 4400, reason: 'unknown message type' },
  unauthenticated: { code: 4401, reason: 'session ended' },
  forbidden: { code: 4403, reason: 'access withdrawn' },
  rateLimit: { code: 4429, reason: 'rate limit' },
  // Transient (outside 4400-4499): the stock client reconnects and resends what it holds.
  storageFailure: { code: 1011, reason: 'storage failure' },
  setupFailure: { code: 1011, reason: 'internal error' },
} as const;
export interface CloseReason {
  code: number;
  reason: string;
}
