/** ADUC's Select Groups dialog, reduced to a list of the domain's groups to pick one from. */
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { GroupTable } from './GroupTable';
import { useAducStyles } from './aducStyles';

export function SelectGroupsDialog({
  open,
  groups,
  onOk,
  onCancel,
}: {
  open: boolean;
  groups: { name: string; folder: string }[];
  onOk: (group: string) => void;
  onCancel: () => void;
}) {
  const s = useAducStyles();
  const [chosen, setChosen] = useState<string | undefined>();
  const ok = (group: string) => {
    setChosen(undefined);
    onOk(group);
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={s.sheet} data-testid="aduc-select-groups">
        <DialogBody>
          <DialogTitle>Select Groups</DialogTitle>
          <DialogContent className={s.body}>
            <Text className={s.muted}>Select this object type: Groups or Built-in security principals</Text>
            <GroupTable
              groups={groups}
              folderHeader="In Folder"
              selected={chosen}
              onSelect={setChosen}
              onOpen={ok}
              testIdPrefix="aduc-pick-"
              label="Groups"
            />
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!chosen}
              onClick={() => chosen && ok(chosen)}
              data-testid="aduc-pick-ok"
            >
              OK
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
