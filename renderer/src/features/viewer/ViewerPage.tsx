// Route /meetings/:meetingId/documents/:documentId: the paper with its annotation layers,
// presence and follow mode. The paper's metadata comes from the meeting (so a replaced version
// is known), its bytes from the host (or the device's offline copy).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { api } from '../../api/client';
import type { MeetingDetail } from '../../../../shared/api/schemas/meetings';
import { useUser } from '../../app/auth/auth-context';
import { useLiveMeeting } from '../../collab/use-live-meeting';
import { CSS_UNITS, PasswordCancelled, loadPdfjs } from './pdfjs-loader';
import type { PasswordPrompt } from './pdfjs-loader';
import { takeEarlyDocument } from './early-document';
import { getPaperBytes } from '../papers/offline-cache';
import { takeEarlyBytes, takeEarlyMeeting, takeEarlyPreview } from './early-open';
import { loadPagePreview } from './page-preview';
import type { PagePreview } from './page-preview';
import { PdfViewer } from './PdfViewer';
import type { PdfViewerHandle, ViewState } from './PdfViewer';
import { Thumbnails } from './Thumbnails';
import { OutlinePanel } from './OutlinePanel';
import { FindBar } from './FindBar';
import type { FindHit } from './find-in-document';
import { PasswordDialog } from './PasswordDialog';
import type { PageOverlayInfo } from './PageView';
import type { PageSize } from './page-layout';
import { AnnotationSurface } from '../annotations/AnnotationSurface';
import { PageAnnotations } from '../annotations/PageAnnotations';
import './strings';
import './viewer.css';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; pdf: PDFDocumentProxy; firstPageSize: PageSize }
  | { state: 'error'; message: string };

