import {
  Checkbox,
  MessageBar,
  MessageBarBody,
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
import { PR_TEXT } from '../../adminTexts';
import { useViewAdminPage } from '../../useViewAdminPage';
import { useBladeDraft } from '../../useBladeDraft';
import { SavedForm } from '../SavedForm';
import { useSave } from '../useSave';

/**
 * Password reset | On-premises integration: the writeback client's status line, the agents the
 * tenant knows, and the two writeback checkboxes with the unlock option under them.
 */
export function OnPremisesBlade(blade: BladeProps) {
  const o = useLearnerView().adminCenter.passwordReset.onPremises;
  const d = useBladeDraft(blade.route, { writeback: o.writeback, allowUnlock: o.allowUnlock });
  const s = useSave(d.discard);
  const cloudSyncAgent = o.agents[1]?.status !== 'Not detected';
  const view = useViewAdminPage();
  return (
    <SavedForm
      blade={blade}
      dirty={d.dirty}
      error={s.error}
      onDiscard={s.discard}
      onRefresh={() => view(blade.route)}
      onSave={() =>
        s.save({
          type: 'sspr.onPremises',
          writeback: d.value.writeback,
          allowUnlock: d.value.writeback && d.value.allowUnlock,
        })
      }
    >
      <MessageBar intent={o.healthy ? 'success' : 'warning'} data-testid="onprem-status">
        <MessageBarBody>{o.status}</MessageBarBody>
      </MessageBar>
      <Table size="small" aria-label="On-premises agents" data-testid="onprem-agents">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Agent</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {o.agents.map((a) => (
            <TableRow key={a.name}>
              <TableCell>{a.name}</TableCell>
              <TableCell>{a.status}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text weight="semibold">{PR_TEXT.connectSection}</Text>
      <Checkbox
        label={PR_TEXT.writeback}
        checked={d.value.writeback}
        onChange={(_, x) => d.set({ writeback: !!x.checked })}
        data-testid="onprem-writeback"
      />
      <Checkbox
        label={PR_TEXT.allowUnlock}
        checked={d.value.writeback && d.value.allowUnlock}
        disabled={!d.value.writeback}
        onChange={(_, x) => d.set({ allowUnlock: !!x.checked })}
        data-testid="onprem-unlock"
      />
      <Text weight="semibold">{PR_TEXT.cloudSyncSection}</Text>
      <Checkbox
        label={PR_TEXT.cloudSyncWriteback}
        checked={o.cloudSyncWriteback}
        disabled={!cloudSyncAgent}
      />
    </SavedForm>
  );
}
