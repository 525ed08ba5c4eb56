// Who may see a confidential paper: a checkbox per participant who is not an organiser (the chair
// and the secretary always see every paper).
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../shared/api/schemas/meetings';

export function ReadersPicker({
  participants,
  selected,
  onChange,
  idPrefix,
}: {
  participants: readonly Participant[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const candidates = participants.filter((p) => p.role === 'delegate' || p.role === 'observer');
  return (
    <fieldset className="readers-picker" data-testid="readers-picker">
      <legend>{t('papers.upload.readers')}</legend>
      <p className="muted">{t('papers.upload.readersHint')}</p>
      {candidates.map((p) => {
        const id = `${idPrefix}-${p.userId}`;
        return (
          <label key={p.userId} htmlFor={id} className="field-inline reader-option">
            <input
              id={id}
              type="checkbox"
              data-testid="reader-option"
              data-username={p.username}
              checked={selected.has(p.userId)}
              onChange={(e) => {
                const next = new Set(selected);
                if (e.target.checked) next.add(p.userId);
                else next.delete(p.userId);
                onChange(next);
              }}
            />
            {p.displayName} <span className="muted">({t(`role.${p.role}`)})</span>
          </label>
        );
      })}
    </fieldset>
  );
}
