// Wraps the PDF viewer with everything about annotation: the toolbar, the two layers (shared and
// mine) as the pages' overlays, the notes side list, presence and follow mode, offline state.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRole } from '../../../../shared/api/schemas/common';
import type { PdfViewerHandle, ViewState } from '../viewer/PdfViewer';
import { readToken } from '../../api/session-token';
import { AnnotationToolbar } from './AnnotationToolbar';
import { NotesPanel } from './NotesPanel';
import { AnnotationContext } from './annotation-context';
import type { AnnotationContextValue } from './annotation-context';
import type { NewAnnotation, ShownAnnotation } from './AnnotationLayer';
import { useAnnotationSession } from './use-annotation-session';
import { useShownAnnotations } from './use-shown-annotations';
import type { Me } from './use-annotation-session';
import { usePresence } from './use-presence';
import { selectionToQuads } from './highlight-selection';
import type { LayerView, TargetLayer, ToolState } from './tools';
import { isDrawingTool } from './tools';
import { ViewportRegistry } from './viewport-registry';

type SidebarTab = 'thumbs' | 'outline' | 'notes';

interface Props {
  documentId: string;
  documentVersion: string;
  me: Me;
  role: MeetingRole | null;
  canPresent: boolean;
  view: ViewState;
  viewer: RefObject<PdfViewerHandle | null>;
  onDrawingTool: (drawing: boolean) => void;
  sidebar: SidebarTab | null;
  onSidebar: (s: SidebarTab | null) => void;
  sidePanels: { thumbs: ReactNode; outline: ReactNode };
  exportLinks: { pdf: string; json: string };
  children: ReactNode;
}

