// Extension points where one feature shows its UI inside another's page without either importing
// the other. A feature registers a component for a slot (from a module that routes.tsx imports);
// the page renders <Slot name=... /> with typed props. Add a slot's props type here.
import type { ComponentType, ReactNode } from 'react';
import type {
  AgendaItem,
  DocumentSummary,
  MeetingDetail,
} from '../../../shared/api/schemas/meetings';
import { SlotBoundary } from './SlotBoundary';

export interface SlotProps {
  /** Under each agenda item on the meeting page: one-tap links to the item's papers. */
  'meeting.agendaItem.papers': {
    meeting: MeetingDetail;
    item: AgendaItem;
    documents: DocumentSummary[];
  };
  /** Beside the agenda on the meeting page: speakers, voting, attendance panels... */
  'meeting.panels': { meeting: MeetingDetail };
  /** Links in the meeting page's toolbar (minutes, search, export...). */
  'meeting.actions': { meeting: MeetingDetail };
  /** Extra items in the header, left of the user's name. */
  'header.actions': Record<string, never>;
}
export type SlotName = keyof SlotProps;

const registry = new Map<SlotName, Array<{ key: string; component: ComponentType<never> }>>();

/** Registers `component` for `name`; `key` keeps re-registration (hot reload) idempotent. */
export function registerSlot<N extends SlotName>(
  name: N,
  key: string,
  component: ComponentType<SlotProps[N]>,
): void {
  const list = (registry.get(name) ?? []).filter((e) => e.key !== key);
  list.push({ key, component: component as ComponentType<never> });
  registry.set(name, list);
}

export function hasSlot(name: SlotName): boolean {
  return (registry.get(name)?.length ?? 0) > 0;
}

/** Renders every component registered for `name` (each behind its own error boundary), or `fallback`. */
export function Slot<N extends SlotName>({
  name,
  props,
  fallback = null,
}: {
  name: N;
  props: SlotProps[N];
  fallback?: ReactNode;
}) {
  const list = registry.get(name);
  if (!list?.length) return <>{fallback}</>;
  return (
    <>
      {list.map(({ key, component }) => {
        const C = component as unknown as ComponentType<SlotProps[N]>;
        return (
          <SlotBoundary key={key} name={`${name}/${key}`}>
            <C {...props} />
          </SlotBoundary>
        );
      })}
    </>
  );
}
