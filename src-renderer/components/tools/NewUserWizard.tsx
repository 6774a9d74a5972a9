/**
 * ADUC's New Object - User wizard: names and logon names (the full name and the pre-Windows 2000
 * name fill in as the console fills them), then the password and the four account options, then
 * the Finish summary. Finish sends one createUser action; a message box that answers it is nested
 * here (`children`), and after a refused password the wizard is back on its password page.
 */
import { useState, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Input,
  Label,
  Option,
  Text,
  useId,
} from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { ADUC_TEXT, type AducAction, type AducResult } from '../../../simulation';
import { useAducStyles } from './aducStyles';

type CreateUser = Extract<AducAction, { type: 'createUser' }>;

interface Props {
  open: boolean;
  session: number;
  /** The container the wizard creates the user in, and its canonical name (laborhub.store/Users). */
  parent: string;
  where: string;
  domain: string;
  netbios: string;
  onFinish: (action: CreateUser) => AducResult | undefined;
  onInfo: (message: string) => void;
  onCancel: () => void;
  onClosed: () => void;
  children?: ReactNode;
}

export function NewUserWizard(p: Props) {
  const s = useAducStyles();
  return (
    <Dialog
      open={p.open}
      onOpenChange={(_, d) => !d.open && p.onCancel()}
      surfaceMotion={{ onMotionFinish: (_, d) => d.direction === 'exit' && p.onClosed() }}
    >
      <DialogSurface className={s.sheet}>
        {p.open && <WizardForm key={p.session} {...p} />}
        {p.children}
      </DialogSurface>
    </Dialog>
  );
}

