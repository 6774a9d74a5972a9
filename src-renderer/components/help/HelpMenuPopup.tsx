import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useUiSettings } from '../../state/uiSettings';
import type { PopupProps } from '../lazyPopup';
import { useOpenHelp } from './useOpenHelp';

/** The Help menu's items (fetched when it first opens): this surface's help (as F1), the welcome. */
export function HelpMenuPopup({ defaultOpen, trigger }: PopupProps) {
  const openHelp = useOpenHelp();
  const openWelcome = useUiSettings((s) => s.setWelcomeOpen);
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger disableButtonEnhancement>{trigger()}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={openHelp} secondaryContent="F1" data-testid="help-surface">
            Help on this surface
          </MenuItem>
          <MenuItem onClick={() => openWelcome(true)} data-testid="help-welcome">
            Welcome and getting started
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