export function AnnotationSurface(p: Props) {
  const { t } = useTranslation();
  const session = useAnnotationSession(p.documentId, p.documentVersion, p.me);
  const canWriteShared = p.role !== null && p.role !== 'observer';
  const [tool, setTool] = useState<ToolState>({
    tool: 'text',
    color: '#d32f2f',
    width: 2,
    highlightMode: 'highlight',
  });
  const [target, setTarget] = useState<TargetLayer>('private');
  const [layerView, setLayerView] = useState<LayerView>('both');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ShownAnnotation | null>(null);
  const penSeen = useRef(false);
  const [viewports] = useState(() => new ViewportRegistry());
  const { onDrawingTool } = p;

  useEffect(() => onDrawingTool(isDrawingTool(tool.tool)), [tool.tool, onDrawingTool]);

  // Lazy, per page: only the pages on screen are validated and wrapped (see layer-index.ts).
  const shown = useShownAnnotations(session.shared, session.mine, layerView, hidden);
  const authors = session.shared.authors();

  const layerFor = (): 'shared' | 'private' =>
    target === 'shared' && canWriteShared ? 'shared' : 'private';

  // Memoised so that scrolling (which re-renders this surface) does not redraw every page's layer.
  const { onSidebar } = p;
  const { create, remove, move } = session;
  const selectedId = selected?.a.id ?? null;
  const ctx = useMemo<AnnotationContextValue>(
    () => ({
      shownOn: shown.shownOn,
      me: p.me.id,
      tool,
      selectedId,
      penSeen,
      viewports,
      onCreate: (page: number, n: NewAnnotation) => {
        const layer = target === 'shared' && canWriteShared ? 'shared' : 'private';
        const style =
          tool.tool === 'marker'
            ? { color: tool.color, width: tool.width * 4, opacity: 0.4 }
            : { color: tool.color, width: tool.width, opacity: 1 };
        const a = create(layer, page, n, style);
        if (a?.kind === 'note') {
          setSelected({ a, layer });
          onSidebar('notes');
        }
      },
      onErase: remove,
      onSelect: setSelected,
      onMove: move,
      onOpenNote: (s: ShownAnnotation) => {
        setSelected(s);
        onSidebar('notes');
      },
    }),
    [
      shown.shownOn,
      p.me.id,
      tool,
      selectedId,
      viewports,
      target,
      canWriteShared,
      create,
      remove,
      move,
      onSidebar,
    ],
  );

  // Highlight tool: the selection made in the text layer becomes a highlight when the pointer lifts.
  const onPointerUp = () => {
    if (tool.tool !== 'highlight') return;
    const sel = window.getSelection();
    const found = selectionToQuads(sel, (page) => viewports.get(page));
    if (!found) return;
    session.createHighlight(layerFor(), found.page, tool.highlightMode, found.quads, found.text, {
      color: tool.highlightMode === 'highlight' ? '#f9a825' : tool.color,
      width: 1,
      opacity: 0.4,
    });
    sel?.removeAllRanges();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const el = e.target as HTMLElement;
    if (el.closest('input, textarea, select')) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (e.shiftKey) session.redo();
      else session.undo();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      session.redo();
    } else if (
      (e.key === 'Delete' || e.key === 'Backspace') &&
      selected &&
      selected.a.author === p.me.id
    ) {
      e.preventDefault();
      session.remove([selected]);
      setSelected(null);
    }
  };

  // Presence and follow mode.
  const presence = usePresence(session.provider, p.me);
  const [presenting, setPresenting] = useState(false);
  const [followWanted, setFollowing] = useState(false);
  const { publishView } = presence;
  useEffect(
    () => publishView(p.view.page, p.view.scale, presenting && p.canPresent),
    [publishView, p.view.page, p.view.scale, presenting, p.canPresent],
  );
  const presenter = presence.presenter;
  // Following ends by itself when nobody presents any more.
  const following = followWanted && !!presenter?.presenting;
  const target_ = presenter?.presenting;
  const { viewer } = p;
  // Zoom first; once the zoom has landed (view.scale follows), go to the presenter's page.
  const followPage = following ? target_?.page : undefined;
  const followScale = following ? target_?.scale : undefined;
  useEffect(() => {
    if (followPage === undefined || followScale === undefined) return;
    if (Math.abs(p.view.scale - followScale) > 0.001)
      viewer.current?.setZoom('custom', followScale);
    else if (p.view.page !== followPage) viewer.current?.goToPage(followPage);
  }, [followPage, followScale, p.view.scale, p.view.page, viewer]);

  const offline =
    session.sharedStatus === 'disconnected' || session.privateStatus === 'disconnected';
  const token = readToken() ?? '';
  const withToken = (url: string, layers: string) =>
    `${url}?layers=${layers}&access_token=${encodeURIComponent(token)}`;
  const selectedShown = shown.find(selected);

  return (
    <AnnotationContext.Provider value={ctx}>
      <AnnotationToolbar
        tool={tool}
        onTool={setTool}
        target={layerFor()}
        onTarget={setTarget}
        canWriteShared={canWriteShared}
        view={layerView}
        onView={setLayerView}
        authors={authors}
        hiddenAuthors={hidden}
        onToggleAuthor={(id) =>
          setHidden((h) => {
            const n = new Set(h);
            if (n.has(id)) n.delete(id);
            else n.add(id);
            return n;
          })
        }
        canUndo={session.canUndo}
        canRedo={session.canRedo}
        onUndo={session.undo}
        onRedo={session.redo}
        canDelete={!!selectedShown && selectedShown.a.author === p.me.id}
        onDelete={() => {
          if (selectedShown) session.remove([selectedShown]);
          setSelected(null);
        }}
      />
      <div className="presence-bar" aria-label={t('annot.presence')} data-testid="presence-bar">
        {offline && (
          <span className="badge badge-warn" role="status" data-testid="annot-offline">
            {t('annot.offline')}
          </span>
        )}
        {!canWriteShared && <span className="badge">{t('annot.readOnly')}</span>}
        <ul className="peers">
          {presence.peers.map((peer) => (
            <li key={peer.clientId} style={{ borderColor: peer.user.color }} data-testid="peer">
              {t('annot.onPage', { name: peer.user.name, page: peer.page })}
            </li>
          ))}
        </ul>
        {p.canPresent && (
          <button
            type="button"
            aria-pressed={presenting}
            onClick={() => setPresenting((v) => !v)}
            data-testid="present-toggle"
          >
            {presenting ? t('annot.stopPresent') : t('annot.present')}
          </button>
        )}
        {presenter?.presenting && !presenting && (
          <>
            <span role="status" data-testid="presenter-status">
              {following
                ? t('annot.following', { name: presenter.user.name })
                : t('annot.presenting', {
                    name: presenter.user.name,
                    page: presenter.presenting.page,
                  })}
            </span>
            <button
              type="button"
              className="primary"
              onClick={() => setFollowing(!following)}
              data-testid="follow-toggle"
              aria-pressed={following}
            >
              {following ? t('annot.detach') : t('annot.follow')}
            </button>
          </>
        )}
        <a className="button-link" href={withToken(p.exportLinks.pdf, 'shared,mine')} download>
          {t('viewer.downloadAnnotated')}
        </a>
        <a className="button-link" href={withToken(p.exportLinks.json, 'shared,mine')} download>
          {t('viewer.downloadJson')}
        </a>
      </div>
      <div className="viewer-main" onPointerUp={onPointerUp} onKeyDown={onKeyDown}>
        {p.sidebar && (
          <aside className="viewer-sidebar" aria-label={t('viewer.sidebar')}>
            <div className="tabs" role="tablist">
              {(['notes', 'thumbs', 'outline'] as const).map((tab) => (
                <button
                  key={tab}
                  type="button"
                  role="tab"
                  aria-selected={p.sidebar === tab}
                  onClick={() => p.onSidebar(tab)}
                  data-testid={`sidebar-${tab}`}
                >
                  {t(
                    tab === 'notes'
                      ? 'viewer.notes'
                      : tab === 'thumbs'
                        ? 'viewer.thumbnails'
                        : 'viewer.outline',
                  )}
                </button>
              ))}
              <button
                type="button"
                onClick={() => p.onSidebar(null)}
                aria-label={t('common.cancel')}
              >
                ×
              </button>
            </div>
            <div className="tab-panel" role="tabpanel">
              {p.sidebar === 'notes' && (
                <NotesPanel
                  items={shown.notes()}
                  replies={(s) =>
                    (s.layer === 'shared' ? session.shared : session.mine).replies().get(s.a.id) ??
                    []
                  }
                  me={p.me.id}
                  selectedId={selected?.a.id ?? null}
                  canWriteShared={canWriteShared}
                  onJump={(s) => {
                    setSelected(s);
                    viewer.current?.goToPage(s.a.page);
                  }}
                  onText={session.setNoteText}
                  onReply={session.reply}
                  onShare={session.share}
                />
              )}
              {p.sidebar === 'thumbs' && p.sidePanels.thumbs}
              {p.sidebar === 'outline' && p.sidePanels.outline}
            </div>
          </aside>
        )}
        {!p.sidebar && (
          <button
            type="button"
            className="sidebar-open"
            onClick={() => p.onSidebar('notes')}
            aria-label={t('viewer.sidebar')}
          >
            ☰
          </button>
        )}
        {p.children}
      </div>
    </AnnotationContext.Provider>
  );
}
