/**
 * A user's Properties dialog in ADUC: the General, Account and Member Of tabs. Changes wait in the
 * dialog until OK or Apply, which send them to the lab one action at a time and stop at the first
 * one the DC refuses (its message box shows).
 *
 * The Fluent dialog stays mounted and closes through `open`: a dialog unmounted before its exit
 * transition ends (about 300 ms) leaves `aria-hidden` on the app's root, hiding the whole app from
 * assistive technology. For the same reason a message box is never a sibling of an open dialog:
 * one that answers the open sheet is nested in it (`children`), and one that follows a closing
 * sheet waits until its exit motion has finished (`onClosed`). The sheet starts afresh each time
 * it opens (`session`).
 */
import { useState, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  Label,
  Tab,
  TabList,
  useId,
} from '@fluentui/react-components';
import { type AducAction, type AducUserView, type AducResult } from '../../../simulation';
import { AccountTab, type AccountOption } from './AccountTab';
import { AducIcon } from './AducIcon';
import { MemberOfTab } from './MemberOfTab';
import { useAducStyles } from './aducStyles';

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
  open: boolean;
  session: number;
  user: AducUserView | undefined;
  groups: { name: string; folder: string }[];
  run: (action: AducAction) => AducResult | undefined;
  /** A message from the DC; `closing` when the sheet closes after it (OK), so it must wait. */
  onMessage: (r: AducResult, closing: boolean) => void;
  onClose: () => void;
  /** The sheet's exit motion has finished. */
  onClosed: () => void;
  /** A message box nested in the sheet. */
  children?: ReactNode;
}

export function UserProperties(props: Props) {
  const s = useAducStyles();
  const { open, session, user, onClose, onClosed, children } = props;
  return (
    <Dialog
      open={open && !!user}
      onOpenChange={(_, d) => !d.open && onClose()}
      surfaceMotion={{ onMotionFinish: (_, d) => d.direction === 'exit' && onClosed() }}
    >
      <DialogSurface className={s.sheet} aria-label={user ? `${user.name} Properties` : undefined}>
        {user && <Sheet key={session} {...props} user={user} />}
        {children}
      </DialogSurface>
    </Dialog>
  );
}

function Sheet({ user, groups, run, onMessage, onClose }: Props & { user: AducUserView }) {
  const s = useAducStyles();
  const id = useId('aduc-general');
  const [tab, setTab] = useState<Tab>('general');
  const [pending, setPending] = useState<Pending>(NONE);
  const dirty = actionsOf(user, pending).length > 0;
  const apply = (closing: boolean): boolean => {
    for (const action of actionsOf(user, pending)) {
      const r = run(action);
      if (r?.message) onMessage(r, closing && !!r.ok);
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
    <DialogBody data-testid="aduc-props">
      <DialogTitle>{user.name} Properties</DialogTitle>
      <DialogContent>
        <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tab)}>
          {TABS.map((t) => (
            <Tab key={t.id} value={t.id} data-testid={`aduc-tab-${t.id}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        {tab === 'general' && (
          <div className={s.body} data-testid="aduc-general">
            <div className={s.head}>
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
            ).map(([label, value], i) => (
              <div key={label} className={s.field}>
                <Label htmlFor={`${id}-${i}`}>{label}</Label>
                <Input id={`${id}-${i}`} value={value} readOnly />
              </div>
            ))}
          </div>
        )}
        {tab === 'account' && (
          <AccountTab
            user={user}
            unlock={pending.unlock}
            options={pending.options}
            onUnlock={(unlock) => setPending({ ...pending, unlock })}
            onOption={(k, v) => setPending({ ...pending, options: { ...pending.options, [k]: v } })}
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
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" onClick={() => apply(true) && onClose()} data-testid="aduc-ok">
          OK
        </Button>
        <Button onClick={onClose} data-testid="aduc-cancel">
          Cancel
        </Button>
        <Button disabled={!dirty} onClick={() => apply(false)} data-testid="aduc-apply">
          Apply
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
