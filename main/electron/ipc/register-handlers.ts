// Main's side of the bridge: one handler per channel of shared/ipc/bridge.ts, each call checked
// for its sender frame and its payload before the handler runs, and its answer checked after.
import type { IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { invokeChannels } from '../../../shared/ipc/bridge';
import type { InvokeAnswer, InvokeChannel } from '../../../shared/ipc/bridge';
import { isTrustedSender } from './sender-policy';
import type { SenderFrameLike } from './sender-policy';

export type BridgeHandlers = {
  [C in InvokeChannel]: (
    arg: z.output<(typeof invokeChannels)[C]['arg']>,
    event: IpcMainInvokeEvent,
  ) => InvokeAnswer<C> | Promise<InvokeAnswer<C>>;
};

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

export function registerBridgeHandlers(
  ipcMain: IpcMainLike,
  handlers: BridgeHandlers,
  appOrigins: () => readonly string[],
): () => void {
  const channels = Object.keys(invokeChannels) as InvokeChannel[];
  for (const channel of channels) {
    const schema = invokeChannels[channel];
    ipcMain.handle(channel, async (event, raw) => {
      if (!isTrustedSender(event.senderFrame as SenderFrameLike | null, appOrigins()))
        throw new Error(`IPC ${channel} refused: untrusted sender`);
      const arg = schema.arg.parse(raw);
      const handler = handlers[channel] as (a: unknown, e: IpcMainInvokeEvent) => unknown;
      return schema.answer.parse(await handler(arg, event));
    });
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}
