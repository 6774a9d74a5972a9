import { Button, ProgressBar, Text, mergeClasses } from '@fluentui/react-components';
import { CheckmarkRegular, ArrowSyncRegular, CircleRegular } from '@fluentui/react-icons';
import type { ConnectView } from '../../../simulation';
import { useLearnerView } from '../../lab/LabContext';
import { useUi } from '../../state/uiStore';
import { useClassroomStore } from '../classroom/classroomStore';
import { useClockSkip } from '../../hooks/useClockSkip';
import { runTo } from '../clockRunTo';
import { useWizardStyles } from './wizardStyles';

/**
 * "Configuring": the bar and the stages as they complete on the lab clock. With the clock paused
 * the page would stand still for ever: HybridLab (not the real wizard) says so under it and offers
 * to run the clock to the end of the configuration.
 */
export function ConfiguringPage({ c }: { c: ConnectView }) {
  const s = useWizardStyles();
  const labTime = useLearnerView().labTime;
  const playing = useUi((x) => x.playing);
  const held = useClassroomStore((x) => x.clockHeld);
  const skip = useClockSkip();
  const p = c.progress;
  if (!p) return null;
  const wait = labTime.waits.find((w) => w.kind === 'connect-configuring');
  return (
    <div className={s.stack} data-testid="wizard-configuring">
      <ProgressBar value={p.fraction} thickness="large" aria-label="Configuring" />
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {p.stages.map((st) => (
          <li
            key={st.label}
            className={mergeClasses(
              s.feature,
              st.state === 'done' && s.stageDone,
              st.state === 'waiting' && s.stageWaiting,
            )}
            data-state={st.state}
          >
            {st.state === 'done' ? (
              <CheckmarkRegular />
            ) : st.state === 'running' ? (
              <ArrowSyncRegular />
            ) : (
              <CircleRegular />
            )}
            <Text style={{ marginLeft: 8 }}>{st.label}</Text>
          </li>
        ))}
      </ul>
      {!playing && wait && (
        <div className="configuring-paused" role="status" data-testid="configuring-paused">
          <span>
            {held
              ? 'Your instructor paused the lab clock: configuring goes on when they resume it.'
              : 'The lab clock is paused: configuring goes on when it runs.'}
          </span>
          {!held && (
            <Button
              size="small"
              data-testid="configuring-run-to"
              onClick={() => skip(runTo(wait, labTime.now))}
            >
              Run to it
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
