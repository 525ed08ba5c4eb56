// Pen-first toolbar: big buttons for finger or stylus, each labelled and reachable by keyboard.
import { useTranslation } from 'react-i18next';
import type { LayerView, TargetLayer, Tool, ToolState } from './tools';
import { COLOURS, WIDTHS } from './tools';

interface Props {
  tool: ToolState;
  onTool: (t: ToolState) => void;
  target: TargetLayer;
  onTarget: (t: TargetLayer) => void;
  canWriteShared: boolean;
  view: LayerView;
  onView: (v: LayerView) => void;
  authors: Array<{ id: string; name: string }>;
  hiddenAuthors: ReadonlySet<string>;
  onToggleAuthor: (id: string) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  canDelete: boolean;
  onDelete: () => void;
}

const TOOLS: Array<{ tool: Tool; icon: string }> = [
  { tool: 'text', icon: 'I' },
  { tool: 'pen', icon: '✎' },
  { tool: 'marker', icon: '▮' },
  { tool: 'highlight', icon: 'A' },
  { tool: 'eraser', icon: '⌫' },
  { tool: 'select', icon: '⬚' },
  { tool: 'note', icon: '✉' },
  { tool: 'rect', icon: '▭' },
  { tool: 'arrow', icon: '➔' },
];

export function AnnotationToolbar(p: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ToolState>) => p.onTool({ ...p.tool, ...patch });
  return (
    <div className="annot-toolbar" role="toolbar" aria-label={t('annot.tools')}>
      <div className="tool-group" role="group" aria-label={t('annot.tools')}>
        {TOOLS.map(({ tool, icon }) => (
          <button
            key={tool}
            type="button"
            className="tool-button"
            aria-pressed={p.tool.tool === tool}
            aria-label={t(`annot.${tool}`)}
            title={t(`annot.${tool}`)}
            data-testid={`tool-${tool}`}
            onClick={() => set({ tool })}
          >
            <span aria-hidden="true">{icon}</span>
          </button>
        ))}
      </div>
      {p.tool.tool === 'highlight' && (
        <div className="tool-group" role="group" aria-label={t('annot.highlight')}>
          {(['highlight', 'underline', 'strike'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="tool-button wide"
              aria-pressed={p.tool.highlightMode === m}
              onClick={() => set({ highlightMode: m })}
            >
              {t(`annot.${m}`)}
            </button>
          ))}
        </div>
      )}
      <div className="tool-group" role="group" aria-label={t('annot.colour', { colour: '' })}>
        {COLOURS.map((c) => (
          <button
            key={c}
            type="button"
            className="swatch"
            style={{ background: c }}
            aria-pressed={p.tool.color === c}
            aria-label={t('annot.colour', { colour: c })}
            onClick={() => set({ color: c })}
          />
        ))}
      </div>
      <div className="tool-group" role="group" aria-label={t('annot.width', { width: '' })}>
        {WIDTHS.map((w) => (
          <button
            key={w}
            type="button"
            className="tool-button"
            aria-pressed={p.tool.width === w}
            aria-label={t('annot.width', { width: w })}
            onClick={() => set({ width: w })}
          >
            <span
              className="width-dot"
              style={{ width: w * 2 + 2, height: w * 2 + 2 }}
              aria-hidden="true"
            />
          </button>
        ))}
      </div>
      <div className="tool-group" role="group">
        <button
          type="button"
          className="tool-button"
          disabled={!p.canUndo}
          onClick={p.onUndo}
          aria-label={t('annot.undo')}
          title={t('annot.undo')}
          data-testid="annot-undo"
        >
          <span aria-hidden="true">↶</span>
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={!p.canRedo}
          onClick={p.onRedo}
          aria-label={t('annot.redo')}
          title={t('annot.redo')}
          data-testid="annot-redo"
        >
          <span aria-hidden="true">↷</span>
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={!p.canDelete}
          onClick={p.onDelete}
          aria-label={t('annot.delete')}
          title={t('annot.delete')}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <label className="tool-select">
        {t('annot.target')}
        <select
          value={p.target}
          onChange={(e) => p.onTarget(e.target.value as TargetLayer)}
          data-testid="annot-target"
        >
          <option value="private">{t('annot.targetPrivate')}</option>
          <option value="shared" disabled={!p.canWriteShared}>
            {t('annot.targetShared')}
          </option>
        </select>
      </label>
      <label className="tool-select">
        {t('annot.view')}
        <select
          value={p.view}
          onChange={(e) => p.onView(e.target.value as LayerView)}
          data-testid="annot-view"
        >
          <option value="both">{t('annot.viewBoth')}</option>
          <option value="mine">{t('annot.viewMine')}</option>
          <option value="shared">{t('annot.viewShared')}</option>
          <option value="none">{t('annot.viewNone')}</option>
        </select>
      </label>
      {p.authors.length > 1 && (
        <fieldset className="author-filter">
          <legend>{t('annot.authors')}</legend>
          {p.authors.map((a) => (
            <label key={a.id}>
              <input
                type="checkbox"
                checked={!p.hiddenAuthors.has(a.id)}
                onChange={() => p.onToggleAuthor(a.id)}
              />
              {a.name}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
