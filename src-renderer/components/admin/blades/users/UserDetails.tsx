import { useState } from 'react';
import { Button, Dropdown, Input, Option, Text, Tab, TabList } from '@fluentui/react-components';
import { useLearnerView } from '../../../../lab/LabContext';
import { useAdminStyles } from '../../adminStyles';
import { useAdminAction } from '../../useAdminAction';
import { DetailsDrawer } from '../DetailsDrawer';

const ROLES = [
  'Helpdesk Administrator',
  'Password Administrator',
  'User Administrator',
  'Global Administrator',
];

/**
 * A user's details pane: properties, licences, roles, authentication methods and Reset password
 * (written back to AD for a synced user). The Microsoft 365 admin center's reset is offered beside
 * it because it behaves differently (cloud only, reference §2.7).
 */
export function UserDetails({ upn, onClose }: { upn?: string; onClose: () => void }) {
  const s = useAdminStyles();
  const v = useLearnerView().adminCenter;
  const act = useAdminAction();
  const [tab, setTab] = useState('overview');
  const [role, setRole] = useState(ROLES[0] ?? '');
  const [password, setPassword] = useState('');
  const u = v.users.find((x) => x.upn === upn);
  const sku = v.licenses[0];
  return (
    <DetailsDrawer title={u?.displayName ?? ''} open={!!u} onClose={onClose} testId="user-details">
      {u && (
        <>
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(String(d.value))} size="small">
            <Tab value="overview">Overview</Tab>
            <Tab value="licenses">Licenses</Tab>
            <Tab value="roles">Assigned roles</Tab>
            <Tab value="methods">Authentication methods</Tab>
            <Tab value="reset">Reset password</Tab>
          </TabList>
          {tab === 'overview' && (
            <div className={s.grid2}>
              {(
                [
                  ['User principal name', u.upn],
                  ['Object ID', u.id],
                  ['Created date time', u.createdAt],
                  ['User type', 'Member'],
                  ['Account enabled', u.accountEnabled ? 'Yes' : 'No'],
                  ['On-premises sync enabled', u.source === 'Windows Server AD' ? 'Yes' : 'No'],
                  ['On-premises SAM account name', u.onPremisesSamAccountName ?? ''],
                  ['On-premises last sync date time', u.lastSync ?? ''],
                ] as const
              ).map(([k, val]) => (
                <Text key={k}>
                  <Text weight="semibold">{k}</Text>
                  <br />
                  {val}
                </Text>
              ))}
            </div>
          )}
          {tab === 'licenses' && sku && (
            <div className={s.form}>
              <Text>{u.licenses.join(', ') || 'No license assignments found.'}</Text>
              <Button
                onClick={() =>
                  act({
                    type: 'user.license',
                    user: u.upn,
                    sku: sku.sku,
                    assigned: !u.licenses.includes(sku.name),
                  })
                }
              >
                {u.licenses.includes(sku.name) ? `Remove ${sku.name}` : `Assign ${sku.name}`}
              </Button>
            </div>
          )}
          {tab === 'roles' && (
            <div className={s.form}>
              <Text>{u.roles.join(', ') || 'No role assignments found.'}</Text>
              <div className={s.row}>
                <Dropdown
                  value={role}
                  selectedOptions={[role]}
                  onOptionSelect={(_, d) => setRole(d.optionValue ?? role)}
                  aria-label="Role"
                >
                  {ROLES.map((r) => (
                    <Option key={r} value={r}>
                      {r}
                    </Option>
                  ))}
                </Dropdown>
                <Button
                  onClick={() =>
                    act({ type: 'user.role', user: u.upn, role, assigned: !u.roles.includes(role) })
                  }
                >
                  {u.roles.includes(role) ? 'Remove assignment' : 'Add assignment'}
                </Button>
              </div>
            </div>
          )}
          {tab === 'methods' && (
            <div className={s.form}>
              {u.methods.length === 0 && <Text>No usable methods.</Text>}
              {u.methods.map((m) => (
                <div key={m} className={s.row}>
                  <Text>{m}</Text>
                  <Button
                    size="small"
                    onClick={() =>
                      act({
                        type: 'user.deleteMethod',
                        user: u.upn,
                        method: m.startsWith('Phone') ? 'sms' : 'authenticator',
                      })
                    }
                  >
                    Delete
                  </Button>
                </div>
              ))}
            </div>
          )}
          {tab === 'reset' && (
            <div className={s.form}>
              <Input
                type="password"
                value={password}
                onChange={(_, d) => setPassword(d.value)}
                placeholder="New password"
                aria-label="New password"
              />
              <div className={s.row}>
                <Button
                  appearance="primary"
                  onClick={() =>
                    act({
                      type: 'user.resetPassword',
                      user: u.upn,
                      password,
                      forceChange: false,
                      portal: 'entra',
                    })
                  }
                >
                  Reset password
                </Button>
                <Button
                  onClick={() =>
                    act({
                      type: 'user.resetPassword',
                      user: u.upn,
                      password,
                      forceChange: false,
                      portal: 'm365',
                    })
                  }
                >
                  Reset in Microsoft 365 admin center
                </Button>
              </div>
            </div>
          )}
        </>
      )}
    </DetailsDrawer>
  );
}
