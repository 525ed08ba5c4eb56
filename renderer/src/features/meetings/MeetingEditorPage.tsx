export function MeetingEditorPage() {
  return <section className="page" />;
}
