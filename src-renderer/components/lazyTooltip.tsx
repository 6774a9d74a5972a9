import { mergeCallbacks, useMergedRefs } from '@fluentui/react-components';
import {
  cloneElement,
  useId,
  useState,
  type ComponentType,
  type FocusEvent,
  type PointerEvent,
  type ReactElement,
  type Ref,
} from 'react';
import { createPortal } from 'react-dom';
import type { TooltipPopupProps } from './TooltipPopup';
import { prefetchable } from './prefetchPopups';

/** The props of a trigger button that a tooltip reads and adds to. */
interface TipTriggerProps {
  ref?: Ref<HTMLElement>;
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  'aria-haspopup'?: unknown;
  'aria-expanded'?: unknown;
}

interface LazyTooltipProps {
  /** The tooltip's text: the button's accessible name (`label`) or description (`description`). */
  content: string;
  relationship: 'label' | 'description';
  children: ReactElement<TipTriggerProps>;
}

// Fluent's Tooltip (with its positioning) is fetched the first time a pointer or the focus reaches
// one of these buttons, or ahead once the lab runs and the browser is idle (prefetchPopups.ts): it
// is not part of the first screen.
const loadTooltip = () => import('./TooltipPopup').then((m) => m.TooltipPopup);
prefetchable(loadTooltip);

/**
 * A hover / focus tooltip over a button, as Fluent's `Tooltip` with a text `content`, whose code
 * is fetched when it is first needed. The button has its accessible name or description from the
 * start (an `aria-label`, or an `aria-describedby` to the text); the tooltip itself only shows.
 * A trigger like Fluent's: a MenuTrigger around it gives its props to the button inside.
 */
export function LazyTooltip({ content, relationship, children }: LazyTooltipProps) {
  const [Tip, setTip] = useState<ComponentType<TooltipPopupProps> | null>(null);
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const descriptionId = useId();
  const child = children.props;
  const ref = useMergedRefs(child.ref, setTarget);
  const fetch = () => {
    if (!Tip) loadTooltip().then((loaded) => setTip(() => loaded), ignore);
  };
  const a11y = relationship === 'label' ? { 'aria-label': content } : { 'aria-describedby': descriptionId };
  return (
    <>
      {cloneElement(children, {
        ...a11y,
        ...child,
        ref,
        onPointerEnter: mergeCallbacks(child.onPointerEnter, fetch),
        onFocus: mergeCallbacks(child.onFocus, fetch),
      })}
      {relationship === 'description' &&
        createPortal(
          <div id={descriptionId} hidden>
            {content}
          </div>,
          document.body,
        )}
      {Tip && target && (
        <Tip
          content={content}
          target={target}
          aria-haspopup={child['aria-haspopup']}
          aria-expanded={child['aria-expanded']}
        />
      )}
    </>
  );
}
// As Fluent's own triggers (Tooltip, MenuTrigger): an outer trigger's props reach the button inside.
LazyTooltip.isFluentTriggerComponent = true;

function ignore(): void {
  // A chunk that did not load: no tooltip this time, the next hover asks again.
}
