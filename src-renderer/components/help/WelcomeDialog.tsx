import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useLabHost } from '../../lab/LabContext';
import { useReturnFocus } from '../../hooks/useReturnFocus';
import { useUi } from '../../state/uiStore';
import { useUiSettings } from '../../state/uiSettings';
import { tidyName, useLearnerName } from '../scenario/learnerName';
import { loadScenarioPack } from '../../lab/loadScenarioPack';

const useStyles = makeStyles({
  surface: { maxWidth: '620px' },
  content: { display: 'flex', flexDirection: 'column', gap: '12px', '& p': { margin: 0 } },
  choices: { margin: 0, paddingLeft: '20px', '& li': { marginBottom: '4px' } },
  error: { color: tokens.colorPaletteRedForeground1 },
  // Under the content, from the left, wrapping on a narrow window (Fluent puts actions in a side column).
  actions: { gridColumn: '1 / -1', justifySelf: 'start', flexWrap: 'wrap' },
});

/**
 * The welcome on the first launch (and from Help): what the lab is, the guided scenario to start
 * with, and where the other scenarios and the free lab are. Closing it in any way counts as seen.
 */
export function WelcomeDialog() {
  const st = useStyles();
  const open = useUiSettings((s) => s.welcomeOpen);
  const setOpen = useUiSettings((s) => s.setWelcomeOpen);
  useReturnFocus(open);
  const setPickerOpen = useUi((s) => s.setPickerOpen);
  const host = useLabHost();
  const name = useLearnerName((s) => s.name);
  const setName = useLearnerName((s) => s.setName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const startGuided = async () => {
    const learner = tidyName(name);
    if (!learner) {
      setError('Type your name first: it goes on your report and result.');
      document.getElementById('welcome-name')?.focus();
      return;
    }
    setBusy(true);
    const [pack, controller] = await Promise.all([loadScenarioPack(), host.start()]);
    const guided = pack.find((e) => e.scenario?.mode === 'guided')?.scenario;
    setBusy(false);
    if (!guided) {
      setError('The guided scenario is not in this version’s scenario pack.');
      return;
    }
    const r = controller.startScenario(guided, 1, learner);
    if (!r.ok) return setError(r.error);
    setError(null);
    setOpen(false);
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogSurface className={st.surface} data-testid="welcome" aria-describedby="welcome-what">
        <DialogBody>
          <DialogTitle>Welcome to HybridLab</DialogTitle>
          <DialogContent className={st.content}>
            <p id="welcome-what">
              HybridLab is a practice network on your computer: an Active Directory domain, an Entra Connect
              Sync server, a small company&apos;s PCs and its Microsoft Entra tenant. You set up self-service
              password reset with password hash sync and writeback, then find and fix what breaks, with the
              same admin center, wizard, consoles and tools as on a real network. Nothing leaves this
              computer.
            </p>
            <p>New here? The guided scenario walks you through the configuration step by step.</p>
            <Field
              label="Your name (on your report and result)"
              validationMessage={error ?? undefined}
              validationState={error ? 'error' : 'none'}
            >
              <Input
                id="welcome-name"
                value={name}
                onChange={(_, d) => setName(d.value)}
                maxLength={80}
                autoComplete="name"
                data-testid="welcome-name"
              />
            </Field>
            <ul className={st.choices}>
              <li>
                <b>Scenarios</b> (top bar): the guided scenario and the troubleshooting tickets, with filters
                and your progress.
              </li>
              <li>
                <b>Free lab</b>: close this and explore the lab as it is, or pick a fresh or a working lab in
                Scenarios.
              </li>
              <li>
                <b>Help</b> (top bar, or F1): what each surface mirrors and what the lab simplifies.
              </li>
            </ul>
          </DialogContent>
          <DialogActions className={st.actions}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void startGuided()}
              data-testid="welcome-guided"
            >
              Start the guided scenario
            </Button>
            <Button
              onClick={() => {
                setOpen(false);
                // Once the welcome has let focus go, so the picker can take it.
                requestAnimationFrame(() => setPickerOpen(true));
              }}
              data-testid="welcome-picker"
            >
              Choose a scenario…
            </Button>
            <Button onClick={() => setOpen(false)} data-testid="welcome-free">
              Explore the free lab
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
