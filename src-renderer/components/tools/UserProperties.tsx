/**
 * A user's Properties dialog in ADUC: the General, Account and Member Of tabs. Changes wait in the
 * dialog until OK or Apply, which send them to the lab one action at a time and stop at the first
 * one the DC refuses (its message box shows).
 */
import { useState } from 'react';
import { type AducAction, type AducUserView, type AducResult } from '../../../simulation';
import { AccountTab, type AccountOption } from './AccountTab';
import { AducIcon } from './AducIcon';
import { MemberOfTab } from './MemberOfTab';

type Tab = 'general' | 'account' | 'memberof';
const TABS: { id: Tab; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'account', label: 'Account' },
  { id: 'memberof', label: 'Member Of' },
];

interface Pending {
  unlock: boolean;
  options: Partial<Record<AccountOption, boolean>>;
  add: string[];
  remove: string[];
}
const NONE: Pending = { unlock: false, options: {}, add: [], remove: [] };

/** The actions the staged changes stand for (options only where they differ from the account). */
function actionsOf(user: AducUserView, p: Pending): AducAction[] {
  const out: AducAction[] = [];
  if (p.unlock && user.account.lockedOut) out.push({ type: 'unlock', user: user.sam });
  const changed = Object.fromEntries(
    Object.entries(p.options).filter(([k, v]) => user.account[k as AccountOption] !== v),
  );
  if (Object.keys(changed).length > 0) out.push({ type: 'setAccountOptions', user: user.sam, ...changed });
  for (const group of p.add) out.push({ type: 'addToGroup', user: user.sam, group });
  for (const group of p.remove) out.push({ type: 'removeFromGroup', user: user.sam, group });
  return out;
}

interface Props {
  user: AducUserView;
  groups: { name: string; folder: string }[];
  run: (action: AducAction) => AducResult | undefined;
  onMessage: (r: AducResult) => void;
  onClose: () => void;
}

export function UserProperties({ user, groups, run, onMessage, onClose }: Props) {
  const [tab, setTab] = useState<Tab>('general');
  const [pending, setPending] = useState<Pending>(NONE);
  const dirty = actionsOf(user, pending).length > 0;
  const apply = (): boolean => {
    for (const action of actionsOf(user, pending)) {
      const r = run(action);
      if (r?.message) onMessage(r);
      if (!r?.ok) {
        setPending(NONE);
        return false;
      }
    }
    setPending(NONE);
    return true;
  };
  const g = user.general;
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label={`${user.name} Properties`}>
      <div className="aduc-dialog aduc-props" data-testid="aduc-props">
        <div className="aduc-dialog-title">{user.name} Properties</div>
        <div className="aduc-tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={`aduc-tab${tab === t.id ? ' is-active' : ''}`}
              onClick={() => setTab(t.id)}
              data-testid={`aduc-tab-${t.id}`}
            >
              {t.label}
            </button>
          ))}
        </div>
        {tab === 'general' && (
          <div className="aduc-tab-body aduc-general" data-testid="aduc-general">
            <div className="aduc-general-head">
              <AducIcon kind="user" /> {user.name}
            </div>
            {(
              [
                ['First name:', g.firstName],
                ['Last name:', g.lastName],
                ['Display name:', g.displayName],
                ['Description:', g.description],
                ['E-mail:', g.email],
              ] as const
            ).map(([label, value]) => (
              <label key={label} className="aduc-field">
                <span>{label}</span>
                <input value={value} readOnly />
              </label>
            ))}
          </div>
        )}
        {tab === 'account' && (
          <AccountTab
            user={user}
            unlock={pending.unlock}
            options={pending.options}
            onUnlock={(unlock) => setPending({ ...pending, unlock })}
            onOption={(id, v) => setPending({ ...pending, options: { ...pending.options, [id]: v } })}
          />
        )}
        {tab === 'memberof' && (
          <MemberOfTab
            user={user}
            groups={groups}
            add={pending.add}
            remove={pending.remove}
            onChange={(add, remove) => setPending({ ...pending, add, remove })}
          />
        )}
        <div className="aduc-buttons">
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={() => apply() && onClose()}
            data-testid="aduc-ok"
          >
            OK
          </button>
          <button type="button" className="btn btn-small" onClick={onClose} data-testid="aduc-cancel">
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!dirty}
            onClick={apply}
            data-testid="aduc-apply"
          >
            Apply
          </button>
        </div>
      </div>
    </div>
  );
}
