// The one route table. Feature owners add their lines here (and nothing else in the shell):
// pages under the signed-in layout go in `appRoutes`; to put UI inside another page, register a
// slot (app/slots.tsx) from a module imported below.
import { Navigate } from 'react-router';
import type { RouteObject } from 'react-router';
import { MeetingsListPage } from '../features/meetings/MeetingsListPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingEditorPage } from '../features/meetings/MeetingEditorPage';
import { UsersPage } from '../features/admin/UsersPage';
import { NotFoundPage } from './NotFoundPage';
import { ChairConsolePage } from '../features/voting/ChairConsolePage';
import { RoomDisplayPage } from '../features/voting/RoomDisplayPage';
import '../features/voting/register';
import { ViewerPage } from '../features/viewer/ViewerPage';
import { SearchPage } from '../features/search/SearchPage';
import { ArchivePage } from '../features/search/ArchivePage';
import '../features/search/register';
import { MinutesPage } from '../features/minutes/MinutesPage';
import { TrustRootsPage } from '../features/minutes/TrustRootsPage';
import '../features/minutes/register';
import { JoinPage } from '../features/pairing/JoinPage';
import { JoinCodePage } from '../features/pairing/JoinCodePage';
import '../features/pairing/register';

import { PapersManagerPage } from '../features/papers/PapersManagerPage';
import '../features/papers/register';

export const appRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="/meetings" replace /> },
  { path: 'meetings', element: <MeetingsListPage /> },
  { path: 'meetings/new', element: <MeetingEditorPage /> },
  { path: 'meetings/:meetingId', element: <MeetingPage /> },
  { path: 'meetings/:meetingId/edit', element: <MeetingEditorPage /> },
  { path: 'admin/users', element: <UsersPage /> },
  // Feature routes below this line (one per line).
  { path: 'meetings/:meetingId/documents/:documentId', element: <ViewerPage /> },
  { path: 'meetings/:meetingId/console', element: <ChairConsolePage /> },
  { path: 'meetings/:meetingId/display', element: <RoomDisplayPage /> },
  { path: 'search', element: <SearchPage /> },
  { path: 'meetings/:meetingId/minutes', element: <MinutesPage /> },
  { path: 'admin/trust', element: <TrustRootsPage /> },
  { path: 'admin/archive', element: <ArchivePage /> },
  { path: 'join', element: <JoinPage /> },
  { path: 'meetings/:meetingId/join-code', element: <JoinCodePage /> },
  { path: 'admin/join-code', element: <JoinCodePage /> },
  { path: 'meetings/:meetingId/papers', element: <PapersManagerPage /> },
  { path: '*', element: <NotFoundPage /> },
];
