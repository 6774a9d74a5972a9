import { useEffect } from 'react';
import { useSurfaceUi } from '../../state/surfaceUi';

/**
 * A blade's form: the saved settings (from the lab) with the learner's unsaved edits on top. The
 * edits live in the UI store, so switching surfaces keeps them; the blade reports whether it is
 * dirty, which the admin center asks before leaving it.
 */
export function useBladeDraft<T extends object>(key: string, saved: T) {
  const draft = useSurfaceUi((s) => s.drafts[key]) as T | undefined;
  const setDraft = useSurfaceUi((s) => s.setDraft);
  const clearDraft = useSurfaceUi((s) => s.clearDraft);
  const setDirty = useSurfaceUi((s) => s.setDirty);
  const value = draft ?? saved;
  const dirty = draft !== undefined && JSON.stringify(draft) !== JSON.stringify(saved);
  useEffect(() => setDirty(key, dirty), [key, dirty, setDirty]);
  return {
    value,
    dirty,
    set: (patch: Partial<T>) => setDraft(key, { ...value, ...patch }),
    discard: () => clearDraft(key),
  };
}
