// The whole public command table (api.md). Each domain keeps its entries in commands/<domain>.ts;
// this file only joins them, so the host and the client see one table.
import { coreCommands } from './commands/core';
import { archiveCommands } from './commands/archive';
import { liveCommands } from './commands/live';
import { ballotCommands } from './commands/ballots';
import { directoryCommands } from './commands/directory';
import { securityCommands } from './commands/security';

export const commands = {
  ...coreCommands,
  ...archiveCommands,
  ...liveCommands,
  ...ballotCommands,
  ...directoryCommands,
  ...securityCommands,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export const API_PREFIX = '/api/v1';
