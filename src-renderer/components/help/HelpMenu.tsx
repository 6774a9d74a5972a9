import {
  makeStyles,
  mergeClasses,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { QuestionCircleRegular } from '@fluentui/react-icons';
import { useUiSettings } from '../../state/uiSettings';
import { useOpenHelp } from './useOpenHelp';

const useStyles = makeStyles({
  button: { display: 'inline-flex', alignItems: 'center', gap: '4px', '& svg': { fontSize: '16px' } },
});

/** The top bar's Help: this surface's help (as F1), and the welcome again. */
export function HelpMenu() {
  const st = useStyles();
  const openHelp = useOpenHelp();
  const openWelcome = useUiSettings((s) => s.setWelcomeOpen);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* The top bar's own button style, beside Sessions and Scenarios. */}
        <button type="button" className={mergeClasses('btn', st.button)} data-testid="open-help">
          <QuestionCircleRegular aria-hidden /> Help
        </button>
      </MenuTrigger>
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
