// The one contract between the renderer and Electron's main process. The preload script exposes
// exactly these channels (as `window.phonghop`), main registers exactly these handlers, and both
// validate payloads with the same zod schemas. No raw ipcRenderer, no sendSync.
import { z } from 'zod';

const HttpsOrLoopbackUrl = z
  .string()
  .max(2000)
  .refine((u) => {
    try {
      const url = new URL(u);
      return (
        url.protocol === 'https:' ||
        (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
      );
    } catch {
      return false;
    }
  }, 'an https:// address (or http:// on this computer)');

/** SHA-256 fingerprint, with or without colons. */
export const Fingerprint = z
  .string()
  .trim()
  .transform((s) => s.replace(/:/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{64}$/));

export const RoomMode = z.enum(['host', 'join']);
export type RoomMode = z.infer<typeof RoomMode>;

export const JoinRequest = z
  .object({
    /** The host address (https://ADDR:PORT) or a full join link. */
    url: HttpsOrLoopbackUrl,
    /** One-time pairing token (from the QR code) or short code (typed). */
    token: z.string().trim().min(10).max(100).optional(),
    code: z.string().trim().min(4).max(20).optional(),
    hostId: z.string().max(100).optional(),
    fingerprint: Fingerprint.optional(),
    /** Accept a fingerprint that differs from the pinned one (after a loud warning). */
    acceptChangedFingerprint: z.boolean().optional(),
  })
  .strict();
export type JoinRequest = z.input<typeof JoinRequest>;

export const JoinResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    hostId: z.string(),
    hostName: z.string(),
    fingerprint: z.string().nullable(),
    url: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum([
      'fingerprint_changed',
      'fingerprint_mismatch',
      'host_mismatch',
      'unreachable',
      'pairing_refused',
      'invalid',
    ]),
    message: z.string(),
    expected: z.string().optional(),
    actual: z.string().optional(),
  }),
]);
export type JoinResult = z.infer<typeof JoinResult>;

export const AppInfo = z.object({
  version: z.string(),
  platform: z.string(),
  mode: RoomMode.nullable(),
  hostUrl: z.string().nullable(),
  fingerprint: z.string().nullable(),
  lang: z.enum(['vi', 'en']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const CredentialKey = z
  .object({ hostId: z.string().min(1).max(100), username: z.string().min(1).max(64) })
  .strict();
export const SavedCredential = z
  .object({
    hostId: z.string().min(1).max(100),
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();
export const PrintRequest = z
  .object({
    /** A path on the current host to print (a paper or the minutes PDF); absent: the current page. */
    path: z.string().startsWith('/api/v1/').max(500).optional(),
  })
  .strict();

const Ok = z.object({ ok: z.boolean() });
const Void = z.undefined();

/**
 * Request/answer channels (renderer → main, ipcRenderer.invoke). Each has a zod schema for the
 * argument and for the answer.
 */
export const invokeChannels = {
  'app:info': { arg: Void, answer: AppInfo },
  'app:set-language': { arg: z.enum(['vi', 'en']), answer: Ok },
  'app:open-data-folder': { arg: Void, answer: Ok },
  'room:choose-host': { arg: Void, answer: Ok },
  'room:join': { arg: JoinRequest, answer: JoinResult },
  'room:leave': { arg: Void, answer: Ok },
  'credentials:available': { arg: Void, answer: z.boolean() },
  'credentials:save': { arg: SavedCredential, answer: Ok },
  'credentials:load': {
    arg: CredentialKey.pick({ hostId: true }),
    answer: SavedCredential.nullable(),
  },
  'credentials:forget': { arg: CredentialKey.pick({ hostId: true }), answer: Ok },
  'print:page': { arg: PrintRequest, answer: Ok },
} as const satisfies Record<string, { arg: z.ZodType; answer: z.ZodType }>;

/** Events main sends to the renderer (webContents.send); the renderer subscribes through `on`. */
export const eventChannels = {
  /** A `phonghop://join?...` link was opened (deep link). */
  'deep-link:join': JoinRequest,
  /** A menu command the page handles (e.g. search, zoom to fit). */
  'menu:command': z.enum(['search', 'print', 'fit-width', 'next-page', 'previous-page']),
  /** The pinned certificate of the room's host changed: show a loud warning. */
  'security:fingerprint-changed': z.object({
    host: z.string(),
    expected: z.string(),
    actual: z.string(),
  }),
} as const satisfies Record<string, z.ZodType>;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;
export type InvokeArg<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['arg']>;
export type InvokeAnswer<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['answer']>;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

/** What the preload script puts on `window.phonghop`. */
export interface PhonghopBridge {
  invoke<C extends InvokeChannel>(
    channel: C,
    ...arg: InvokeArg<C> extends undefined ? [] : [InvokeArg<C>]
  ): Promise<InvokeAnswer<C>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

export const BRIDGE_GLOBAL = 'phonghop';
