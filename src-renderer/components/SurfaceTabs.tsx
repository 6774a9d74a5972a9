import { useLearnerView } from '../lab/LabContext';
import { useUi, type Surface } from '../state/uiStore';

const TABS: { id: Surface; label: string }[] = [
  { id: 'map', label: 'Lab map' },
  { id: 'admin', label: 'Entra admin center' },
  { id: 'connect', label: 'Entra Connect (SYNC01)' },
  { id: 'tools', label: 'Server tools' },
  { id: 'sspr', label: 'Password reset (SSPR)' },
  { id: 'myaccount', label: 'My Account' },
  { id: 'signin', label: 'PC sign-in' },
  { id: 'phone', label: "Michael's phone" },
];

/** Which of the learner's surfaces fills the workspace. */
export function SurfaceTabs() {
  const surface = useUi((s) => s.surface);
  const setSurface = useUi((s) => s.setSurface);
  const view = useLearnerView();
  const phone = Object.values(view.phones)[0];
  return (
    <nav className="surface-tabs" role="tablist" aria-label="Surfaces">
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={surface === t.id}
          className={`surface-tab${surface === t.id ? ' is-active' : ''}`}
          onClick={() => setSurface(t.id)}
          data-testid={`surface-${t.id}`}
        >
          {t.id === 'phone' && phone ? phone.label : t.label}
          {t.id === 'phone' && phone && phone.authenticator.pending.length > 0 && (
            <span className="badge">{phone.authenticator.pending.length}</span>
          )}
        </button>
      ))}
    </nav>
  );
}
