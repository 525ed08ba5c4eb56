// The desktop app's own settings (not the archive): which room mode was chosen, the pinned hosts,
// the window's place, the language. One JSON file in userData, written whole and renamed.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PinStore } from './join/join-room';
import { SavedBounds } from './window-state';

const Pin = z.object({
  fingerprint: z.string().nullable(),
  url: z.string(),
  name: z.string(),
  caPem: z.string().nullable(),
});
const Settings = z.object({
  mode: z.enum(['host', 'join']).nullable().default(null),
  /** In join mode: the host the window shows. */
  joined: z.object({ hostId: z.string(), url: z.string() }).nullable().default(null),
  pins: z.record(z.string(), Pin).default({}),
  window: SavedBounds.nullable().default(null),
  lang: z.enum(['vi', 'en']).default('vi'),
  /** Encrypted (safeStorage) remembered passwords by host id, base64. */
  credentials: z
    .record(z.string(), z.object({ username: z.string(), secret: z.string() }))
    .default({}),
});
export type Settings = z.infer<typeof Settings>;

export function createSettingsStore(file: string) {
  let current: Settings;
  try {
    current = Settings.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    // Missing or damaged: start fresh (nothing here is irreplaceable; the archive lives elsewhere).
    current = Settings.parse({});
  }
  const save = () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(current, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
  };
  const pins: PinStore = {
    pinned: (hostId) => current.pins[hostId],
    pin(hostId, entry) {
      current.pins[hostId] = entry;
      save();
    },
  };
  return {
    get: (): Readonly<Settings> => current,
    update(patch: Partial<Settings>) {
      current = { ...current, ...patch };
      save();
    },
    pins,
    /** The pinned fingerprint for a host origin (for the window's certificate check). */
    pinForOrigin(origin: string): string | null {
      for (const p of Object.values(current.pins)) {
        try {
          if (new URL(p.url).origin === origin) return p.fingerprint;
        } catch {
          continue;
        }
      }
      return null;
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
