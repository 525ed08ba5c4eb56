// The secretary's agenda: add, edit, delete, reorder (drag with finger or mouse, Up/Down buttons,
// Alt+Arrow keys) with every change sent to the host at once. Reorders are sent one after
// another; only the answer to the latest one replaces the list, so quick taps cannot shuffle it.
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Participant } from '../../../../shared/api/schemas/meetings';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { AgendaItemForm } from './AgendaItemForm';
import type { AgendaItemFields } from './AgendaItemForm';
import { moveItem } from './reorder';
import { usePointerReorder } from './use-pointer-reorder';
import './strings';

interface Props {
  meetingId: string;
  agenda: AgendaItem[];
  participants: Participant[];
}

function byPosition(items: AgendaItem[]): AgendaItem[] {
  return [...items].sort((a, b) => a.position - b.position);
}

export function AgendaEditor({ meetingId, agenda, participants }: Props) {
  const { t } = useTranslation();
  const [items, setItems] = useState(() => byPosition(agenda));
  const [syncedFrom, setSyncedFrom] = useState(agenda);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const reorderSeq = useRef(0);
  const reorderChain = useRef<Promise<void>>(Promise.resolve());
  const focusAfter = useRef<{ itemId: string; control: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // Requests in flight; while any runs, the local list is ahead of what the page passes in.
  const [pending, setPending] = useState(0);

  // A fresh agenda from the page (the live doc, or a reload) replaces the local list once no
  // request of ours is in flight, so another editor's changes show up here too.
  if (agenda !== syncedFrom && pending === 0) {
    setSyncedFrom(agenda);
    setItems(byPosition(agenda));
  }

  useEffect(() => {
    const f = focusAfter.current;
    if (!f || !listRef.current) return;
    focusAfter.current = null;
    const row = listRef.current.querySelector<HTMLElement>(
      `[data-item-id="${CSS.escape(f.itemId)}"]`,
    );
    const control =
      row?.querySelector<HTMLElement>(`[data-focus-key="${f.control}"]:not(:disabled)`) ??
      row?.querySelector<HTMLElement>('[data-focus-key="drag"]');
    control?.focus();
  });

  function move(from: number, to: number, control = 'drag') {
    if (to < 0 || to >= items.length || from === to) return;
    const next = moveItem(items, from, to);
    const moved = items[from]!;
    setItems(next);
    setError(null);
    focusAfter.current = { itemId: moved.id, control };
    setAnnouncement(
      t('agendaEditor.moved', { title: moved.title, position: to + 1, count: next.length }),
    );
    const seq = ++reorderSeq.current;
    const ids = next.map((i) => i.id);
    setPending((n) => n + 1);
    reorderChain.current = reorderChain.current.then(async () => {
      try {
        const answer = await api.call('reorderAgenda', { params: { m: meetingId }, body: ids });
        if (seq === reorderSeq.current) setItems(byPosition(answer));
      } catch (e) {
        // The host kept its order: show it again with the reason.
        if (seq === reorderSeq.current) {
          setError(errorMessage(e));
          await api.call('getMeeting', { params: { m: meetingId } }).then(
            (d) => setItems(byPosition(d.agenda)),
            () => {},
          );
        }
      } finally {
        setPending((n) => n - 1);
      }
    });
  }

  const { drag, rowRef, handleProps } = usePointerReorder((from, to) => move(from, to));

  function onRowKeyDown(e: KeyboardEvent<HTMLLIElement>, index: number) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const control = (e.target as HTMLElement).dataset.focusKey ?? 'drag';
    move(index, e.key === 'ArrowUp' ? index - 1 : index + 1, control);
  }

  async function run(action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setPending((n) => n + 1);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
      setPending((n) => n - 1);
    }
  }

  const add = (f: AgendaItemFields) =>
    run(async () => {
      const created = await api.call('addAgendaItem', {
        params: { m: meetingId },
        body: {
          title: f.title,
          ...(f.presenter ? { presenter: f.presenter } : {}),
          ...(f.presenterUserId ? { presenterUserId: f.presenterUserId } : {}),
          ...(f.durationMinutes != null ? { durationMinutes: f.durationMinutes } : {}),
        },
      });
      setItems((list) => byPosition([...list.filter((i) => i.id !== created.id), created]));
      setAnnouncement(t('agendaEditor.added', { title: created.title }));
    });

  const save = (item: AgendaItem, f: AgendaItemFields) =>
    run(async () => {
      const updated = await api.call('patchAgendaItem', {
        params: { m: meetingId, i: item.id },
        body: f,
      });
      setItems((list) => list.map((i) => (i.id === updated.id ? updated : i)));
      setEditing(null);
      focusAfter.current = { itemId: item.id, control: 'edit' };
      setAnnouncement(t('agendaEditor.saved', { title: updated.title }));
    });

  const remove = (item: AgendaItem) =>
    run(async () => {
      await api.call('deleteAgendaItem', { params: { m: meetingId, i: item.id } });
      setItems((list) => list.filter((i) => i.id !== item.id));
      setConfirmDelete(null);
      setAnnouncement(t('agendaEditor.deleted', { title: item.title }));
    });

  return (
    <section aria-labelledby="agenda-editor-heading" data-testid="agenda-editor">
      <h2 id="agenda-editor-heading">{t('agendaEditor.heading')}</h2>
      <p className="muted" id="agenda-editor-hint">
        {t('agendaEditor.hint')}
      </p>
      <p
        className="visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="agenda-announcement"
      >
        {announcement}
      </p>
      {error && (
        <p className="error" role="alert" data-testid="agenda-error">
          {error}
        </p>
      )}
      {items.length === 0 && <p>{t('agendaEditor.empty')}</p>}
      <ol className="agenda-list" ref={listRef} aria-describedby="agenda-editor-hint">
        {items.map((item, index) => {
          const dragging = drag?.from === index;
          const dropTarget = drag !== null && !dragging && drag.over === index;
          return (
            <li
              key={item.id}
              ref={rowRef(index)}
              className={`agenda-item editor-item${dragging ? ' dragging' : ''}${dropTarget ? ' drop-target' : ''}`}
              data-testid="editor-item"
              data-item-id={item.id}
              onKeyDown={(e) => onRowKeyDown(e, index)}
            >
              <button
                type="button"
                className="btn drag-handle"
                data-testid="drag-handle"
                data-focus-key="drag"
                aria-label={t('agendaEditor.dragItem', { title: item.title })}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                {...handleProps(index)}
              >
                <span aria-hidden="true">☰</span>
              </button>
              {editing === item.id ? (
                <AgendaItemForm
                  participants={participants}
                  initial={item}
                  submitLabel={t('common.save')}
                  busy={busy}
                  onSubmit={(f) => save(item, f)}
                  onCancel={() => setEditing(null)}
                  testIdPrefix="agenda-edit"
                />
              ) : (
                <div>
                  <div className="agenda-head">
                    <span className="agenda-no" aria-hidden="true">
                      {index + 1}.
                    </span>
                    <strong data-testid="editor-item-title">{item.title}</strong>
                  </div>
                  <div className="meta">
                    {item.presenter && (
                      <span>
                        {t('agendaEditor.presenter')}: {item.presenter}
                      </span>
                    )}
                    {item.durationMinutes != null && (
                      <span>{t('meeting.minutes', { count: item.durationMinutes })}</span>
                    )}
                  </div>
                </div>
              )}
              <div className="item-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="move-up"
                  data-focus-key="up"
                  disabled={index === 0}
                  aria-label={t('agendaEditor.moveUpItem', { title: item.title })}
                  onClick={() => move(index, index - 1, 'up')}
                >
                  ↑ {t('agendaEditor.moveUp')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="move-down"
                  data-focus-key="down"
                  disabled={index === items.length - 1}
                  aria-label={t('agendaEditor.moveDownItem', { title: item.title })}
                  onClick={() => move(index, index + 1, 'down')}
                >
                  ↓ {t('agendaEditor.moveDown')}
                </button>
                {editing !== item.id && (
                  <button
                    type="button"
                    className="btn btn-small"
                    data-testid="item-edit"
                    data-focus-key="edit"
                    aria-label={t('agendaEditor.editItem', { title: item.title })}
                    onClick={() => setEditing(item.id)}
                  >
                    {t('common.edit')}
                  </button>
                )}
                {confirmDelete === item.id ? (
                  <>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      data-testid="item-delete-confirm"
                      disabled={busy}
                      onClick={() => void remove(item)}
                    >
                      {t('agendaEditor.confirmDelete')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setConfirmDelete(null)}
                    >
                      {t('common.cancel')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    data-testid="item-delete"
                    aria-label={t('agendaEditor.deleteItem', { title: item.title })}
                    onClick={() => setConfirmDelete(item.id)}
                  >
                    {t('common.delete')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <h3>{t('agendaEditor.addHeading')}</h3>
      <AgendaItemForm
        participants={participants}
        submitLabel={t('agendaEditor.add')}
        busy={busy}
        onSubmit={add}
        testIdPrefix="agenda-add"
      />
    </section>
  );
}
