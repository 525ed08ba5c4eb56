export function MeetingPage() {
  return <section className="page" />;
}
