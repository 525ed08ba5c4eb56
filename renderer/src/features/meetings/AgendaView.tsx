// The agenda as delegates see it: numbered items, the current one highlighted (aria-current), the
// item's papers one tap away (the papers feature fills the slot), and for the chair a button to
// move the meeting to an item.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, MeetingDetail } from '../../../../shared/api/schemas/meetings';
import { Slot } from '../../app/slots';

interface Props {
  meeting: MeetingDetail;
  agenda: AgendaItem[];
  currentItemId: string | null;
  canSetCurrent: boolean;
  busyItemId: string | null;
  onSetCurrent: (item: AgendaItem) => void;
}

export function AgendaView({
  meeting,
  agenda,
  currentItemId,
  canSetCurrent,
  busyItemId,
  onSetCurrent,
}: Props) {
  const { t } = useTranslation();
  if (agenda.length === 0) return <p>{t('meeting.agendaEmpty')}</p>;
  return (
    <ol className="agenda-list" data-testid="agenda-list">
      {agenda.map((item, index) => {
        const current = item.id === currentItemId;
        const documents = meeting.documents.filter(
          (d) => d.agendaItemId === item.id && !d.replacedBy,
        );
        return (
          <li
            key={item.id}
            className="agenda-item"
            aria-current={current ? 'step' : undefined}
            data-testid="agenda-item"
            data-item-id={item.id}
            data-current={current ? 'true' : 'false'}
          >
            <div className="agenda-head">
              <span className="agenda-no" aria-hidden="true">
                {index + 1}.
              </span>
              <div style={{ flex: 1 }}>
                <h3 style={{ margin: 0 }}>
                  <span className="visually-hidden">{t('meeting.item', { n: index + 1 })}: </span>
                  <span data-testid="agenda-item-title">{item.title}</span>
                </h3>
                <div className="meta">
                  {item.presenter && (
                    <span>
                      {t('meeting.presenter')}: {item.presenter}
                    </span>
                  )}
                  {item.durationMinutes != null && (
                    <span>{t('meeting.minutes', { count: item.durationMinutes })}</span>
                  )}
                  {current && <span className="current-label">{t('meeting.current')}</span>}
                </div>
              </div>
              {canSetCurrent && !current && (
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="set-current"
                  disabled={busyItemId !== null}
                  aria-label={t('meeting.setCurrentItem', { n: index + 1, title: item.title })}
                  onClick={() => onSetCurrent(item)}
                >
                  {t('meeting.setCurrent')}
                </button>
              )}
            </div>
            <Slot
              name="meeting.agendaItem.papers"
              props={{ meeting, item, documents }}
              fallback={
                documents.length > 0 && (
                  <ul className="meta" aria-label={t('meeting.papers')}>
                    {documents.map((d) => (
                      <li key={d.id}>
                        <Link
                          className="nav-link"
                          to={`/meetings/${meeting.id}/documents/${d.id}`}
                          data-testid="agenda-paper-link"
                        >
                          {d.title}
                          {d.confidential && ` (${t('meeting.confidential')})`}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )
              }
            />
          </li>
        );
      })}
    </ol>
  );
}
