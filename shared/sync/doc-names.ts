// Names of the synchronised documents (api.md "Sync"). Parsing is strict: anything else is refused.
export type DocName =
  | { kind: 'meeting'; meetingId: string }
  | { kind: 'annotations'; documentId: string }
  | { kind: 'notes'; documentId: string; userId: string }
  | { kind: 'minutes'; meetingId: string };

const ID = '[A-Za-z0-9_-]{1,100}';
const patterns: Array<[RegExp, (m: RegExpExecArray) => DocName]> = [
  [new RegExp(`^meeting/(${ID})$`), (m) => ({ kind: 'meeting', meetingId: m[1]! })],
  [new RegExp(`^annotations/(${ID})$`), (m) => ({ kind: 'annotations', documentId: m[1]! })],
  [
    new RegExp(`^notes/(${ID})/(${ID})$`),
    (m) => ({ kind: 'notes', documentId: m[1]!, userId: m[2]! }),
  ],
  [new RegExp(`^minutes/(${ID})$`), (m) => ({ kind: 'minutes', meetingId: m[1]! })],
];

export function parseDocName(name: string): DocName | null {
  for (const [re, build] of patterns) {
    const m = re.exec(name);
    if (m) return build(m);
  }
  return null;
}

export function docNameToString(d: DocName): string {
  switch (d.kind) {
    case 'meeting':
      return `meeting/${d.meetingId}`;
    case 'annotations':
      return `annotations/${d.documentId}`;
    case 'notes':
      return `notes/${d.documentId}/${d.userId}`;
    case 'minutes':
      return `minutes/${d.meetingId}`;
  }
}
