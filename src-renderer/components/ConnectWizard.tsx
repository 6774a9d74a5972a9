import { useState } from 'react';
import type { ConnectView } from '../../simulation';
import { useDispatch } from '../hooks/useDispatch';
import { useLearnerView } from '../lab/LabContext';

const TITLES: Record<string, string> = {
  welcome: 'Welcome to Microsoft Entra Connect Sync',
  tasks: 'Additional tasks',
  viewConfig: 'View or export current configuration',
  connectAad: 'Connect to Microsoft Entra ID',
  directories: 'Connect your directories',
  ouFiltering: 'Domain and OU filtering',
  optionalFeatures: 'Optional features',
  staging: 'Configure staging mode',
  ready: 'Ready to configure',
  working: 'Please wait…',
  complete: 'Configuration complete',
  notModelled: 'Not available in this lab',
};

/** The Microsoft Entra Connect wizard on SYNC01. */
export function ConnectWizard() {
  const c = useLearnerView().connect;
  const { send, error } = useDispatch();
  if (!c) return <div className="empty">This lab has no Entra Connect server.</div>;
  const act = (action: Record<string, unknown>) => send({ type: 'connect.wizard', action });
  const page = c.page;
  if (page.page === 'closed') {
    return (
      <div className="wizard-desktop" data-testid="connect-closed">
        <p>
          SYNC01 desktop. Microsoft Entra Connect {c.configuration?.version} is installed
          {c.configuration
            ? ` and synchronizes ${c.configuration.forest} with ${c.configuration.tenant}`
            : ''}
          .
        </p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => act({ type: 'open' })}
          data-testid="wizard-open"
        >
          Open Microsoft Entra Connect
        </button>
        {error && <div className="form-error">{error}</div>}
      </div>
    );
  }
  return (
    <div className="wizard" data-testid="connect-wizard">
      <div className="wizard-title">Microsoft Entra Connect Sync</div>
      <div className="wizard-body">
        <aside className="wizard-steps">
          <div className="is-active">{TITLES[page.page]}</div>
        </aside>
        <main className="wizard-page">
          <h2>{TITLES[page.page]}</h2>
          <WizardPageBody c={c} act={act} />
          {error && <div className="form-error">{error}</div>}
        </main>
      </div>
      <div className="wizard-buttons">
        <button
          type="button"
          className="btn"
          onClick={() => act({ type: 'close' })}
          disabled={page.page === 'working'}
        >
          {page.page === 'complete' ? 'Exit' : 'Cancel'}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => act({ type: 'back' })}
          disabled={['welcome', 'working', 'complete'].includes(page.page)}
        >
          Previous
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => act({ type: 'next' })}
          disabled={page.page === 'working' || page.page === 'viewConfig' || page.page === 'notModelled'}
          data-testid="wizard-next"
        >
          {page.page === 'ready' ? 'Configure' : page.page === 'complete' ? 'Exit' : 'Next'}
        </button>
      </div>
    </div>
  );
}

