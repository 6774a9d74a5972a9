import { useEffect, useState } from 'react';
import { Toaster } from '@fluentui/react-components';
import { useLearnerView } from '../../lab/LabContext';
import { useSurfaceUi } from '../../state/surfaceUi';
import { AdminNav } from './AdminNav';
import { AdminTopBar } from './AdminTopBar';
import { PASSWORD_RESET_MENU, routeInfo, type RouteInfo } from './adminRoutes';
import { useAdminStyles } from './adminStyles';
import { BladeRouter } from './BladeRouter';
import { LeavePrompt } from './LeavePrompt';
import { NotificationsPanel } from './NotificationsPanel';
import { ADMIN_TOASTER } from './useAdminAction';
import { useViewAdminPage } from './useViewAdminPage';

/** The Microsoft Entra admin center (entra.microsoft.com), signed in as the tenant's Global Administrator. */
export function AdminCenter() {
  const s = useAdminStyles();
  const a = useLearnerView().adminCenter;
  const offset = useLearnerView().time.offsetMinutes;
  const route = useSurfaceUi((x) => x.adminRoute);
  const setRoute = useSurfaceUi((x) => x.setAdminRoute);
  const dirty = useSurfaceUi((x) => x.dirty[x.adminRoute] ?? false);
  const clearDraft = useSurfaceUi((x) => x.clearDraft);
  const seen = useSurfaceUi((x) => x.seenNotification);
  const setSeen = useSurfaceUi((x) => x.setSeenNotification);
  const [pending, setPending] = useState<string>();
  const [flyout, setFlyout] = useState(false);
  const admin = a.users.find((u) => u.roles.includes('Global Administrator'))?.upn ?? '';
  const navigate = (to: string) => {
    if (to === route) return;
    if (dirty) setPending(to);
    else setRoute(to);
  };
  // On-premises integration shows only once Microsoft Entra Connect is set up (troubleshoot-sspr).
  const base = routeInfo(route, (id) => a.authMethods.policies.find((p) => p.id === id)?.label ?? id);
  const info: RouteInfo =
    base.menu === PASSWORD_RESET_MENU && !a.passwordReset.onPremises.available
      ? {
          ...base,
          menu: base.menu.map((m) => ({ ...m, items: m.items.filter((i) => i.route !== 'pr:onprem') })),
        }
      : base;
  const latest = a.notifications[0]?.id ?? 0;
  const view = useViewAdminPage();
  // Opening a page is what the learner looked at (once per opening, not on every re-render).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => view(route), [route]);
  return (
    <div className={s.shell} data-testid="admin-center">
      <AdminTopBar
        admin={admin}
        tenant={a.tenant.name}
        domain={a.tenant.domains.find((d) => d.name.endsWith('.onmicrosoft.com'))?.name ?? ''}
        unread={a.notifications.filter((n) => n.id > seen).length}
        onNotifications={() => {
          setFlyout(true);
          setSeen(latest);
        }}
      />
      {/* The portal's pop-up notification ("Successfully saved settings.") gets a row of its own
          under the portal's bar: floating at the window's corner it covered the app's own buttons. */}
      <div className="admin-toasts">
        <Toaster toasterId={ADMIN_TOASTER} position="top-end" inline />
      </div>
      <div className={s.body}>
        <nav className={s.nav} aria-label="Admin center navigation">
          <AdminNav route={route} onNavigate={navigate} />
        </nav>
        <main className={s.content}>
          <BladeRouter key={route} route={route} info={info} subtitle={a.tenant.name} navigate={navigate} />
        </main>
      </div>
      <LeavePrompt
        open={pending !== undefined}
        onStay={() => setPending(undefined)}
        onLeave={() => {
          clearDraft(route);
          if (pending) setRoute(pending);
          setPending(undefined);
        }}
      />
      <NotificationsPanel
        open={flyout}
        items={a.notifications}
        offsetMinutes={offset}
        onClose={() => setFlyout(false)}
      />
    </div>
  );
}
