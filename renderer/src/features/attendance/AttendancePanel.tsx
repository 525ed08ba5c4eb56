// Attendance (điểm danh): a participant checks in from their own device; the secretary or chair
// (manage) marks anyone present or absent with a reason. Counts and quorum come from the live doc.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusFromCodes } from '../../../../shared/api/schemas/live';
import type { AttendanceLive } from '../../../../shared/api/schemas/live';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../meetings/ErrorNotice';
import './strings';

export function AttendanceCounts({ summary }: { summary: AttendanceLive }) {
  const { t } = useTranslation();
  return (
    <p
      className="live-counts"
      data-testid="attendance-counts"
      data-present={summary.presentMembers}
      data-quorum={summary.quorumReached}
    >
      <span>
        {t('attendance.counts', { present: summary.presentMembers, members: summary.members })}
      </span>{' '}
      <span className={summary.quorumReached ? 'badge badge-ok' : 'badge badge-warn'}>
        {summary.quorumReached ? t('attendance.quorumReached') : t('attendance.quorumMissing')}
      </span>
    </p>
  );
}

export function AttendancePanel({
  meetingId,
  summary,
  participantIds,
  userId,
  manage,
}: {
  meetingId: string;
  summary: AttendanceLive | undefined;
  /** Every participant's user id (the live doc's participants), to read `codes`. */
  participantIds: readonly string[];
  userId: string;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const isParticipant = participantIds.includes(userId);
  const myStatus =
    summary && isParticipant ? statusFromCodes(summary, participantIds, userId) : null;
  // Only organisers load the full list, again whenever the live counts say something changed.
  const { data: full } = useApi(
    'getAttendance',
    { params: { m: meetingId } },
    manage ? `${meetingId}#${summary?.updatedAt ?? ''}` : null,
  );

  async function mark(status: 'present' | 'absent', target?: string) {
    setBusy(true);
    setError(null);
    try {
      const reason = target ? reasons[target]?.trim() : undefined;
      await api.call('markAttendance', {
        params: { m: meetingId },
        body: {
          status,
          ...(target && target !== userId ? { userId: target } : {}),
          ...(reason ? { reason } : {}),
        },
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="live-panel"
      aria-labelledby="attendance-heading"
      data-testid="attendance-panel"
    >
      <h2 id="attendance-heading">{t('attendance.heading')}</h2>
      {summary && <AttendanceCounts summary={summary} />}
      {summary && isParticipant && (
        <div className="toolbar">
          {myStatus === 'present' ? (
            <p className="notice" data-testid="checkin-done">
              ✓ {t('attendance.youArePresent')}
            </p>
          ) : (
            <button
              type="button"
              className="btn btn-primary btn-big"
              disabled={busy}
              onClick={() => void mark('present')}
              data-testid="checkin-button"
            >
              {t('attendance.checkIn')}
            </button>
          )}
          {myStatus === 'absent' && <p className="muted">{t('attendance.youAreAbsent')}</p>}
        </div>
      )}
      <ErrorNotice error={error} />
      {manage && full && (
        <table className="live-table" data-testid="attendance-table">
          <tbody>
            {full.entries
              .filter((e) => e.role !== 'secretary')
              .map((e) => (
                <tr
                  key={e.userId}
                  data-testid="attendance-row"
                  data-user-id={e.userId}
                  data-status={e.status ?? 'none'}
                >
                  <th scope="row">{e.displayName}</th>
                  <td>{t(`attendance.status.${e.status ?? 'none'}`)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('attendance.markPresentFor', { name: e.displayName })}
                      aria-pressed={e.status === 'present'}
                      disabled={busy}
                      onClick={() => void mark('present', e.userId)}
                    >
                      {t('attendance.markPresent')}
                    </button>{' '}
                    <input
                      aria-label={t('attendance.reasonFor', { name: e.displayName })}
                      placeholder={t('attendance.reason')}
                      value={reasons[e.userId] ?? e.reason ?? ''}
                      maxLength={500}
                      onChange={(ev) => setReasons((r) => ({ ...r, [e.userId]: ev.target.value }))}
                    />{' '}
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('attendance.markAbsentFor', { name: e.displayName })}
                      aria-pressed={e.status === 'absent'}
                      disabled={busy}
                      onClick={() => void mark('absent', e.userId)}
                    >
                      {t('attendance.markAbsent')}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
