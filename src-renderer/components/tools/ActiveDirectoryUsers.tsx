/**
 * Active Directory Users and Computers (dsa.msc) on the domain controller: the console tree on the
 * left, the selected container's objects (Name, Type, Description) on the right; a user's
 * Properties (double-click) and Reset Password…; the message boxes the lab's answers call for.
 * While AD DS cannot be reached, the error the console gives instead.
 */
import { useState } from 'react';
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Toolbar,
  ToolbarButton,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { KeyResetRegular, PersonAddRegular, PersonInfoRegular } from '@fluentui/react-icons';
import { type AducObjectView, type AducAction, ADUC_TEXT, type AducResult } from '../../../simulation';
import { useAducAction } from '../../hooks/useAducAction';
import { useLearnerView } from '../../lab/LabContext';
import { AducMessageBox } from './AducMessageBox';
import { AducIcon } from './AducIcon';
import { AducTree } from './AducTree';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { NewUserWizard } from './NewUserWizard';
import { UserProperties } from './UserProperties';
import { useAducStyles } from './aducStyles';

type Where = 'props' | 'reset' | 'new' | 'window';
type DialogKind = 'props' | 'reset' | 'new';

/** laborhub.store from DC=laborhub,DC=store. */
const domainOf = (dn: string) =>
  dn
    .split(',')
    .filter((p) => /^DC=/i.test(p))
    .map((p) => p.slice(3))
    .join('.');

/** The canonical name ADUC's wizards show: laborhub.store/LaborHub/Staff. */
const canonical = (dn: string) =>
  [
    domainOf(dn),
    ...dn
      .split(/,(?=(?:CN|OU|DC)=)/i)
      .filter((p) => !/^DC=/i.test(p))
      .map((p) => p.slice(3))
      .reverse(),
  ].join('/');

