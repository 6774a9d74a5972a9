import { useLearnerView } from '../../lab/LabContext';
import { useUi } from '../../state/uiStore';
import {
  AuditLogBlade,
  OnPremBlade,
  PropertiesBlade,
  RegistrationBlade,
  SsprMethodsBlade,
  NotificationsBlade,
  AdminPolicyBlade,
} from './PasswordResetBlades';
import {
  AuthMethodsBlade,
  ConnectStatusBlade,
  GroupsBlade,
  SignInLogsBlade,
  UsersBlade,
} from './DirectoryBlades';

const NAV: { section: string; items: { id: string; label: string }[] }[] = [
  {
    section: 'Password reset',
    items: [
      { id: 'sspr.properties', label: 'Properties' },
      { id: 'sspr.methods', label: 'Authentication methods' },
      { id: 'sspr.registration', label: 'Registration' },
      { id: 'sspr.notifications', label: 'Notifications' },
      { id: 'sspr.onprem', label: 'On-premises integration' },
      { id: 'sspr.adminPolicy', label: 'Administrator Policy' },
      { id: 'sspr.audit', label: 'Audit logs' },
    ],
  },
  { section: 'Authentication methods', items: [{ id: 'authMethods', label: 'Policies' }] },
  {
    section: 'Identity',
    items: [
      { id: 'users', label: 'Users' },
      { id: 'groups', label: 'Groups' },
      { id: 'connect', label: 'Microsoft Entra Connect' },
      { id: 'signins', label: 'Sign-in logs' },
    ],
  },
];

/** The Microsoft Entra admin center, signed in as the tenant's Global Administrator. */
export function AdminCenter() {
  const view = useLearnerView();
  const blade = useUi((s) => s.adminBlade);
  const setBlade = useUi((s) => s.setAdminBlade);
  const a = view.adminCenter;
  return (
    <div className="portal admin-center" data-testid="admin-center">
      <div className="portal-bar">
        <span className="portal-brand">Microsoft Entra admin center</span>
        <span className="portal-url">entra.microsoft.com</span>
        <span className="portal-user">
          {a.users.find((u) => u.roles.includes('Global Administrator'))?.upn}
        </span>
      </div>
      <div className="portal-body">
        <nav className="blade-nav" aria-label="Admin center">
          {NAV.map((s) => (
            <div key={s.section} className="blade-nav-section">
              <div className="blade-nav-title">{s.section}</div>
              {s.items
                .filter((i) => i.id !== 'sspr.onprem' || a.passwordReset.onPremises.available)
                .map((i) => (
                  <button
                    key={i.id}
                    type="button"
                    className={`blade-link${blade === i.id ? ' is-active' : ''}`}
                    onClick={() => setBlade(i.id)}
                    data-testid={`blade-${i.id}`}
                  >
                    {i.label}
                  </button>
                ))}
            </div>
          ))}
        </nav>
        <section className="blade" aria-live="polite">
          {a.notice && (
            <div className={`portal-notice notice-${a.notice.level}`} data-testid="admin-notice">
              {a.notice.text}
            </div>
          )}
          {blade === 'sspr.properties' && <PropertiesBlade />}
          {blade === 'sspr.methods' && <SsprMethodsBlade />}
          {blade === 'sspr.registration' && <RegistrationBlade />}
          {blade === 'sspr.notifications' && <NotificationsBlade />}
          {blade === 'sspr.onprem' && <OnPremBlade />}
          {blade === 'sspr.adminPolicy' && <AdminPolicyBlade />}
          {blade === 'sspr.audit' && <AuditLogBlade />}
          {blade === 'authMethods' && <AuthMethodsBlade />}
          {blade === 'users' && <UsersBlade />}
          {blade === 'groups' && <GroupsBlade />}
          {blade === 'connect' && <ConnectStatusBlade />}
          {blade === 'signins' && <SignInLogsBlade />}
        </section>
      </div>
    </div>
  );
}
