// The header shows the title of the meeting being viewed; pages set it with useMeetingTitle.
import { createContext, useContext, useEffect } from 'react';

export const MeetingTitleContext = createContext<{
  title: string | null;
  setTitle: (t: string | null) => void;
}>({
  title: null,
  setTitle: () => {},
});

export function useMeetingTitle(title: string | null | undefined): void {
  const { setTitle } = useContext(MeetingTitleContext);
  useEffect(() => {
    setTitle(title ?? null);
    return () => setTitle(null);
  }, [title, setTitle]);
}
