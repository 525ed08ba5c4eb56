export function MeetingsListPage() {
  return <section className="page" />;
}