function WizardPageBody({ c, act }: { c: ConnectView; act: (a: Record<string, unknown>) => void }) {
  const page = c.page;
  const [user, setUser] = useState(page.page === 'connectAad' ? page.user : '');
  const [password, setPassword] = useState('');
  const cfg = c.configuration;
  switch (page.page) {
    case 'welcome':
      return (
        <p>Microsoft Entra Connect is configured on this server. Choose Next to see the tasks you can do.</p>
      );
    case 'tasks':
      return (
        <div className="task-list">
          {c.tasks.map((t) => (
            <label key={t.id} className="radio">
              <input
                type="radio"
                name="task"
                checked={page.selected === t.id}
                onChange={() => act({ type: 'chooseTask', task: t.id })}
                data-testid={`task-${t.id}`}
              />{' '}
              {t.label}
            </label>
          ))}
        </div>
      );
    case 'viewConfig':
      return cfg ? <ConfigSummary c={c} /> : <p>Not configured.</p>;
    case 'connectAad':
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act({ type: 'setCredentials', user, password });
          }}
          onBlur={() => act({ type: 'setCredentials', user, password })}
        >
          <p>
            Enter your Microsoft Entra ID global administrator or hybrid identity administrator credentials.
          </p>
          <label className="field">
            <span>USERNAME</span>
            <input value={user} onChange={(e) => setUser(e.target.value)} data-testid="wizard-user" />
          </label>
          <label className="field">
            <span>PASSWORD</span>
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="wizard-password"
            />
          </label>
          {page.error && <div className="form-error">{page.error}</div>}
        </form>
      );
    case 'directories':
      return (
        <table className="grid">
          <thead>
            <tr>
              <th>DIRECTORY</th>
              <th>TYPE</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{cfg?.forest}</td>
              <td>Active Directory</td>
            </tr>
          </tbody>
        </table>
      );
    case 'ouFiltering': {
      const filter = c.draft?.ouFilter ?? 'all';
      return (
        <div>
          <p>Directory: {cfg?.forest}</p>
          <label className="radio">
            <input
              type="radio"
              checked={filter === 'all'}
              onChange={() => act({ type: 'setOuFilter', ouFilter: 'all' })}
            />{' '}
            Sync all domains and OUs
          </label>
          <label className="radio">
            <input
              type="radio"
              checked={filter !== 'all'}
              onChange={() => act({ type: 'setOuFilter', ouFilter: c.ous })}
            />{' '}
            Sync selected domains and OUs
          </label>
          {filter !== 'all' && (
            <div className="ou-tree">
              {c.ous.map((ou) => (
                <label key={ou} className="check">
                  <input
                    type="checkbox"
                    checked={filter.includes(ou)}
                    onChange={(e) =>
                      act({
                        type: 'setOuFilter',
                        ouFilter: e.target.checked ? [...filter, ou] : filter.filter((x) => x !== ou),
                      })
                    }
                  />{' '}
                  {ou}
                </label>
              ))}
            </div>
          )}
        </div>
      );
    }
    case 'optionalFeatures': {
      const d = c.draft;
      if (!d) return null;
      return (
        <div>
          {(Object.keys(d.featureLabels) as (keyof typeof d.featureLabels)[]).map((f) => (
            <label key={f} className="check">
              <input
                type="checkbox"
                checked={d.features[f]}
                onChange={(e) => act({ type: 'setFeature', feature: f, enabled: e.target.checked })}
                data-testid={`feature-${f}`}
              />{' '}
              {d.featureLabels[f]}
            </label>
          ))}
        </div>
      );
    }
    case 'staging':
      return (
        <label className="check">
          <input
            type="checkbox"
            checked={c.draft?.staging ?? false}
            onChange={(e) => act({ type: 'setStaging', enabled: e.target.checked })}
          />{' '}
          Enable staging mode
        </label>
      );
    case 'ready':
      return (
        <div>
          <p>Microsoft Entra Connect is ready to apply the configuration to {cfg?.forest}.</p>
          <ul>
            {c.draft &&
              Object.entries(c.draft.features)
                .filter(([, on]) => on)
                .map(([f]) => (
                  <li key={f}>{c.draft?.featureLabels[f as keyof typeof c.draft.featureLabels]}</li>
                ))}
            {c.draft?.staging && <li>Staging mode</li>}
          </ul>
          <label className="check">
            <input
              type="checkbox"
              checked={c.draft?.startSync ?? true}
              onChange={(e) => act({ type: 'setStartSync', enabled: e.target.checked })}
            />{' '}
            Start the synchronization process when configuration completes.
          </label>
        </div>
      );
    case 'working':
      return <p>{page.what === 'checking' ? 'Validating credentials…' : 'Configuring…'}</p>;
    case 'complete':
      return (
        <p className={page.ok ? '' : 'form-error'} data-testid="wizard-result">
          {page.message}
        </p>
      );
    case 'notModelled':
      return <p>This task is not part of the lab yet.</p>;
    default:
      return null;
  }
}

function ConfigSummary({ c }: { c: ConnectView }) {
  const cfg = c.configuration;
  if (!cfg) return null;
  return (
    <dl className="kv">
      <dt>Version</dt>
      <dd>{cfg.version}</dd>
      <dt>Synchronization server</dt>
      <dd>{cfg.serverName}</dd>
      <dt>Microsoft Entra directory</dt>
      <dd>{cfg.tenant}</dd>
      <dt>Directory</dt>
      <dd>{cfg.forest}</dd>
      <dt>AD DS connector account</dt>
      <dd>{cfg.connectorAccount}</dd>
      <dt>User sign-in</dt>
      <dd>{cfg.signIn}</dd>
      <dt>Source anchor</dt>
      <dd>{cfg.sourceAnchor}</dd>
      <dt>Password hash synchronization</dt>
      <dd>{cfg.features.passwordHashSync ? 'Enabled' : 'Disabled'}</dd>
      <dt>Password writeback</dt>
      <dd>{cfg.features.passwordWriteback ? 'Enabled' : 'Disabled'}</dd>
      <dt>Staging mode</dt>
      <dd>{cfg.stagingMode ? 'Enabled' : 'Disabled'}</dd>
      <dt>Filtering</dt>
      <dd>{cfg.ouFilter === 'all' ? 'All domains and OUs' : cfg.ouFilter.join('; ')}</dd>
    </dl>
  );
}
