import {
  useEffect,
  useId,
  useLayoutEffect,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
} from 'react';
import { prefetchable } from './prefetchPopups';

/** What a popup's trigger button spreads on itself. */
export interface TriggerProps {
  /**
   * The same before and after the popup's code arrives (the focus moves from the one to the other).
   * Not the element's id: Fluent's MenuTrigger gives it its own, which its menu is labelled by.
   */
  'data-popup-trigger': string;
  /** Before the popup's code is there: what opens it the first time. */
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  /** Fetches the popup's code while the pointer or the focus is on its trigger (it opens sooner). */
  onPointerEnter?: () => void;
  onFocus?: () => void;
}

/** What the loaded popup gets besides its own props. */
export interface PopupProps {
  /** Open on mount: the learner opened it before its code had arrived. */
  defaultOpen: boolean;
  /** Its trigger button, to put in its MenuTrigger / PopoverTrigger. */
  trigger: () => ReactElement;
}

/** A menu button also opens with ArrowDown (as Fluent's MenuTrigger). */
export const MENU_OPEN_KEYS: readonly string[] = ['ArrowDown'];

interface LazyPopupProps<P extends object> {
  /** The popup (a Fluent Menu or Popover around `trigger`), fetched the first time it is used. */
  load: () => Promise<ComponentType<P & PopupProps>>;
  props: P;
  /** The trigger button: drawn alone until the popup's code is there, then inside the popup. */
  trigger: (props: TriggerProps) => ReactElement;
  /** Keys on the trigger that open the popup besides Enter and Space (a menu button's ArrowDown). */
  openKeys?: readonly string[];
}

/**
 * A popup of the top bar (a menu, the clock's waits) whose code, with Fluent's menu, popover and
 * positioning, is not part of the first screen: its trigger is drawn alone until it is first used
 * (a click, Enter, Space, or one of `openKeys`); then the loaded popup takes its place, opened at
 * once, with the same trigger inside, and stays (it opens and closes itself after that, as Fluent's
 * own). The new trigger takes the focus the first one had, so that closing the popup gives it back.
 * Its code is also fetched ahead once the lab runs and the browser is idle (prefetchPopups.ts).
 */
export function LazyPopup<P extends object>({ load, props, trigger, openKeys = [] }: LazyPopupProps<P>) {
  const [Popup, setPopup] = useState<ComponentType<P & PopupProps> | null>(null);
  const [openFirst, setOpenFirst] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const id = useId();
  useEffect(() => prefetchable(load), [load]);
  // Before the popup's own effects move the focus into it (Fluent's are passive effects).
  useLayoutEffect(() => {
    if (Popup && refocus)
      document.querySelector<HTMLElement>(`[data-popup-trigger="${CSS.escape(id)}"]`)?.focus();
  }, [Popup, refocus, id]);
  if (Popup)
    return <Popup {...props} defaultOpen={openFirst} trigger={() => trigger({ 'data-popup-trigger': id })} />;
  const fetch = (open: HTMLElement | null) => {
    if (open) setOpenFirst(true);
    load().then(
      (loaded) => {
        if (!open) return;
        setRefocus(open === open.ownerDocument.activeElement);
        setPopup(() => loaded);
      },
      // A chunk that did not load: the button stays, and its next use asks again.
      () => setOpenFirst(false),
    );
  };
  return trigger({
    'data-popup-trigger': id,
    onClick: (event) => fetch(event.currentTarget),
    onKeyDown: (event) => {
      if (!openKeys.includes(event.key)) return;
      event.preventDefault();
      fetch(event.currentTarget);
    },
    onPointerEnter: () => fetch(null),
    onFocus: () => fetch(null),
  });
}
