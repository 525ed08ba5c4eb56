// Every schema version, oldest first. Add a file per version (numbered in tens) and list it here;
// never edit one that has shipped.
import type { Migration } from './types';
import { initial } from './0010-initial';
import { documents } from './0020-documents';
import { liveMeeting } from './0030-live-meeting';
import { minutes } from './0040-minutes';
import { search } from './0050-search';
import { security } from './0060-security';
import { pagePreviews } from './0070-page-previews';
import { loginLog } from './0080-login-log';

export const migrations: readonly Migration[] = [
  initial,
  documents,
  liveMeeting,
  minutes,
  search,
  security,
  pagePreviews,
  loginLog,
];
