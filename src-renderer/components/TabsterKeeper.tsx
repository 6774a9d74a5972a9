import { useFocusFinders } from '@fluentui/react-components';

/**
 * Holds Fluent's focus manager (tabster) for the app's life once a Fluent overlay can be in use.
 * Tabster is shared and counted: the last component using it disposes it on unmount. A modal
 * dialog hides the rest of the page (`aria-hidden` on #root) while it is open; if it were the only
 * user, closing it would dispose tabster before the page was shown again, leaving #root hidden to
 * assistive technology. The first screen uses no tabster (its code is not part of it), so this is
 * mounted, and kept, from the learner's first action or the first overlay that opens by itself.
 */
export function TabsterKeeper(): null {
  useFocusFinders();
  return null;
}