function WizardForm({ parent, where, domain, netbios, onFinish, onInfo, onCancel }: Props) {
  const s = useAducStyles();
  const id = useId('aduc-new');
  const [page, setPage] = useState(0);
  const [first, setFirst] = useState('');
  const [initials, setInitials] = useState('');
  const [last, setLast] = useState('');
  const [full, setFull] = useState<string>();
  const [logon, setLogon] = useState('');
  const [suffix, setSuffix] = useState(domain);
  const [sam, setSam] = useState<string>();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [cannotChange, setCannotChange] = useState(false);
  const [neverExpires, setNeverExpires] = useState(false);
  const [disabled, setDisabled] = useState(false);
  // Until typed over, the full name follows the name fields and the pre-Windows 2000 name the logon name.
  const fullName = full ?? [first, initials ? `${initials}.` : '', last].filter(Boolean).join(' ');
  const samName = sam ?? logon.slice(0, 20);
  const field = (label: string, key: string, input: ReactNode) => (
    <div className={s.field}>
      <Label htmlFor={`${id}-${key}`}>{label}</Label>
      {input}
    </div>
  );
  const finish = () => {
    const r = onFinish({
      type: 'createUser',
      parent,
      firstName: first,
      initials,
      lastName: last,
      fullName,
      logonName: logon,
      upnSuffix: suffix,
      samName,
      password,
      confirm,
      mustChange,
      cannotChange,
      neverExpires,
      disabled,
    });
    if (r && !r.ok) setPage(1);
  };
  const summary = [
    `Full name: ${fullName}`,
    '',
    `User logon name: ${logon}@${suffix}`,
    '',
    ...(mustChange ? ['The user must change the password at next logon.'] : []),
    ...(cannotChange ? ['The user cannot change the password.'] : []),
    ...(neverExpires ? ['The password never expires.'] : []),
    ...(disabled ? ['The account is disabled.'] : []),
  ];
  return (
    <form
      data-testid="aduc-new-user"
      onSubmit={(e) => {
        e.preventDefault();
        if (page < 2) setPage(page + 1);
        else finish();
      }}
    >
      <DialogBody>
        <DialogTitle>New Object - User</DialogTitle>
        <DialogContent className={s.body}>
          <div className={s.head}>
            <PersonRegular aria-hidden="true" /> &nbsp;Create in: {where}
          </div>
          {page === 0 && (
            <>
              {field(
                'First name:',
                'first',
                <div className={s.nameAndInitials}>
                  <Input
                    id={`${id}-first`}
                    value={first}
                    onChange={(_, d) => setFirst(d.value)}
                    autoFocus
                    data-testid="aduc-new-first"
                  />
                  <Input
                    aria-label="Initials:"
                    value={initials}
                    maxLength={6}
                    onChange={(_, d) => setInitials(d.value)}
                    data-testid="aduc-new-initials"
                  />
                </div>,
              )}
              {field(
                'Last name:',
                'last',
                <Input
                  id={`${id}-last`}
                  value={last}
                  onChange={(_, d) => setLast(d.value)}
                  data-testid="aduc-new-last"
                />,
              )}
              {field(
                'Full name:',
                'full',
                <Input
                  id={`${id}-full`}
                  value={fullName}
                  maxLength={64}
                  onChange={(_, d) => setFull(d.value)}
                  data-testid="aduc-new-full"
                />,
              )}
              <Label htmlFor={`${id}-logon`}>User logon name:</Label>
              <div className={s.pair}>
                <Input
                  id={`${id}-logon`}
                  value={logon}
                  onChange={(_, d) => setLogon(d.value)}
                  data-testid="aduc-new-logon"
                />
                <Dropdown
                  aria-label="UPN suffix"
                  value={`@${suffix}`}
                  selectedOptions={[suffix]}
                  onOptionSelect={(_, d) => d.optionValue && setSuffix(d.optionValue)}
                >
                  <Option value={domain}>{`@${domain}`}</Option>
                </Dropdown>
              </div>
              <Label htmlFor={`${id}-sam`}>User logon name (pre-Windows 2000):</Label>
              <div className={s.pair}>
                <Input value={`${netbios}\\`} readOnly aria-label="Domain (pre-Windows 2000)" />
                <Input
                  id={`${id}-sam`}
                  value={samName}
                  maxLength={20}
                  onChange={(_, d) => setSam(d.value)}
                  data-testid="aduc-new-sam"
                />
              </div>
            </>
          )}
          {page === 1 && (
            <>
              {field(
                'Password:',
                'pw',
                <Input
                  id={`${id}-pw`}
                  type="password"
                  value={password}
                  onChange={(_, d) => setPassword(d.value)}
                  autoFocus
                  data-testid="aduc-new-password"
                />,
              )}
              {field(
                'Confirm password:',
                'confirm',
                <Input
                  id={`${id}-confirm`}
                  type="password"
                  value={confirm}
                  onChange={(_, d) => setConfirm(d.value)}
                  data-testid="aduc-new-confirm"
                />,
              )}
              <Checkbox
                checked={mustChange}
                onChange={(_, d) => setMustChange(d.checked === true)}
                label="User must change password at next logon"
                data-testid="aduc-new-mustchange"
              />
              <Checkbox
                checked={cannotChange}
                onChange={(_, d) => setCannotChange(d.checked === true)}
                label="User cannot change password"
              />
              <Checkbox
                checked={neverExpires}
                onChange={(_, d) => {
                  const on = d.checked === true;
                  setNeverExpires(on);
                  if (on && mustChange) {
                    setMustChange(false);
                    onInfo(ADUC_TEXT.neverExpiresWarning);
                  }
                }}
                label="Password never expires"
              />
              <Checkbox
                checked={disabled}
                onChange={(_, d) => setDisabled(d.checked === true)}
                label="Account is disabled"
              />
            </>
          )}
          {page === 2 && (
            <>
              <Text>When you click Finish, the following object will be created:</Text>
              <pre className={s.summary} data-testid="aduc-new-summary">
                {summary.join('\n')}
              </pre>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            &lt; Back
          </Button>
          <Button
            type="submit"
            appearance="primary"
            disabled={page === 0 && (!fullName.trim() || !samName.trim())}
            data-testid={page < 2 ? 'aduc-new-next' : 'aduc-new-finish'}
          >
            {page < 2 ? 'Next >' : 'Finish'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
