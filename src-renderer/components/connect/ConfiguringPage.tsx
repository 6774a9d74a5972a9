import { ProgressBar, Text, mergeClasses } from '@fluentui/react-components';
import { CheckmarkRegular, ArrowSyncRegular, CircleRegular } from '@fluentui/react-icons';
import type { ConnectView } from '../../../simulation';
import { useWizardStyles } from './wizardStyles';

/** "Configuring": the bar and the stages as they complete on the lab clock. */
export function ConfiguringPage({ c }: { c: ConnectView }) {
  const s = useWizardStyles();
  const p = c.progress;
  if (!p) return null;
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
    </div>
  );
}
