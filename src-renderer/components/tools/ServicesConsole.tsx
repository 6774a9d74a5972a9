/**
 * The Services console on a Windows host: the services table (status, startup type, log-on
 * account), and start, stop or restart for the selected service. As in the real console, the
 * toolbar greys out what does not apply (Start for a running or disabled service, Stop and Restart
 * for a stopped one) and the extended view's links offer only what does.
 */
import { useState } from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Toolbar,
  ToolbarButton,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, PlayRegular, StopRegular } from '@fluentui/react-icons';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';
import { useToolsStyles } from './toolsStyles';

export function ServicesConsole({ host }: { host: string }) {
  const st = useToolsStyles();
  const tools = useLearnerView().tools[host];
  const { send, error } = useDispatch();
  const [selected, setSelected] = useState<string | undefined>();
  if (!tools) return null;
  const s = tools.services.find((x) => x.name === selected);
  const running = s?.status === 'Running';
  const act = (type: 'service.start' | 'service.stop' | 'service.restart') =>
    s && send({ type, host, service: s.name });
  return (
    <div className={st.main}>
      <Toolbar size="small" aria-label="Services toolbar" data-testid="services-toolbar">
        <Tooltip content="Start Service" relationship="label">
          <ToolbarButton
            icon={<PlayRegular />}
            disabled={!s || running || s.startType === 'Disabled'}
            onClick={() => act('service.start')}
            data-testid="svc-tb-start"
          />
        </Tooltip>
        <Tooltip content="Stop Service" relationship="label">
          <ToolbarButton
            icon={<StopRegular />}
            disabled={!s || !running}
            onClick={() => act('service.stop')}
            data-testid="svc-tb-stop"
          />
        </Tooltip>
        <Tooltip content="Restart Service" relationship="label">
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            disabled={!s || !running}
            onClick={() => act('service.restart')}
            data-testid="svc-tb-restart"
          />
        </Tooltip>
      </Toolbar>
      <div className={st.twoPanes} data-testid="services">
        <div className={st.main}>
          {s ? (
            <>
              <Text as="h3" weight="semibold" size={400}>
                {s.displayName}
              </Text>
              <div className={st.actions}>
                {s.status === 'Stopped' ? (
                  <Button
                    size="small"
                    icon={<PlayRegular />}
                    disabled={s.startType === 'Disabled'}
                    onClick={() => send({ type: 'service.start', host, service: s.name })}
                    data-testid="svc-start"
                  >
                    Start the service
                  </Button>
                ) : (
                  <>
                    <Button
                      size="small"
                      icon={<StopRegular />}
                      onClick={() => send({ type: 'service.stop', host, service: s.name })}
                      data-testid="svc-stop"
                    >
                      Stop the service
                    </Button>
                    <Button
                      size="small"
                      icon={<ArrowClockwiseRegular />}
                      onClick={() => send({ type: 'service.restart', host, service: s.name })}
                      data-testid="svc-restart"
                    >
                      Restart the service
                    </Button>
                  </>
                )}
              </div>
              <Text className={st.muted}>Description:</Text>
              <Text>{s.description}</Text>
              <Text className={st.muted}>Service name: {s.name}</Text>
              {error && (
                <Text className={st.bad} role="alert">
                  {error}
                </Text>
              )}
            </>
          ) : (
            <Text className={st.muted}>Select an item to view its description.</Text>
          )}
        </div>
        <Table size="extra-small" aria-label="Services (Local)" data-testid="services-table">
          <TableHeader>
            <TableRow>
              {['Name', 'Description', 'Status', 'Startup Type', 'Log On As'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {tools.services.map((x) => (
              <TableRow
                key={x.name}
                className={st.row}
                appearance={x.name === selected ? 'brand' : 'none'}
                aria-selected={x.name === selected}
                tabIndex={0}
                onClick={() => setSelected(x.name)}
                onKeyDown={(k) => k.key === 'Enter' && setSelected(x.name)}
              >
                <TableCell>{x.displayName}</TableCell>
                <TableCell>
                  <div className={st.ellipsis}>{x.description}</div>
                </TableCell>
                <TableCell>{x.status === 'Running' ? 'Running' : ''}</TableCell>
                <TableCell>{x.startType}</TableCell>
                <TableCell className={st.nowrap}>{x.logOnAs}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
