/**
 * Active Directory Users and Computers (dsa.msc) on the domain controller: the console tree on the
 * left, the selected container's objects (Name, Type, Description) on the right; a user's
 * Properties (double-click) and Reset Password…; the message boxes the lab's answers call for.
 * While AD DS cannot be reached, the error the console gives instead.
 */
import { useState } from 'react';
import { type AducObjectView, type AducAction, ADUC_TEXT, type AducResult } from '../../../simulation';
import { useAducAction } from '../../hooks/useAducAction';
import { useLearnerView } from '../../lab/LabContext';
import { AducMessageBox } from './AducMessageBox';
import { AducIcon } from './AducIcon';
import { AducTree } from './AducTree';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserProperties } from './UserProperties';

export function ActiveDirectoryUsers() {
  const view = useLearnerView().aduc;
  const { run, error } = useAducAction(view?.host ?? '');
  const [node, setNode] = useState('');
  // Nodes whose open/closed state differs from the default (only the domain starts open).
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'props' | 'reset' | undefined>();
  const [box, setBox] = useState<AducResult | undefined>();
  if (!view) return null;
  if (!view.available)
    return (
      <div className="dialog-like" role="alert" data-testid="aduc-unavailable">
        <strong>Active Directory Domain Services</strong>
        <p>{view.unavailableText}</p>
      </div>
    );
  const container = view.containers.find((c) => c.dn === node) ?? view.containers[0];
  const objects = container?.objects ?? [];
  const user = view.users.find((u) => u.dn === selected);
  const rootDn = view.containers[0]?.dn;
  const expanded = new Set(
    view.containers.map((c) => c.dn).filter((dn) => (dn === rootDn) !== toggled.has(dn)),
  );
  const toggle = (dn: string) => {
    const next = new Set(toggled);
    if (!next.delete(dn)) next.add(dn);
    setToggled(next);
  };
  const open = (dn: string) => {
    setNode(dn);
    setSelected(undefined);
    if (!expanded.has(dn)) toggle(dn);
  };
  const activate = (o: AducObjectView) => {
    if (o.kind === 'user') setDialog('props');
    else if (o.kind !== 'group' && o.kind !== 'computer') open(o.dn);
  };
  const reset = (action: AducAction) => {
    const r = run(action);
    if (r?.message) setBox(r);
    if (r?.message !== ADUC_TEXT.mismatch) setDialog(undefined);
  };
  return (
    <div className="aduc" data-testid="aduc">
      <div className="aduc-menu">
        <span>File</span>
        <span>Action</span>
        <span>View</span>
        <span>Help</span>
      </div>
      <div className="aduc-toolbar">
        <button
          type="button"
          className="btn btn-small"
          disabled={!user}
          onClick={() => setDialog('props')}
          data-testid="aduc-properties"
        >
          Properties
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!user}
          onClick={() => setDialog('reset')}
          data-testid="aduc-reset"
        >
          Reset Password...
        </button>
      </div>
      <div className="aduc-panes">
        <AducTree
          title={view.title}
          containers={view.containers}
          selected={container?.dn ?? ''}
          expanded={expanded}
          onSelect={open}
          onToggle={toggle}
        />
        <div className="aduc-list">
          <table className="grid" data-testid="aduc-objects">
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>Description</th>
              </tr>
            </thead>
            <tbody>
              {objects.map((o) => (
                <tr
                  key={o.dn}
                  className={o.dn === selected ? 'is-selected' : ''}
                  onClick={() => setSelected(o.dn)}
                  onDoubleClick={() => activate(o)}
                  data-testid={`aduc-row-${o.name}`}
                >
                  <td className="nowrap">
                    <AducIcon kind={o.kind} disabled={o.disabled} /> {o.name}
                  </td>
                  <td className="nowrap">{o.type}</td>
                  <td className="aduc-desc">{o.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="aduc-status">{objects.length} object(s)</div>
      {error && <p className="form-error">{error}</p>}
      {dialog === 'props' && user && (
        <UserProperties
          key={user.dn}
          user={user}
          groups={view.groups}
          run={run}
          onMessage={setBox}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'reset' && user && (
        <ResetPasswordDialog user={user} onOk={reset} onCancel={() => setDialog(undefined)} />
      )}
      {box?.message && (
        <AducMessageBox
          title={box.title ?? ADUC_TEXT.title}
          message={box.message}
          error={!box.ok}
          onClose={() => setBox(undefined)}
        />
      )}
    </div>
  );
}
