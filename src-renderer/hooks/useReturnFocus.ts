import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Gives focus back, when a dialog or panel closes, to what held it when it opened (the button that
 * opened it, the surface where F1 was pressed), as the WAI-ARIA dialog pattern asks. Fluent's
 * Dialog does this only for its own DialogTrigger; these dialogs open from the app's state.
 */
export function useReturnFocus(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect runs before the dialog's own (passive) effect moves focus into it.
  useLayoutEffect(() => {
    if (open && !opener.current)
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  useEffect(() => {
    if (open) return;
    const el = opener.current;
    opener.current = null;
    if (!el?.isConnected) return;
    // After the dialog's focus trap lets go (it does so as it starts to close).
    const id = requestAnimationFrame(() => {
      if (el.isConnected) el.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [open]);
}
