// The one route table. Feature owners add their lines here (and nothing else in the shell):
// pages under the signed-in layout go in `appRoutes`; to put UI inside another page, register a
// slot (app/slots.tsx) from a module imported below. A page with big code of its own is loaded
// on first use with lazyPage (and prefetched for offline use, see app/lazy-page.tsx).
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
import { startEarlyOpen, startPdfWorker } from '../features/viewer/early-open';
import { openEarlyDocument } from '../features/viewer/early-document';
import { loadPdfjs } from '../features/viewer/pdfjs-loader';
import { SearchPage } from '../features/search/SearchPage';
import { ArchivePage } from '../features/search/ArchivePage';
import '../features/search/register';
import { TrustRootsPage } from '../features/minutes/TrustRootsPage';
import '../features/minutes/register';
import { JoinPage } from '../features/pairing/JoinPage';
import { JoinCodePage } from '../features/pairing/JoinCodePage';
import '../features/pairing/register';

import { PapersManagerPage } from '../features/papers/PapersManagerPage';
import '../features/papers/register';
import { lazyPage, prefetchAlso, prefetchPages } from './lazy-page';

// The viewer. Loading it also starts pdf.js's worker and, opened on a paper's address, opens the
// paper whose download started early (see early-open.ts); pdf.js's own code loads beside the
// viewer's, not before it (see pdfjs-loader.ts).
const viewer = lazyPage(() => {
  void startPdfWorker();
  openEarlyDocument();
  return import('../features/viewer/ViewerPage').then((page) => page.ViewerPage);
});
// Offline, a paper opens only if pdf.js's code was loaded while online.
prefetchAlso(loadPdfjs);
// The minutes editor (rich text) and signing on the device (PKCS#12, CMS).
const minutes = lazyPage(() =>
  import('../features/minutes/MinutesPage').then((m) => m.MinutesPage),
);

// Opened on a paper's address: its bytes, pdf.js's worker and the viewer's code load now, beside
// the session check and the meeting (see early-open.ts).
startEarlyOpen();
if (/^\/meetings\/[^/]+\/documents\//.test(location.pathname)) void viewer.preload();
prefetchPages();

export const appRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="/meetings" replace /> },
  { path: 'meetings', element: <MeetingsListPage /> },
  { path: 'meetings/new', element: <MeetingEditorPage /> },
  { path: 'meetings/:meetingId', element: <MeetingPage /> },
  { path: 'meetings/:meetingId/edit', element: <MeetingEditorPage /> },
  { path: 'admin/users', element: <UsersPage /> },
  // Feature routes below this line (one per line).
  { path: 'meetings/:meetingId/documents/:documentId', element: <viewer.Page /> },
  { path: 'meetings/:meetingId/console', element: <ChairConsolePage /> },
  { path: 'meetings/:meetingId/display', element: <RoomDisplayPage /> },
  { path: 'search', element: <SearchPage /> },
  { path: 'meetings/:meetingId/minutes', element: <minutes.Page /> },
  { path: 'admin/trust', element: <TrustRootsPage /> },
  { path: 'admin/archive', element: <ArchivePage /> },
  { path: 'join', element: <JoinPage /> },
  { path: 'meetings/:meetingId/join-code', element: <JoinCodePage /> },
  { path: 'admin/join-code', element: <JoinCodePage /> },
  { path: 'meetings/:meetingId/papers', element: <PapersManagerPage /> },
  { path: '*', element: <NotFoundPage /> },
];
