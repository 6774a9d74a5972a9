/**
 * The Synchronization Service Manager on the Entra Connect server: the Operations tab (the sync
 * runs and the selected run's details) and the Connectors tab, where the AD connector's properties
 * change its account password and LDAP sign-and-encrypt; while the sync service is unavailable,
 * the dialog that says why.
 */
import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';
import { useToolsStyles } from './toolsStyles';

export function SyncServiceManager() {
  const s = useToolsStyles();
  const sm = useLearnerView().syncManager;
  const { send, error } = useDispatch();
  const [tab, setTab] = useState<'operations' | 'connectors'>('operations');
  const [selectedRun, setSelectedRun] = useState<number | undefined>();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const [sign, setSign] = useState<boolean | undefined>();
  if (!sm) return <Text className={s.off}>Microsoft Entra Connect is not installed on this server.</Text>;
  if (!sm.available)
    return (
      <MessageBar intent="error" className={s.alert} role="alert" data-testid="syncmanager-unavailable">
        <MessageBarBody>
          <MessageBarTitle>Synchronization Service Manager</MessageBarTitle>
          {sm.unavailableText}
        </MessageBarBody>
      </MessageBar>
    );
  const run = sm.operations.find((o) => o.id === selectedRun) ?? sm.operations[0];
  const ad = sm.connectors[0];
  return (
    <div className={s.main} data-testid="syncmanager">
      <TabList
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as 'operations' | 'connectors')}
        aria-label="Synchronization Service Manager"
      >
        <Tab value="operations" data-testid="sm-operations-tab">
          Operations
        </Tab>
        <Tab value="connectors" data-testid="sm-connectors">
          Connectors
        </Tab>
      </TabList>
      {tab === 'operations' ? (
        <>
          <div className={`${s.list} ${s.tallList}`}>
            <Table size="extra-small" aria-label="Operations" data-testid="sm-operations">
              <TableHeader>
                <TableRow>
                  {['Name', 'Profile Name', 'Status', 'Start Time', 'End Time'].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {sm.operations.slice(0, 200).map((o) => (
                  <TableRow
                    key={o.id}
                    className={s.row}
                    appearance={run?.id === o.id ? 'brand' : 'none'}
                    aria-selected={run?.id === o.id}
                    tabIndex={0}
                    onClick={() => setSelectedRun(o.id)}
                    onKeyDown={(k) => k.key === 'Enter' && setSelectedRun(o.id)}
                  >
                    <TableCell>{o.connector}</TableCell>
                    <TableCell>{o.profile}</TableCell>
                    <TableCell className={o.status === 'success' ? undefined : s.bad}>{o.status}</TableCell>
                    <TableCell className={s.nowrap}>{o.start}</TableCell>
                    <TableCell className={s.nowrap}>{o.end}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {sm.operations.length === 0 && <Text className={s.muted}>No run history.</Text>}
          </div>
          {run && (
            <div className={s.detail} data-testid="sm-run">
              <Text weight="semibold">
                {run.connector} · {run.profile} · Status: {run.status}
              </Text>
              <dl className={s.kv}>
                <dt>Adds</dt>
                <dd>{run.adds}</dd>
                <dt>Updates</dt>
                <dd>{run.updates}</dd>
                <dt>Deletes</dt>
                <dd>{run.deletes}</dd>
                <dt>Errors</dt>
                <dd>{run.errors}</dd>
              </dl>
              {run.detail && (
                <pre className={s.message} tabIndex={0}>
                  {run.detail}
                </pre>
              )}
            </div>
          )}
        </>
      ) : (
        <div>
          <Table size="small" aria-label="Connectors">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Type</TableHeaderCell>
                <TableHeaderCell>State</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sm.connectors.map((c) => (
                <TableRow key={c.name}>
                  <TableCell>{c.name}</TableCell>
                  <TableCell>{c.type}</TableCell>
                  <TableCell>{c.state}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {ad && !editing && (
            <Button
              size="small"
              onClick={() => {
                setEditing(true);
                setSign(ad.ldapSignAndEncrypt);
                setPassword('');
              }}
              data-testid="sm-properties"
            >
              Properties of {ad.name}
            </Button>
          )}
          {ad && editing && (
            <form
              className={s.form}
              onSubmit={(e) => {
                e.preventDefault();
                const ok = send({
                  type: 'syncmanager.connector',
                  ...(password ? { password } : {}),
                  ...(sign !== ad.ldapSignAndEncrypt ? { ldapSignAndEncrypt: sign } : {}),
                });
                if (ok) setEditing(false);
              }}
            >
              <Text as="h3" weight="semibold">
                Connect to Active Directory Forest
              </Text>
              <Field label="Forest name">
                <Input value={ad.forest ?? ''} readOnly />
              </Field>
              <Field label="User name">
                <Input value={ad.account ?? ''} readOnly />
              </Field>
              <Field label="Password">
                <Input
                  type="password"
                  value={password}
                  onChange={(_, d) => setPassword(d.value)}
                  placeholder="(unchanged)"
                  data-testid="sm-password"
                />
              </Field>
              <Field label="Domain">
                <Input value={ad.domain ?? ''} readOnly />
              </Field>
              <fieldset className={s.fieldset}>
                <legend>Configure Connection Options</legend>
                <Checkbox
                  checked={sign ?? false}
                  onChange={(_, d) => setSign(d.checked === true)}
                  label="Sign and Encrypt LDAP Traffic"
                  data-testid="sm-sign"
                />
              </fieldset>
              <div className={s.inline}>
                <Button
                  type="submit"
                  appearance="primary"
                  disabled={!password && sign === ad.ldapSignAndEncrypt}
                  data-testid="sm-ok"
                >
                  OK
                </Button>
                <Button onClick={() => setEditing(false)}>Cancel</Button>
              </div>
              {error && (
                <Text className={s.bad} role="alert">
                  {error}
                </Text>
              )}
            </form>
          )}
        </div>
      )}
    </div>
  );
}
