/**
 * The gateway's firewall page: its rules in the order they are checked, removing one, and adding
 * an outbound TCP allow rule for a host pattern and port.
 */
import { useState } from 'react';
import {
  Button,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';
import { useToolsStyles } from './toolsStyles';

export function GatewayPage() {
  const s = useToolsStyles();
  const g = useLearnerView().gateway;
  const { send, error } = useDispatch();
  const [host, setHost] = useState('*.servicebus.windows.net');
  const [port, setPort] = useState('443');
  return (
    <div className={s.main} data-testid="gateway">
      <Text as="h3" weight="semibold" size={400}>
        {g.name} ({g.lanAddress}) · Firewall rules
      </Text>
      <Text className={s.muted}>
        Rules are checked from the top; the first that matches decides. New allow rules go to the top.
        Outbound traffic that matches no rule is allowed.
      </Text>
      <Table size="small" aria-label="Firewall rules" data-testid="fw-rules">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 48 }}>#</TableHeaderCell>
            <TableHeaderCell>Rule</TableHeaderCell>
            <TableHeaderCell style={{ width: 120 }}>
              <span className={s.muted}>Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {g.rules.map((r, i) => (
            <TableRow key={r.id}>
              <TableCell>{i + 1}</TableCell>
              <TableCell>{r.summary}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  icon={<DeleteRegular />}
                  onClick={() => send({ type: 'gateway.firewall', remove: r.id })}
                  data-testid={`fw-delete-${i}`}
                >
                  Delete
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {g.rules.length === 0 && <Text className={s.muted}>No rules: all outbound traffic is allowed.</Text>}
      <form
        className={s.inline}
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(port);
          send({
            type: 'gateway.firewall',
            add: {
              id: `allow-${host}-${port}`.replace(/[^a-z0-9.*-]/gi, '-'),
              direction: 'outbound',
              action: 'allow',
              transport: 'tcp',
              ...(host ? { host } : {}),
              ...(Number.isInteger(n) && n > 0 ? { port: n } : {}),
            },
          });
        }}
      >
        <Text>Allow outbound TCP to</Text>
        <Input
          value={host}
          onChange={(_, d) => setHost(d.value)}
          aria-label="Destination host pattern"
          data-testid="fw-host"
        />
        <Text>port</Text>
        <Input
          value={port}
          onChange={(_, d) => setPort(d.value)}
          aria-label="Port"
          style={{ width: 80, minWidth: 80 }}
          data-testid="fw-port"
        />
        <Button type="submit" icon={<AddRegular />} data-testid="fw-add">
          Add rule
        </Button>
      </form>
      {error && (
        <Text className={s.bad} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
