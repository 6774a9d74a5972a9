import { makeStyles, tokens } from '@fluentui/react-components';
import { useLabHost, useFirstScreenView } from '../lab/LabContext';
import { useUi } from '../state/uiStore';
import { useMapUi } from '../state/mapUi';
import { MapLegend } from './MapLegend';
import { TracePanel } from './TracePanel';

const useStyles = makeStyles({
  panel: {
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '14px 16px',
    overflow: 'auto',
    '& h2': { margin: 0, fontSize: '18px' },
    '& dl': { display: 'grid', gridTemplateColumns: '1fr', gap: '2px', margin: '14px 0' },
    '& dt': {
      fontSize: '11px',
      textTransform: 'uppercase',
      letterSpacing: '0.04em',
      color: tokens.colorNeutralForeground3,
      marginTop: '8px',
    },
    '& dd': { margin: 0 },
  },
});

/** What a learner can see of the selected device, and what they could do to it in the room. */
export function DevicePanel() {
  return useMapUi((s) => s.traceOpen) ? <TracePanel /> : <DeviceDetails />;
}

function DeviceDetails() {
  const host = useLabHost();
  const view = useFirstScreenView();
  const selected = useUi((s) => s.selectedDevice);
  const openConsole = useUi((s) => s.openConsole);
  const s = useStyles();
  const d = view.devices.find((x) => x.id === selected);
  if (!d)
    return (
      <aside className={s.panel} aria-label="Selected device">
        <MapLegend />
      </aside>
    );
  const windows = d.kind === 'dc' || d.kind === 'sync' || d.kind === 'client';
  return (
    <aside className={s.panel} aria-label="Selected device" data-testid="device-panel">
      <h2>{d.name}</h2>
      <p className="muted">{d.role}</p>
      <dl>
        {d.os && (
          <>
            <dt>Operating system</dt>
            <dd>
              {d.os} <span className="muted">({d.osVersion})</span>
            </dd>
          </>
        )}
        {d.addresses.length > 0 && (
          <>
            <dt>{d.kind === 'tenant' ? 'Domains' : d.kind === 'phone' ? 'Number' : 'Address'}</dt>
            <dd className="mono">{d.addresses.join(', ')}</dd>
          </>
        )}
        {d.addressNote && windows && (
          <>
            <dt>Configuration</dt>
            <dd>{d.addressNote}</dd>
          </>
        )}
        <dt>State</dt>
        <dd>
          {d.status === 'on' ? 'Running' : d.status === 'off' ? 'Powered off' : 'Network cable unplugged'}
        </dd>
      </dl>
      {windows && (
        <div className="actions">
          <button type="button" className="btn" onClick={() => openConsole(d.id, 'cmd')}>
            Command Prompt
          </button>
          <button type="button" className="btn" onClick={() => openConsole(d.id, 'powershell')}>
            PowerShell
          </button>
          {d.status === 'off' ? (
            <button
              type="button"
              className="btn"
              onClick={() => host.act((c) => c.dispatch({ type: 'host.power', host: d.id, on: true }))}
            >
              Power on
            </button>
          ) : (
            <>
              <button
                type="button"
                className="btn"
                onClick={() => host.act((c) => c.dispatch({ type: 'host.restart', host: d.id }))}
              >
                Restart
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => host.act((c) => c.dispatch({ type: 'host.power', host: d.id, on: false }))}
              >
                Shut down
              </button>
            </>
          )}
          {d.status === 'disconnected' && (
            <button
              type="button"
              className="btn"
              onClick={() => host.act((c) => c.dispatch({ type: 'link.restore', host: d.id }))}
            >
              Plug the network cable back in
            </button>
          )}
        </div>
      )}
      <MapLegend />
    </aside>
  );
}
