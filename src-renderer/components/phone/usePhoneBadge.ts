import { useFirstScreenView } from '../../lab/LabContext';
import { useSurfaceUi } from '../../state/surfaceUi';

/** What is new on the phone: unread texts, sign-in requests waiting, and calls ringing. */
export function usePhoneBadge(): { unread: number; pending: number; ringing: number; total: number } {
  const p = Object.values(useFirstScreenView().phones)[0];
  const seen = useSurfaceUi((s) => s.smsSeen);
  const unread = p ? Math.max(0, p.sms.length - seen) : 0;
  const pending = p?.authenticator.pending.length ?? 0;
  const ringing = p?.calls.length ?? 0;
  return { unread, pending, ringing, total: unread + pending + ringing };
}
