import { useEffect, type RefObject } from 'react';
import type { PanelImperativeHandle, PanelSize } from 'react-resizable-panels';

/**
 * Keeps a collapsible panel and a UI-store flag in step both ways: the flag (a toolbar button)
 * collapses or expands the panel; dragging the panel shut or open sets the flag.
 * Returns the panel's onResize handler.
 */
export function usePanelOpen(
  ref: RefObject<PanelImperativeHandle | null>,
  open: boolean,
  setOpen: (open: boolean) => void,
  collapsedPx: number,
): (size: PanelSize) => void {
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    if (open && panel.isCollapsed()) panel.expand();
    else if (!open && !panel.isCollapsed()) panel.collapse();
  }, [ref, open]);
  return (size) => {
    const isOpen = size.inPixels > collapsedPx + 1;
    if (isOpen !== open) setOpen(isOpen);
  };
}
