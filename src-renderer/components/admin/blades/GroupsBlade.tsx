import { useState } from 'react';
import {
  Button,
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
  Text,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useLearnerView } from '../../../lab/LabContext';
import type { BladeProps } from '../adminRoutes';
import { BladeFrame } from '../BladeFrame';
import { useAdminStyles } from '../adminStyles';
import { useAdminAction } from '../useAdminAction';
import { DetailsDrawer } from './DetailsDrawer';

/** Groups | All groups: the tenant's groups (synced ones read-only), with members in a details pane. */
export function GroupsBlade(blade: BladeProps) {
  const s = useAdminStyles();
  const v = useLearnerView().adminCenter;
  const act = useAdminAction();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string>();
  const [name, setName] = useState('');
  const [member, setMember] = useState('');
  const group = v.groups.find((g) => g.id === open);
  const rows = v.groups.filter((g) => g.name.toLowerCase().includes(search.toLowerCase()));
  return (
    <BladeFrame info={blade.info} route={blade.route} subtitle={blade.subtitle} onNavigate={blade.navigate}>
      <div className={s.filters}>
        <Field label="Search">
          <Input value={search} onChange={(_, d) => setSearch(d.value)} aria-label="Search groups" />
        </Field>
        <Field label="New group">
          <Input
            value={name}
            onChange={(_, d) => setName(d.value)}
            placeholder="Group name"
            aria-label="Group name"
          />
        </Field>
        <Button
          icon={<AddRegular />}
          onClick={() => act({ type: 'group.create', name })}
          disabled={!name.trim()}
        >
          New group
        </Button>
      </div>
      <Table size="small" aria-label="Groups" data-testid="groups">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Object Id</TableHeaderCell>
            <TableHeaderCell>Group type</TableHeaderCell>
            <TableHeaderCell>Source</TableHeaderCell>
            <TableHeaderCell>Members</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((g) => (
            <TableRow key={g.id} className={s.clickable} onClick={() => setOpen(g.id)} tabIndex={0}>
              <TableCell>{g.name}</TableCell>
              <TableCell>{g.id}</TableCell>
              <TableCell>Security</TableCell>
              <TableCell>{g.source}</TableCell>
              <TableCell>{g.members.length}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <DetailsDrawer
        title={group?.name ?? ''}
        open={!!group}
        onClose={() => setOpen(undefined)}
        testId="group-details"
        fields={
          group
            ? [
                ['Source', group.source],
                ['Members', group.members.join(', ') || '—'],
              ]
            : []
        }
      >
        {group && group.source === 'Cloud' && (
          <div className={s.row} style={{ marginTop: 12 }}>
            <Dropdown
              placeholder="Add member"
              aria-label="Add member"
              selectedOptions={member ? [member] : []}
              value={member}
              onOptionSelect={(_, d) => setMember(d.optionValue ?? '')}
            >
              {v.users.map((u) => (
                <Option key={u.upn} value={u.upn}>
                  {u.upn}
                </Option>
              ))}
            </Dropdown>
            <Button
              disabled={!member}
              onClick={() => act({ type: 'group.member', group: group.name, user: member, add: true })}
            >
              Add
            </Button>
          </div>
        )}
        {group && group.source !== 'Cloud' && (
          <Text block className={s.muted}>
            This group is synchronized from your on-premises directory.
          </Text>
        )}
      </DetailsDrawer>
    </BladeFrame>
  );
}
