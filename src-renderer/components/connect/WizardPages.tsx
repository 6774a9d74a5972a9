import {
  Radio,
  RadioGroup,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Checkbox,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { WIZARD_TEXT, type ConnectView } from '../../../simulation';
import { useWizardStyles } from './wizardStyles';

export type Act = (action: Record<string, unknown>) => void;

export function WelcomePage() {
  return <Text>{WIZARD_TEXT.welcome}</Text>;
}

export function TasksPage({ c, act }: { c: ConnectView; act: Act }) {
  const selected = c.page.page === 'tasks' ? c.page.selected : 'customize';
  return (
    <RadioGroup
      value={selected}
      onChange={(_, d) => act({ type: 'chooseTask', task: d.value })}
      aria-label="Tasks"
    >
      {c.tasks.map((t) => (
        <Radio key={t.id} value={t.id} label={t.label} data-testid={`task-${t.id}`} />
      ))}
    </RadioGroup>
  );
}

export function DirectoriesPage({ c }: { c: ConnectView }) {
  return (
    <Table size="small" aria-label="Configured directories">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>DIRECTORY</TableHeaderCell>
          <TableHeaderCell>TYPE</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        <TableRow>
          <TableCell>{c.configuration?.forest}</TableCell>
          <TableCell>Active Directory</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

export function StagingPage({ c, act }: { c: ConnectView; act: Act }) {
  return (
    <Checkbox
      label={WIZARD_TEXT.stagingLabel}
      checked={c.draft?.staging ?? false}
      onChange={(_, d) => act({ type: 'setStaging', enabled: !!d.checked })}
      data-testid="wizard-staging"
    />
  );
}

export function ReadyPage({ c, act }: { c: ConnectView; act: Act }) {
  const s = useWizardStyles();
  const d = c.draft;
  return (
    <div className={s.stack}>
      <Text>{WIZARD_TEXT.readyIntro(c.configuration?.forest ?? '')}</Text>
      <ul>
        {d &&
          (Object.keys(d.featureLabels) as (keyof typeof d.featureLabels)[])
            .filter((f) => d.features[f])
            .map((f) => <li key={f}>{d.featureLabels[f]}</li>)}
        {d?.staging && <li>{WIZARD_TEXT.stagingLabel}</li>}
      </ul>
      <Checkbox
        label={WIZARD_TEXT.startSync}
        checked={d?.startSync ?? true}
        onChange={(_, x) => act({ type: 'setStartSync', enabled: !!x.checked })}
      />
    </div>
  );
}

export function CheckingPage() {
  return <Spinner size="small" label={WIZARD_TEXT.checking} labelPosition="after" />;
}

export function CompletePage({ c }: { c: ConnectView }) {
  if (c.page.page !== 'complete') return null;
  return (
    <MessageBar intent={c.page.ok ? 'success' : 'error'} data-testid="wizard-result">
      <MessageBarBody>{c.page.message}</MessageBarBody>
    </MessageBar>
  );
}

export function ViewConfigPage({ c }: { c: ConnectView }) {
  const s = useWizardStyles();
  const cfg = c.configuration;
  if (!cfg) return null;
  const rows: [string, string][] = [
    ['Version', cfg.version],
    ['Synchronization server', cfg.serverName],
    ['Microsoft Entra directory', cfg.tenant],
    ['Directory', cfg.forest],
    ['AD DS connector account', cfg.connectorAccount],
    ['User sign-in', cfg.signIn],
    ['Source anchor', cfg.sourceAnchor],
    ['Password hash synchronization', cfg.features.passwordHashSync ? 'Enabled' : 'Disabled'],
    ['Password writeback', cfg.features.passwordWriteback ? 'Enabled' : 'Disabled'],
    ['Staging mode', cfg.stagingMode ? 'Enabled' : 'Disabled'],
    ['Filtering', cfg.ouFilter === 'all' ? 'All domains and OUs' : cfg.ouFilter.join('; ')],
  ];
  return (
    <div className={s.grid2} data-testid="wizard-config">
      {rows.flatMap(([k, v]) => [
        <Text key={`k${k}`} weight="semibold">
          {k}
        </Text>,
        <Text key={`v${k}`}>{v}</Text>,
      ])}
    </div>
  );
}

export function NotModelledPage() {
  return <Text>{WIZARD_TEXT.notModelled}</Text>;
}
