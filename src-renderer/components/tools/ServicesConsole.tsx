/**
 * The Services console on a Windows host: the services table (status, startup type, log-on
 * account), and start, stop or restart for the selected service (no start for a disabled one).
 */
import { useState } from 'react';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';

export function ServicesConsole({ host }: { host: string }) {
  const tools = useLearnerView().tools[host];
  const { send, error } = useDispatch();
  const [selected, setSelected] = useState<string | undefined>();
  if (!tools) return null;
  const s = tools.services.find((x) => x.name === selected);
  return (
    <div className="services" data-testid="services">
      <div className="services-side">
        {s ? (
          <>
            <h3>{s.displayName}</h3>
            <div className="actions">
              {s.status === 'Stopped' ? (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={s.startType === 'Disabled'}
                  onClick={() => send({ type: 'service.start', host, service: s.name })}
                  data-testid="svc-start"
                >
                  Start the service
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => send({ type: 'service.stop', host, service: s.name })}
                    data-testid="svc-stop"
                  >
                    Stop the service
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => send({ type: 'service.restart', host, service: s.name })}
                    data-testid="svc-restart"
                  >
                    Restart the service
                  </button>
                </>
              )}
            </div>
            <p className="hint">Description:</p>
            <p>{s.description}</p>
            <p className="hint">Service name: {s.name}</p>
            {error && <p className="form-error">{error}</p>}
          </>
        ) : (
          <p className="hint">Select an item to view its description.</p>
        )}
      </div>
      <table className="grid" data-testid="services-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Description</th>
            <th>Status</th>
            <th>Startup Type</th>
            <th>Log On As</th>
          </tr>
        </thead>
        <tbody>
          {tools.services.map((x) => (
            <tr
              key={x.name}
              className={x.name === selected ? 'is-selected' : ''}
              onClick={() => setSelected(x.name)}
            >
              <td>{x.displayName}</td>
              <td className="svc-desc">{x.description}</td>
              <td>{x.status === 'Running' ? 'Running' : ''}</td>
              <td>{x.startType}</td>
              <td className="nowrap">{x.logOnAs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
