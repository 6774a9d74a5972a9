import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { useFirstScreenView } from '../lab/LabContext';
import { useSurfaceUi } from '../state/surfaceUi';
import { useUi, type Surface } from '../state/uiStore';
import { usePhoneBadge } from './phone/usePhoneBadge';
import { LayoutControls } from './layout/LayoutControls';
import { useTabKeys } from './useTabKeys';

const TABS: readonly { id: Surface; label: string }[] = [
  { id: 'map', label: 'Lab map' },
  { id: 'admin', label: 'Entra admin center' },
  { id: 'connect', label: 'Entra Connect (SYNC01)' },
  { id: 'tools', label: 'Server tools' },
  { id: 'sspr', label: 'Password reset (SSPR)' },
  { id: 'myaccount', label: 'My Account' },
  { id: 'signin', label: 'PC sign-in' },
];

/**
 * How many things are new on the phone, drawn as Fluent's small brand CounterBadge (the same
 * tokens and sizes) without its Badge code on the first screen. Only drawn: the tab's accessible
 * name says the count.
 */
const useBadgeStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    boxSizing: 'border-box',
    alignItems: 'center',
    justifyContent: 'center',
    position: 'relative',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase100,
    minWidth: '16px',
    height: '16px',
    padding: `0 calc(${tokens.spacingHorizontalXXS} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusCircular,
    // A transparent stroke (as Fluent's), visible in high contrast.
    ...shorthands.borderColor(tokens.colorTransparentStroke),
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      left: 0,
      bottom: 0,
      right: 0,
      ...shorthands.borderStyle('solid'),
      ...shorthands.borderColor('inherit'),
      ...shorthands.borderWidth(tokens.strokeWidthThin),
      borderRadius: 'inherit',
    },
  },
});

function CountBadge({ count }: { count: number }) {
  return <span className={useBadgeStyles().badge}>{count > 99 ? '99+' : count}</span>;
}

/** Which of the learner's surfaces fills the workspace; the phone opens beside any of them. */
export function SurfaceTabs() {
  const surface = useUi((s) => s.surface);
  const setSurface = useUi((s) => s.setSurface);
  const phoneOpen = useSurfaceUi((s) => s.phoneOpen);
  const setPhoneOpen = useSurfaceUi((s) => s.setPhoneOpen);
  const phone = Object.values(useFirstScreenView().phones)[0];
  const badge = usePhoneBadge();
  const onKeyDown = useTabKeys(
    TABS.map((t) => t.id),
    surface,
    setSurface,
  );
  return (
    <nav className="surface-tabs" aria-label="Surfaces">
      <div role="tablist" aria-label="Surfaces" className="surface-tablist" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={surface === t.id}
            tabIndex={surface === t.id ? 0 : -1}
            className={`surface-tab${surface === t.id ? ' is-active' : ''}`}
            onClick={() => setSurface(t.id)}
            data-testid={`surface-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {phone && (
        <button
          type="button"
          aria-pressed={phoneOpen}
          className={`surface-tab${phoneOpen ? ' is-active' : ''}`}
          onClick={() => setPhoneOpen(!phoneOpen)}
          data-testid="surface-phone"
          aria-label={badge.total > 0 ? `${phone.label}, ${badge.total} new` : phone.label}
        >
          {phone.label} {badge.total > 0 && <CountBadge count={badge.total} />}
        </button>
      )}
      <LayoutControls />
    </nav>
  );
}
