// Every schema version, oldest first. Add a file per version (numbered in tens) and list it here;
// never edit one that has shipped.
import type { Migration } from './types';
import { initial } from './0010-initial';
import { liveMeeting } from './0030-live-meeting';
import { search } from './0050-search';
import { security } from './0060-security';

export const migrations: readonly Migration[] = [initial, liveMeeting, search, security];
