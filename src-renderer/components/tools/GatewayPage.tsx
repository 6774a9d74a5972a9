/**
 * The gateway's firewall page: its rules in the order they are checked, removing one, and adding
 * an outbound TCP allow rule for a host pattern and port.
 */
import { useState } from 'react';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';

export function GatewayPage() {
  const g = useLearnerView().gateway;
  const { send, error } = useDispatch();
  const [host, setHost] = useState('*.servicebus.windows.net');
  const [port, setPort] = useState('443');
  return (
    <div className="gateway" data-testid="gateway">
      <h3>
        {g.name} ({g.lanAddress}) · Firewall rules
      </h3>
      <p className="hint">
        Rules are checked from the top; the first that matches decides. New allow rules go to the top.
        Outbound traffic that matches no rule is allowed.
      </p>
      <table className="grid" data-testid="fw-rules">
        <thead>
          <tr>
            <th>#</th>
            <th>Rule</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {g.rules.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td>{r.summary}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => send({ type: 'gateway.firewall', remove: r.id })}
                  data-testid={`fw-delete-${i}`}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {g.rules.length === 0 && <p className="hint">No rules: all outbound traffic is allowed.</p>}
      <form
        className="actions"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(port);
          send({
            type: 'gateway.firewall',
            add: {
              id: `allow-${host}-${port}`.replace(/[^a-z0-9.*-]/gi, '-'),
              direction: 'outbound',
              action: 'allow',
              transport: 'tcp',
              ...(host ? { host } : {}),
              ...(Number.isInteger(n) && n > 0 ? { port: n } : {}),
            },
          });
        }}
      >
        <span>Allow outbound TCP to</span>
        <input value={host} onChange={(e) => setHost(e.target.value)} aria-label="Destination host pattern" />
        <span>port</span>
        <input
          value={port}
          onChange={(e) => setPort(e.target.value)}
          aria-label="Port"
          style={{ minWidth: 60, width: 60 }}
        />
        <button type="submit" className="btn">
          Add rule
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}
