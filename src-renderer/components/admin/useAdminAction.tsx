import { useCallback } from 'react';
import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { useLabController } from '../../lab/LabContext';

export const ADMIN_TOASTER = 'admin-toaster';

/**
 * Sends an admin center action to the lab and tells how it went: the lab's own notice (success or
 * the error text), shown as a toast like the portal's pop-up notification.
 */
export function useAdminAction(): (action: Record<string, unknown>) => { ok: boolean; text: string } {
  const controller = useLabController();
  const { dispatchToast } = useToastController(ADMIN_TOASTER);
  return useCallback(
    (action) => {
      const r = controller.dispatch({ type: 'portal.admin', action });
      const notice = r.ok ? controller.current.learnerView().adminCenter.notice : undefined;
      const ok = r.ok && notice?.level !== 'error';
      const text = r.ok ? (notice?.text ?? '') : r.error;
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent: ok ? (notice?.level === 'info' ? 'info' : 'success') : 'error', timeout: 4000 },
      );
      return { ok, text };
    },
    [controller, dispatchToast],
  );
}
