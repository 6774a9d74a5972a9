import { useState } from 'react';
import {
  Dropdown,
  Field,
  Input,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useLearnerView } from '../../../../lab/LabContext';
import type { BladeProps } from '../../adminRoutes';
import { BladeFrame } from '../../BladeFrame';
import { useAdminStyles } from '../../adminStyles';
import { UserDetails } from './UserDetails';

const SYNC = ['All', 'Yes', 'No'];

/** Users | All users: search and filter the tenant's users; a user opens their details and actions. */
export function UsersBlade(blade: BladeProps) {
  const s = useAdminStyles();
  const users = useLearnerView().adminCenter.users;
  const [search, setSearch] = useState('');
  const [sync, setSync] = useState('All');
  const [open, setOpen] = useState<string>();
  const rows = users.filter(
    (u) =>
      `${u.displayName} ${u.upn}`.toLowerCase().includes(search.toLowerCase()) &&
      (sync === 'All' || (sync === 'Yes') === (u.source === 'Windows Server AD')),
  );
  return (
    <BladeFrame info={blade.info} route={blade.route} subtitle={blade.subtitle} onNavigate={blade.navigate}>
      <div className={s.filters}>
        <Field label="Search">
          <Input value={search} onChange={(_, d) => setSearch(d.value)} aria-label="Search users" />
        </Field>
        <Field label="On-premises sync enabled">
          <Dropdown
            value={sync}
            selectedOptions={[sync]}
            onOptionSelect={(_, d) => setSync(d.optionValue ?? 'All')}
            aria-label="On-premises sync enabled"
          >
            {SYNC.map((o) => (
              <Option key={o} value={o}>
                {o}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Table size="small" aria-label="Users" data-testid="users">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Display name</TableHeaderCell>
            <TableHeaderCell>User principal name</TableHeaderCell>
            <TableHeaderCell>User type</TableHeaderCell>
            <TableHeaderCell>On-premises sync enabled</TableHeaderCell>
            <TableHeaderCell>Account enabled</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((u) => (
            <TableRow
              key={u.upn}
              className={s.clickable}
              onClick={() => setOpen(u.upn)}
              onKeyDown={(k) => k.key === 'Enter' && setOpen(u.upn)}
              tabIndex={0}
              data-testid={`user-${u.upn}`}
            >
              <TableCell>{u.displayName}</TableCell>
              <TableCell>{u.upn}</TableCell>
              <TableCell>Member</TableCell>
              <TableCell>{u.source === 'Windows Server AD' ? 'Yes' : 'No'}</TableCell>
              <TableCell>{u.accountEnabled ? 'Yes' : 'No'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <UserDetails upn={open} onClose={() => setOpen(undefined)} />
    </BladeFrame>
  );
}
