// Side list of every note and highlight on the paper (both layers as shown), with jump-to, the
// note's text (editable by its author), its thread of replies, and "share" for private ones.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteReply } from '../../../../shared/annotations/model';
import type { ShownAnnotation } from './AnnotationLayer';

interface Props {
  items: ShownAnnotation[];
  replies: (s: ShownAnnotation) => NoteReply[];
  me: string;
  selectedId: string | null;
  canWriteShared: boolean;
  onJump: (s: ShownAnnotation) => void;
  onText: (s: ShownAnnotation, text: string) => void;
  onReply: (s: ShownAnnotation, text: string) => void;
  onShare: (s: ShownAnnotation) => void;
}

function NoteItem({ s, p }: { s: ShownAnnotation; p: Props }) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  // While editing, the draft; otherwise the stored text (which a remote edit may change).
  const [draft, setDraft] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const selected = p.selectedId === s.a.id;
  const own = s.a.author === p.me;
  useEffect(() => {
    if (selected && own && s.a.kind === 'note') textRef.current?.focus();
  }, [selected, own, s.a.kind]);
  const body = s.a.kind === 'note' || s.a.kind === 'highlight' ? s.a.text : '';
  return (
    <li
      className={`note-item${selected ? ' note-item-selected' : ''}`}
      data-testid="note-item"
      data-layer={s.layer}
    >
      <div className="note-head">
        <button type="button" className="link-button" onClick={() => p.onJump(s)}>
          {t('annot.jump', { page: s.a.page })}
        </button>
        <span>{s.a.authorName}</span>
        <span className="badge">
          {s.layer === 'private' ? t('annot.private') : t('annot.sharedLabel')}
        </span>
      </div>
      {s.a.kind === 'note' && own ? (
        <textarea
          ref={textRef}
          aria-label={t('annot.noteText')}
          data-testid="note-text"
          value={draft ?? s.a.text}
          maxLength={5000}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (s.a.kind === 'note' && draft !== null && draft !== s.a.text) p.onText(s, draft);
            setDraft(null);
          }}
        />
      ) : (
        body && <p className="note-body">{body}</p>
      )}
      <ul className="replies">
        {p.replies(s).map((r) => (
          <li key={r.id}>
            <strong>{r.authorName}:</strong> {r.text}
          </li>
        ))}
      </ul>
      {s.a.kind === 'note' && (
        <form
          className="reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            p.onReply(s, reply);
            setReply('');
          }}
        >
          <input
            aria-label={t('annot.reply')}
            placeholder={t('annot.replyPlaceholder')}
            value={reply}
            maxLength={5000}
            onChange={(e) => setReply(e.target.value)}
          />
          <button
            type="submit"
            disabled={!reply.trim() || (s.layer === 'shared' && !p.canWriteShared)}
          >
            {t('annot.reply')}
          </button>
        </form>
      )}
      {s.layer === 'private' && p.canWriteShared && (
        <button type="button" onClick={() => p.onShare(s)} data-testid="note-share">
          {t('annot.share')}
        </button>
      )}
    </li>
  );
}

export function NotesPanel(p: Props) {
  const { t } = useTranslation();
  const list = p.items.filter((s) => s.a.kind === 'note' || s.a.kind === 'highlight');
  if (list.length === 0) return <p>{t('annot.noNotes')}</p>;
  return (
    <ul className="notes-list" aria-label={t('viewer.notes')}>
      {list.map((s) => (
        <NoteItem key={`${s.layer}:${s.a.id}`} s={s} p={p} />
      ))}
    </ul>
  );
}
