import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Link,
  makeStyles,
  OverlayDrawer,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useReturnFocus } from '../../hooks/useReturnFocus';
import { useUiSettings } from '../../state/uiSettings';
import { useHelp } from './helpStore';
import { HELP } from './helpTopics';

const useStyles = makeStyles({
  body: {
    '& h3': {
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      margin: '16px 0 4px',
    },
    '& p': { margin: 0, lineHeight: tokens.lineHeightBase300 },
  },
  foot: { marginTop: '20px', color: tokens.colorNeutralForeground3 },
});

/**
 * The Help panel: for the surface the learner is on, the real tool it mirrors and what the lab
 * simplifies. F1 opens it anywhere (useHelpKey); Escape closes it and focus goes back where it was.
 */
export function HelpPanel() {
  const st = useStyles();
  const topic = useHelp((s) => s.topic);
  const setTopic = useHelp((s) => s.setTopic);
  const openWelcome = useUiSettings((s) => s.setWelcomeOpen);
  const help = topic ? HELP[topic] : undefined;
  useReturnFocus(!!help);
  return (
    <OverlayDrawer
      open={!!help}
      position="end"
      size="medium"
      onOpenChange={(_, d) => !d.open && setTopic(null)}
      aria-label={help ? `Help: ${help.title}` : 'Help'}
      data-testid="help-panel"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close help"
              icon={<DismissRegular />}
              onClick={() => setTopic(null)}
            />
          }
        >
          Help: {help?.title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={st.body}>
        <h3>What it mirrors</h3>
        <p data-testid="help-mirrors">{help?.mirrors}</p>
        <h3>What the lab simplifies</h3>
        <p data-testid="help-simplifies">{help?.simplifies}</p>
        <div className={st.foot}>
          Press F1 on any surface for its help.{' '}
          <Link
            as="button"
            onClick={() => {
              setTopic(null);
              openWelcome(true);
            }}
          >
            Show the welcome again
          </Link>
        </div>
      </DrawerBody>
    </OverlayDrawer>
  );
}
