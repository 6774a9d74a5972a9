import { Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useUi, type ThemeChoice } from '../../state/uiStore';
import type { PopupProps } from '../lazyPopup';
import { THEME_CHOICES } from './themeChoices';

/** The theme's menu (fetched when it first opens): as the system, light, or dark. */
export function ThemeMenu({ defaultOpen, trigger }: PopupProps) {
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  return (
    <Menu
      defaultOpen={defaultOpen}
      checkedValues={{ theme: [theme] }}
      onCheckedValueChange={(_e, d) => {
        const next = d.checkedItems[0] as ThemeChoice | undefined;
        if (next) setTheme(next);
      }}
    >
      <MenuTrigger disableButtonEnhancement>{trigger()}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          {THEME_CHOICES.map((c) => (
            <MenuItemRadio key={c.id} name="theme" value={c.id} data-testid={`theme-${c.id}`}>
              {c.label}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