export function ActiveDirectoryUsers() {
  const s = useAducStyles();
  const view = useLearnerView().aduc;
  const { run, error } = useAducAction(view?.host ?? '');
  const [node, setNode] = useState('');
  // Nodes whose open/closed state differs from the default (only the domain starts open).
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | undefined>();
  const [dialog, setDialog] = useState<DialogKind | undefined>();
  // Each opening of a dialog starts a fresh form (the dialogs stay mounted: see UserProperties).
  const [session, setSession] = useState(0);
  // The message box: nested in the dialog it answers, or over the window once no dialog is open
  // (a box waiting for a dialog's exit motion is `queued`). Never a sibling of an open dialog.
  const [box, setBox] = useState<{ result: AducResult; where: Where }>();
  const [boxOpen, setBoxOpen] = useState(false);
  const [queued, setQueued] = useState<AducResult>();
  if (!view) return null;
  if (!view.available)
    return (
      <MessageBar intent="error" role="alert" data-testid="aduc-unavailable">
        <MessageBarBody>
          <MessageBarTitle>Active Directory Domain Services</MessageBarTitle>
          {view.unavailableText}
        </MessageBarBody>
      </MessageBar>
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
  const show = (d: DialogKind) => {
    setSession((n) => n + 1);
    setDialog(d);
  };
  const message = (result: AducResult, where: Where) => {
    setBox({ result, where });
    setBoxOpen(true);
  };
  const closed = () => {
    if (!queued) return;
    message(queued, 'window');
    setQueued(undefined);
  };
  const activate = (o: AducObjectView) => {
    if (o.kind === 'user') show('props');
    else if (o.kind !== 'group' && o.kind !== 'computer') open(o.dn);
  };
  const reset = (action: AducAction) => {
    const r = run(action);
    if (r?.message === ADUC_TEXT.mismatch) return message(r, 'reset');
    setDialog(undefined);
    if (r?.message) setQueued(r);
  };
  const newUser = (action: AducAction) => {
    const r = run(action);
    if (r?.ok) setDialog(undefined);
    else if (r?.message) message(r, 'new');
    return r;
  };
  const domain = domainOf(rootDn ?? '');
  const messageBox = (where: Where) =>
    box?.where === where && (
      <AducMessageBox
        open={boxOpen && !!box.result.message}
        title={box.result.title ?? ADUC_TEXT.title}
        message={box.result.message ?? ''}
        error={!box.result.ok}
        onClose={() => setBoxOpen(false)}
      />
    );
  return (
    <div className={s.window} data-testid="aduc">
      <div className={s.menu} aria-hidden="true">
        <span>File</span>
        <span>Action</span>
        <span>View</span>
        <span>Help</span>
      </div>
      <Toolbar size="small" className={s.toolbar} aria-label="Action">
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <ToolbarButton icon={<PersonAddRegular />} disabled={!container} data-testid="aduc-new">
              New
            </ToolbarButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => show('new')} data-testid="aduc-new-user-item">
                User
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <ToolbarButton
          icon={<PersonInfoRegular />}
          disabled={!user}
          onClick={() => show('props')}
          data-testid="aduc-properties"
        >
          Properties
        </ToolbarButton>
        <ToolbarButton
          icon={<KeyResetRegular />}
          disabled={!user}
          onClick={() => show('reset')}
          data-testid="aduc-reset"
        >
          Reset Password...
        </ToolbarButton>
      </Toolbar>
      <div className={s.panes}>
        <AducTree
          title={view.title}
          containers={view.containers}
          selected={container?.dn ?? ''}
          expanded={expanded}
          onSelect={open}
          onToggle={toggle}
        />
        <div className={s.list}>
          <Table size="extra-small" aria-label={container?.name ?? view.title} data-testid="aduc-objects">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Type</TableHeaderCell>
                <TableHeaderCell>Description</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {objects.map((o) => (
                <TableRow
                  key={o.dn}
                  className={s.row}
                  appearance={o.dn === selected ? 'brand' : 'none'}
                  aria-selected={o.dn === selected}
                  tabIndex={0}
                  onClick={() => setSelected(o.dn)}
                  onDoubleClick={() => activate(o)}
                  onKeyDown={(k) => {
                    if (k.key === 'Enter') {
                      setSelected(o.dn);
                      activate(o);
                    } else if (k.key === ' ') setSelected(o.dn);
                  }}
                  data-testid={`aduc-row-${o.name}`}
                >
                  <TableCell className={s.nowrap}>
                    <AducIcon kind={o.kind} disabled={o.disabled} /> {o.name}
                  </TableCell>
                  <TableCell className={s.nowrap}>{o.type}</TableCell>
                  <TableCell>
                    <div className={s.desc}>{o.description}</div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
      <div className={s.status}>{objects.length} object(s)</div>
      {error && (
        <Text className={s.bad} role="alert">
          {error}
        </Text>
      )}
      <UserProperties
        open={dialog === 'props'}
        session={session}
        user={user}
        groups={view.groups}
        run={run}
        onMessage={(r, closing) => (closing ? setQueued(r) : message(r, 'props'))}
        onClose={() => setDialog(undefined)}
        onClosed={closed}
      >
        {messageBox('props')}
      </UserProperties>
      <ResetPasswordDialog
        open={dialog === 'reset'}
        session={session}
        user={user}
        onOk={reset}
        onCancel={() => setDialog(undefined)}
        onClosed={closed}
      >
        {messageBox('reset')}
      </ResetPasswordDialog>
      <NewUserWizard
        open={dialog === 'new'}
        session={session}
        parent={container?.dn ?? ''}
        where={canonical(container?.dn ?? '')}
        domain={domain}
        // The lab's NetBIOS domain name is its first DNS label, upper-cased (LABORHUB).
        netbios={(domain.split('.')[0] ?? '').toUpperCase()}
        onFinish={newUser}
        onInfo={(text) => message({ ok: true, title: ADUC_TEXT.title, message: text }, 'new')}
        onCancel={() => setDialog(undefined)}
        onClosed={closed}
      >
        {messageBox('new')}
      </NewUserWizard>
      {messageBox('window')}
    </div>
  );
}
