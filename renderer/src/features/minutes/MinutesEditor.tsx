// The collaborative minutes editor: Tiptap bound to the `minutes/<m>` Y.XmlFragment through the
// Collaboration extension (y-prosemirror). Everyone sees changes live; only the secretary and the
// chair may type, and only while the minutes are a draft (the host drops other writes anyway).
import { useEffect } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { MINUTES_FRAGMENT } from '../../../../shared/api/schemas/minutes';

interface Props {
  doc: Y.Doc;
  editable: boolean;
  onEditor?: (editor: Editor | null) => void;
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
    }),
  });
  const buttons = [
    {
      key: 'bold',
      label: t('minutes.bold'),
      text: 'B',
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      label: t('minutes.italic'),
      text: 'I',
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      key: 'heading',
      label: t('minutes.headingFormat'),
      text: 'H',
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'bulletList',
      label: t('minutes.bulletList'),
      text: '•',
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'orderedList',
      label: t('minutes.orderedList'),
      text: '1.',
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
  ] as const;
  return (
    <div className="toolbar minutes-toolbar" role="toolbar" aria-label={t('minutes.toolbar')}>
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className="btn btn-small"
          aria-label={b.label}
          title={b.label}
          aria-pressed={active[b.key]}
          onClick={b.run}
          data-testid={`minutes-format-${b.key}`}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}

export function MinutesEditor({ doc, editable, onEditor }: Props) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own undo (per user, over Yjs); the local history must be off.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field: MINUTES_FRAGMENT }),
      ],
      editable,
      editorProps: {
        attributes: {
          'aria-label': t('minutes.editorLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'minutes-editor',
          'data-testid': 'minutes-editor',
        },
      },
    },
    [doc],
  );
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);
  if (!editor) return null;
  return (
    <div className="minutes-editor-frame" data-editable={editable ? 'true' : 'false'}>
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}
