import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useLearnerView } from '../../../../lab/LabContext';
import type { BladeProps } from '../../adminRoutes';
import { BladeFrame } from '../../BladeFrame';
import { AM_TEXT } from '../../adminTexts';
import { useAdminAction } from '../../useAdminAction';

const MIGRATION = ['Pre-migration', 'Migration in progress', 'Migration complete'] as const;

/** Authentication methods | Policies: each method with its target and whether it is on; a method opens its settings. */
export function PoliciesBlade(blade: BladeProps) {
  const a = useLearnerView().adminCenter.authMethods;
  const act = useAdminAction();
  const [migrating, setMigrating] = useState(false);
  const [state, setState] = useState<string>(a.migration);
  return (
    <BladeFrame info={blade.info} route={blade.route} subtitle={blade.subtitle} onNavigate={blade.navigate}>
      <Text>{AM_TEXT.intro}</Text>
      <Text>
        {AM_TEXT.migrationStatus}: {a.migration}.{' '}
        <Link onClick={() => setMigrating(true)} data-testid="manage-migration">
          {AM_TEXT.manageMigration}
        </Link>
      </Text>
      <Table size="small" aria-label="Authentication method policies" data-testid="auth-methods">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{AM_TEXT.method}</TableHeaderCell>
            <TableHeaderCell>{AM_TEXT.target}</TableHeaderCell>
            <TableHeaderCell>{AM_TEXT.enabled}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {a.policies.map((p) => (
            <TableRow key={p.id}>
              <TableCell>
                <Link onClick={() => blade.navigate(`am:method:${p.id}`)} data-testid={`method-${p.id}`}>
                  {p.label}
                </Link>
              </TableCell>
              <TableCell>{p.target}</TableCell>
              <TableCell>{p.enabled ? AM_TEXT.yes : AM_TEXT.no}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={migrating} onOpenChange={(_, d) => setMigrating(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{AM_TEXT.manageMigration}</DialogTitle>
            <DialogContent>
              <RadioGroup
                value={state}
                onChange={(_, d) => setState(d.value)}
                aria-label={AM_TEXT.migrationStatus}
              >
                {MIGRATION.map((m) => (
                  <Radio key={m} value={m} label={m} />
                ))}
              </RadioGroup>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  act({ type: 'authMethods.migration', state });
                  setMigrating(false);
                }}
              >
                Save
              </Button>
              <Button onClick={() => setMigrating(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </BladeFrame>
  );
}
