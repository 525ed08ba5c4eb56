// The whole public command table (api.md). Each domain keeps its entries in commands/<domain>.ts;
// this file only joins them, so the host and the client see one table.
import { coreCommands } from './commands/core';
import { liveCommands } from './commands/live';
import { ballotCommands } from './commands/ballots';
import { directoryCommands } from './commands/directory';
import { documentCommands } from './commands/documents';
import { securityCommands } from './commands/security';
import { archiveCommands } from './commands/archive';
import { minutesCommands } from './commands/minutes';
import { annotationsCommands } from './commands/annotations';

export const commands = {
  ...coreCommands,
  ...liveCommands,
  ...ballotCommands,
  ...directoryCommands,
  ...documentCommands,
  ...securityCommands,
  ...archiveCommands,
  ...minutesCommands,
  ...annotationsCommands,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export const API_PREFIX = '/api/v1';
