import { Tooltip } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, type Ref } from 'react';

export interface TooltipPopupProps {
  content: string;
  /** The button the tooltip is for (it stays as it is: the tooltip listens to it). */
  target: HTMLElement;
  'aria-haspopup'?: unknown;
  'aria-expanded'?: unknown;
}

/**
 * Fluent's Tooltip for a button drawn before this code arrived (see lazyTooltip.tsx): only shown,
 * the button has its accessible name or description already.
 */
export function TooltipPopup({ content, target, ...popup }: TooltipPopupProps) {
  return (
    <Tooltip content={content} relationship="inaccessible">
      <TooltipAnchor
        target={target}
        replay={popup['aria-expanded'] !== true && popup['aria-expanded'] !== 'true'}
        {...popup}
      />
    </Tooltip>
  );
}

type Handler = (event: Event) => void;

interface AnchorProps {
  target: HTMLElement;
  /**
   * Show for the hover or focus already there when this arrived: not while the button's menu is
   * open (the tooltip would not show, but would take the Escape that closes the menu).
   */
  replay: boolean;
  /** From the Tooltip (merged: where it positions, and its keyboard-focus listener). */
  ref?: Ref<HTMLElement>;
  onPointerEnter?: Handler;
  onPointerLeave?: Handler;
  onFocus?: Handler;
  onBlur?: Handler;
}

/**
 * The Tooltip's trigger: it renders nothing, and hands the Tooltip's ref and listeners to the
 * existing button. The first hover or focus, which fetched this code, is passed on when it
 * arrives, so the tooltip shows for it as for the next ones.
 */
function TooltipAnchor({
  target,
  replay,
  ref,
  onPointerEnter,
  onPointerLeave,
  onFocus,
  onBlur,
}: AnchorProps) {
  useLayoutEffect(() => {
    setRef(ref, target);
    return () => setRef(ref, null);
  }, [ref, target]);
  useLayoutEffect(() => {
    const listeners: [string, Handler | undefined][] = [
      ['pointerenter', onPointerEnter],
      ['pointerleave', onPointerLeave],
      ['focus', onFocus],
      ['blur', onBlur],
    ];
    const attached = listeners.map(([type, handler]) => {
      const listener = (event: Event) => handler?.(asReactEvent(event));
      target.addEventListener(type, listener);
      return () => target.removeEventListener(type, listener);
    });
    return () => attached.forEach((detach) => detach());
  }, [target, onPointerEnter, onPointerLeave, onFocus, onBlur]);
  // After the Tooltip's own layout effects (its handlers cannot be called before them).
  useEffect(() => {
    if (!replay) return;
    if (target.matches(':hover')) onPointerEnter?.(asReactEvent(new PointerEvent('pointerenter')));
    else if (target.matches(':focus-visible')) onFocus?.(asReactEvent(new FocusEvent('focus')));
    // Once, for the hover or focus that was already there when this arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}

/** Fluent's handlers persist React's events (a no-op since React 17). */
function asReactEvent(event: Event): Event {
  return Object.assign(event, { persist: () => undefined, nativeEvent: event });
}

function setRef(ref: Ref<HTMLElement> | undefined, value: HTMLElement | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}
