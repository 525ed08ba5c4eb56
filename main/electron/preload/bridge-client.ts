// The renderer-side bridge, built from the static channel list: an unknown channel is refused
// here, arguments are validated before they leave the page, events after they arrive.
import { eventChannels, invokeChannels } from '../../../shared/ipc/bridge';
import type { EventChannel, InvokeChannel, PhonghopBridge } from '../../../shared/ipc/bridge';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcRendererLike): PhonghopBridge {
  const bridge = {
    invoke(channel: InvokeChannel, ...args: unknown[]) {
      if (!Object.hasOwn(invokeChannels, channel))
        return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
      const parsed = invokeChannels[channel].arg.safeParse(args[0]);
      if (!parsed.success) return Promise.reject(new Error(`Invalid argument for ${channel}`));
      return ipc.invoke(channel, parsed.data);
    },
    on(channel: EventChannel, listener: (payload: unknown) => void) {
      if (!Object.hasOwn(eventChannels, channel))
        throw new Error(`Unknown event: ${String(channel)}`);
      // The page never sees the IPC event object (it would expose `sender`).
      const wrapped = (_event: unknown, payload: unknown) => {
        const parsed = eventChannels[channel].safeParse(payload);
        if (parsed.success) listener(parsed.data);
      };
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
  return Object.freeze(bridge) as unknown as PhonghopBridge;
}