export function ViewerPage() {
  const { meetingId = '', documentId = '' } = useParams();
  // ?page=&q= from a search hit: open at that page with the words found and marked.
  const [search] = useSearchParams();
  const startPage = Math.max(1, Math.floor(Number(search.get('page'))) || 1);
  const startQuery = search.get('q') ?? '';
  const { t } = useTranslation();
  const user = useUser();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  // Keyed by paper, so switching papers shows "loading" without resetting state in an effect.
  const [loaded, setLoad] = useState<{ id: string; load: Load } | null>(null);
  const load: Load = loaded?.id === documentId ? loaded.load : { state: 'loading' };
  const [password, setPassword] = useState<{
    reason: 'need' | 'incorrect';
    answer: (pw: string | null) => void;
  } | null>(null);
  const viewer = useRef<PdfViewerHandle>(null);
  const [view, setView] = useState<ViewState>({ page: 1, scale: 1, mode: 'fit-width' });
  const [sidebar, setSidebar] = useState<'thumbs' | 'outline' | 'notes' | null>('notes');
  const [findOpen, setFindOpen] = useState(startQuery !== '');
  const [find, setFind] = useState<{ query: string; hit: FindHit | null }>({
    query: '',
    hit: null,
  });

  useEffect(() => {
    let live = true;
    (takeEarlyMeeting(meetingId) ?? api.call('getMeeting', { params: { m: meetingId } })).then(
      (m) => live && setMeeting(m),
      () => live && setMeeting(null),
    );
    return () => {
      live = false;
    };
  }, [meetingId]);
  // Page 1's picture from the host, shown in its place until pdf.js has drawn the page (see
  // page-preview.ts); dropped after that (its bitmap is a screen's worth of memory).
  const [preview, setPreview] = useState<{ id: string; preview: PagePreview | null } | null>(null);
  useEffect(() => {
    if (startPage > 1) return;
    const ac = new AbortController();
    (takeEarlyPreview(documentId) ?? loadPagePreview(documentId, ac.signal)).then(
      (p) => !ac.signal.aborted && setPreview({ id: documentId, preview: p }),
      () => undefined,
    );
    return () => ac.abort();
  }, [documentId, startPage]);
  // The live meeting (who presents) joins once the paper is on screen: opened by a link, its
  // sync handshake would otherwise share the main thread with the first page's render.
  const [painted, setPainted] = useState(false);
  const onFirstPaint = useCallback(() => {
    setPainted(true);
    setPreview(null);
  }, []);
  const { live } = useLiveMeeting(painted ? meetingId : null);

  const shownPreview = preview?.id === documentId ? preview.preview : null;

  const doc = meeting?.documents.find((d) => d.id === documentId) ?? null;
  const newer = doc?.replacedBy
    ? (meeting?.documents.find((d) => d.id === doc.replacedBy) ?? null)
    : null;
  const role = meeting?.participants.find((p) => p.userId === user.id)?.role ?? null;

  useEffect(() => {
    let current: PDFDocumentProxy | null = null;
    let live = true;
    (async () => {
      try {
        const { openPdf, warmPdfWorker } = await loadPdfjs();
        warmPdfWorker();
        const prompt: PasswordPrompt = (reason) =>
          new Promise((resolve) => setPassword({ reason, answer: resolve }));
        // Opened on this paper's address, the app may have opened it already (see
        // early-document.ts); if that failed (say, the download, before the offline copy could be
        // looked up), open it here.
        const early = takeEarlyDocument(documentId, prompt);
        let pdf = early
          ? await early.catch((err: unknown) => {
              if (err instanceof PasswordCancelled) throw err;
              return null;
            })
          : null;
        if (!pdf) {
          // From the host, or the device's offline copy when the host is unreachable.
          const earlyBytes = takeEarlyBytes(documentId);
          const bytes = await (earlyBytes
            ? earlyBytes.catch(() => getPaperBytes(documentId))
            : getPaperBytes(documentId));
          pdf = await openPdf(bytes, prompt);
        }
        setPassword(null);
        if (!live) {
          void pdf.destroy();
          return;
        }
        current = pdf;
        // The first page's size lays out the scroll (other pages are assumed alike until read),
        // so the viewer mounts with it and draws at once instead of after another round trip.
        const vp = (await pdf.getPage(1)).getViewport({ scale: 1 });
        if (!live) return;
        const firstPageSize = { width: vp.width * CSS_UNITS, height: vp.height * CSS_UNITS };
        setLoad({ id: documentId, load: { state: 'ready', pdf, firstPageSize } });
      } catch (err) {
        setPassword(null);
        if (live)
          setLoad({
            id: documentId,
            load: {
              state: 'error',
              message:
                err instanceof PasswordCancelled
                  ? t('viewer.passwordCancelled')
                  : t('viewer.loadFailed'),
            },
          });
      }
    })();
    return () => {
      live = false;
      void current?.destroy();
    };
  }, [documentId, t]);

  const onViewChange = useCallback((s: ViewState) => setView(s), []);
  const onFind = useCallback((query: string, hit: FindHit | null) => {
    setFind({ query, hit });
    if (hit) viewer.current?.goToPage(hit.page);
  }, []);

  // The overlay reads the annotation state from context, so pages re-render only their layer.
  const renderOverlay = useCallback(
    (info: PageOverlayInfo) => (
      <PageAnnotations pageNumber={info.pageNumber} viewport={info.viewport} />
    ),
    [],
  );

  const currentItem = live?.agenda?.find((i) => i.id === live.currentItemId) ?? null;
  const canPresent =
    role === 'chair' ||
    (!!currentItem?.presenter &&
      [user.id, user.username, user.displayName].includes(currentItem.presenter));

  // While pdf.js opens the paper, the viewer is already laid out around page 1's preview (the
  // page count comes from the meeting): nothing moves when pdf.js takes over.
  const previewing =
    load.state === 'loading' && !password && shownPreview !== null && (doc?.pages ?? 0) > 0;
  const shown = load.state === 'ready' || previewing;
  const numPages = load.state === 'ready' ? load.pdf.numPages : (doc?.pages ?? 1);

  const [touchGestures, setTouchGestures] = useState(true);
  const me = useMemo(() => ({ id: user.id, name: user.displayName }), [user.id, user.displayName]);
  const title = doc?.title ?? '';

  return (
    <div className="viewer-page">
      <div className="viewer-bar">
        <Link to={`/meetings/${meetingId}`} className="button-link">
          ← {t('viewer.back')}
        </Link>
        <h1 className="viewer-title">{title}</h1>
        {shown && (
          <>
            <div className="page-nav" role="group" aria-label={t('viewer.page')}>
              <button
                type="button"
                onClick={() => viewer.current?.goToPage(view.page - 1)}
                aria-label={t('viewer.prevPage')}
                disabled={view.page <= 1}
              >
                ‹
              </button>
              <label>
                <span className="sr-only">{t('viewer.page')}</span>
                <input
                  key={view.page}
                  className="page-input"
                  type="number"
                  min={1}
                  max={numPages}
                  defaultValue={view.page}
                  data-testid="page-input"
                  onKeyDown={(e) =>
                    e.key === 'Enter' &&
                    viewer.current?.goToPage(Number((e.target as HTMLInputElement).value))
                  }
                />
              </label>
              <span data-testid="page-indicator">
                {t('viewer.pageOf', { page: view.page, total: numPages })}
              </span>
              <button
                type="button"
                onClick={() => viewer.current?.goToPage(view.page + 1)}
                aria-label={t('viewer.nextPage')}
                disabled={view.page >= numPages}
              >
                ›
              </button>
            </div>
            <div
              className="zoom"
              role="group"
              aria-label={t('viewer.zoom', { percent: Math.round(view.scale * 100) })}
            >
              <button
                type="button"
                onClick={() => viewer.current?.zoomBy(1 / 1.2)}
                aria-label={t('viewer.zoomOut')}
              >
                −
              </button>
              <span data-testid="zoom-level">{Math.round(view.scale * 100)}%</span>
              <button
                type="button"
                onClick={() => viewer.current?.zoomBy(1.2)}
                aria-label={t('viewer.zoomIn')}
              >
                +
              </button>
              <button
                type="button"
                aria-pressed={view.mode === 'fit-width'}
                onClick={() => viewer.current?.setZoom('fit-width')}
              >
                {t('viewer.fitWidth')}
              </button>
              <button
                type="button"
                aria-pressed={view.mode === 'fit-page'}
                onClick={() => viewer.current?.setZoom('fit-page')}
              >
                {t('viewer.fitPage')}
              </button>
            </div>
            <button
              type="button"
              aria-pressed={findOpen}
              onClick={() => setFindOpen((o) => !o)}
              data-testid="find-toggle"
            >
              {t('viewer.find')}
            </button>
          </>
        )}
      </div>
      {newer && (
        <p className="banner banner-warn" role="status" data-testid="replaced-banner">
          {t('viewer.replaced')}{' '}
          <Link to={`/meetings/${meetingId}/documents/${newer.id}`}>{t('viewer.openNewer')}</Link>
        </p>
      )}
      {findOpen && load.state === 'ready' && (
        <FindBar pdf={load.pdf} onResult={onFind} initialQuery={startQuery} fromPage={startPage} />
      )}
      {password && (
        <PasswordDialog
          reason={password.reason}
          onAnswer={(pw) => {
            password.answer(pw);
            setPassword(null);
          }}
        />
      )}
      {load.state === 'loading' && !password && (
        <p role="status" className={previewing ? 'sr-only' : undefined}>
          {t('viewer.loading')}
        </p>
      )}
      {load.state === 'error' && (
        <p role="alert" className="banner banner-error">
          {load.message}
        </p>
      )}
      {shown && (
        <AnnotationSurface
          key={documentId}
          documentId={documentId}
          documentVersion={doc?.sha256 ?? ''}
          me={me}
          role={role}
          canPresent={canPresent}
          view={view}
          viewer={viewer}
          onDrawingTool={(drawing) => setTouchGestures(!drawing)}
          sidebar={sidebar}
          onSidebar={setSidebar}
          exportLinks={{
            pdf: `/api/v1/documents/${documentId}/annotated.pdf`,
            json: `/api/v1/documents/${documentId}/annotations.jsonld`,
          }}
          sidePanels={{
            thumbs: load.state === 'ready' && (
              <Thumbnails
                pdf={load.pdf}
                current={view.page}
                onPick={(p) => viewer.current?.goToPage(p)}
              />
            ),
            outline: load.state === 'ready' && (
              <OutlinePanel pdf={load.pdf} onPick={(p) => viewer.current?.goToPage(p)} />
            ),
          }}
        >
          <PdfViewer
            ref={viewer}
            pdf={load.state === 'ready' ? load.pdf : null}
            numPages={numPages}
            preview={shownPreview?.image ?? null}
            firstPageSize={
              load.state === 'ready'
                ? load.firstPageSize
                : {
                    width: (shownPreview?.width ?? 0) * CSS_UNITS,
                    height: (shownPreview?.height ?? 0) * CSS_UNITS,
                  }
            }
            label={t('viewer.document', { title })}
            initialPage={startPage}
            onViewChange={onViewChange}
            renderOverlay={renderOverlay}
            findQuery={find.query}
            findCurrent={find.hit}
            touchGestures={touchGestures}
            onFirstPaint={onFirstPaint}
          />
        </AnnotationSurface>
      )}
    </div>
  );
}
