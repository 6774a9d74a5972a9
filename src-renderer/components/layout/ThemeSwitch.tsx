import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tooltip,
} from '@fluentui/react-components';
import { DarkThemeRegular } from '@fluentui/react-icons';
import { useUi, type ThemeChoice } from '../../state/uiStore';

const CHOICES: { id: ThemeChoice; label: string }[] = [
  { id: 'system', label: 'As the system' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

/** Light or dark, or whatever the operating system uses (the default). */
export function ThemeSwitch() {
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  const label = `Theme: ${CHOICES.find((c) => c.id === theme)?.label ?? theme}`;
  return (
    <Menu
      checkedValues={{ theme: [theme] }}
      onCheckedValueChange={(_e, d) => {
        const next = d.checkedItems[0] as ThemeChoice | undefined;
        if (next) setTheme(next);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Tooltip content={label} relationship="label">
          <Button appearance="subtle" size="small" icon={<DarkThemeRegular />} data-testid="theme" />
        </Tooltip>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {CHOICES.map((c) => (
            <MenuItemRadio key={c.id} name="theme" value={c.id} data-testid={`theme-${c.id}`}>
              {c.label}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
