import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { QuestionCircleRegular } from '@fluentui/react-icons';
import { LazyPopup, MENU_OPEN_KEYS } from '../lazyPopup';
import { LazyTooltip } from '../lazyTooltip';

const useStyles = makeStyles({
  button: { display: 'inline-flex', alignItems: 'center', gap: '4px', '& svg': { fontSize: '16px' } },
});

// The menu's code (with Fluent's menu and positioning) is fetched the first time it opens.
const loadHelpMenu = () => import('./HelpMenuPopup').then((m) => m.HelpMenuPopup);

/**
 * The top bar's Help: this surface's help (as F1), and the welcome again. `compact`: the top bar is
 * narrow, the button is its icon (named Help, with a tooltip).
 */
export function HelpMenu({ compact }: { compact: boolean }) {
  const st = useStyles();
  return (
    <LazyPopup
      load={loadHelpMenu}
      props={{}}
      openKeys={MENU_OPEN_KEYS}
      trigger={(props) =>
        // The top bar's own button style, beside Sessions and Scenarios.
        compact ? (
          <LazyTooltip content="Help" relationship="label">
            <button
              type="button"
              className={mergeClasses('btn btn-icon', st.button)}
              data-testid="open-help"
              aria-haspopup="menu"
              {...props}
            >
              <QuestionCircleRegular aria-hidden />
            </button>
          </LazyTooltip>
        ) : (
          <button
            type="button"
            className={mergeClasses('btn', st.button)}
            data-testid="open-help"
            aria-haspopup="menu"
            {...props}
          >
            <QuestionCircleRegular aria-hidden /> Help
          </button>
        )
      }
    />
  );
}
