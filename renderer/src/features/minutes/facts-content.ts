// Turns the archive's facts (GET /meetings/:m/minutes/facts) into editor content for "Insert from
// the meeting": headings, paragraphs and lists as Tiptap JSON, in the UI language.
import type { JSONContent } from '@tiptap/react';
import type { TFunction } from 'i18next';
import type { MinutesFacts } from '../../../../shared/api/schemas/minutes';
import { formatDateTime } from '../meetings/format';

const text = (t: string, bold = false): JSONContent => ({
  type: 'text',
  text: t,
  ...(bold ? { marks: [{ type: 'bold' }] } : {}),
});
const paragraph = (...parts: JSONContent[]): JSONContent => ({
  type: 'paragraph',
  content: parts.filter((p) => p.text !== ''),
});
const heading = (t: string): JSONContent => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [text(t)],
});
const list = (items: JSONContent[][], ordered = false): JSONContent => ({
  type: ordered ? 'orderedList' : 'bulletList',
  content: items.map((parts) => ({ type: 'listItem', content: [paragraph(...parts)] })),
});
const labelled = (label: string, value: string): JSONContent =>
  paragraph(text(`${label}: `, true), text(value));

export function factsContent(facts: MinutesFacts, t: TFunction): JSONContent[] {
  const out: JSONContent[] = [];
  const roleName = (role: string) => t(`minutes.role.${role}`, { defaultValue: role });
  // Some names already carry the role ("Trần Thị Lan (Thư ký)"): do not say it twice.
  const who = (name: string, role: string) =>
    name.includes(roleName(role)) ? name : `${name} (${roleName(role)})`;
  out.push(heading(`I. ${t('minutes.facts.title')}`));
  out.push(labelled(t('minutes.facts.time'), formatDateTime(facts.meeting.startsAt)));
  if (facts.meeting.location) out.push(labelled(t('minutes.facts.place'), facts.meeting.location));
  if (facts.meeting.organization)
    out.push(labelled(t('minutes.facts.organization'), facts.meeting.organization));
  if (facts.chair) out.push(labelled(t('minutes.facts.chair'), facts.chair));
  if (facts.secretary) out.push(labelled(t('minutes.facts.secretary'), facts.secretary));

  out.push(heading(`II. ${t('minutes.facts.attendance')}`));
  out.push(paragraph(text(t('minutes.facts.present', { count: facts.present.length }), true)));
  if (facts.present.length > 0)
    out.push(list(facts.present.map((p) => [text(who(p.name, p.role))])));
  out.push(paragraph(text(t('minutes.facts.absent', { count: facts.absent.length }), true)));
  if (facts.absent.length > 0)
    out.push(
      list(
        facts.absent.map((p) => [
          text(`${who(p.name, p.role)}: ${p.reason ?? t('minutes.facts.noReason')}`),
        ]),
      ),
    );

  out.push(heading(`III. ${t('minutes.facts.agenda')}`));
  if (facts.agenda.length > 0)
    out.push(
      list(
        facts.agenda.map((item) => {
          const parts = [text(item.title, true)];
          if (item.presenter)
            parts.push(text(`. ${t('minutes.facts.presenter', { name: item.presenter })}`));
          if (item.speakers.length > 0)
            parts.push(
              text(`. ${t('minutes.facts.speakers', { names: item.speakers.join(', ') })}`),
            );
          return parts;
        }),
        true,
      ),
    );

  if (facts.ballots.length > 0) {
    out.push(heading(`IV. ${t('minutes.facts.ballots')}`));
    for (const b of facts.ballots) {
      const counts = Object.entries(b.counts)
        .map(([option, n]) => `${option} ${n}`)
        .join(', ');
      out.push(
        paragraph(text(t('minutes.facts.ballotLine', { question: b.question, counts }), true)),
      );
      const details = [
        b.secret ? t('minutes.facts.secret') : t('minutes.facts.named'),
        t('minutes.facts.turnout', {
          cast: b.cast ?? 0,
          eligible: b.eligible ?? 0,
          present: b.present ?? 0,
        }),
        t('minutes.facts.rule', {
          rule: t(`minutes.facts.rules.${b.rule}`, { defaultValue: b.rule }),
          quorum: b.quorum === null ? '—' : Math.round(b.quorum * 100),
        }),
      ];
      out.push(paragraph(text(details.join(' '))));
      if (b.passed !== null)
        out.push(
          paragraph(text(b.passed ? t('minutes.facts.passed') : t('minutes.facts.failed'), true)),
        );
    }
  }
  return out;
}
