import { Button } from '@fluentui/react-components';
import { DarkThemeRegular } from '@fluentui/react-icons';
import { useUi } from '../../state/uiStore';
import { LazyPopup, MENU_OPEN_KEYS } from '../lazyPopup';
import { THEME_CHOICES } from './themeChoices';
import { LazyTooltip } from '../lazyTooltip';

// The menu's code (with Fluent's menu and positioning) is fetched the first time it opens.
const loadThemeMenu = () => import('./ThemeMenu').then((m) => m.ThemeMenu);

/** Light or dark, or whatever the operating system uses (the default). */
export function ThemeSwitch() {
  const theme = useUi((s) => s.theme);
  const label = `Theme: ${THEME_CHOICES.find((c) => c.id === theme)?.label ?? theme}`;
  return (
    <LazyPopup
      load={loadThemeMenu}
      props={{}}
      openKeys={MENU_OPEN_KEYS}
      trigger={(props) => (
        <LazyTooltip content={label} relationship="label">
          <Button
            appearance="subtle"
            size="small"
            icon={<DarkThemeRegular />}
            data-testid="theme"
            aria-haspopup="menu"
            {...props}
          />
        </LazyTooltip>
      )}
    />
  );
}
