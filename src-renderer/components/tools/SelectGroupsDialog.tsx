/** ADUC's Select Groups dialog, reduced to a list of the domain's groups to pick one from. */
import { useState } from 'react';
import { GroupTable } from './GroupTable';

export function SelectGroupsDialog({
  groups,
  onOk,
  onCancel,
}: {
  groups: { name: string; folder: string }[];
  onOk: (group: string) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState<string | undefined>();
  return (
    <div className="modal-backdrop aduc-box-backdrop" role="dialog" aria-label="Select Groups">
      <div className="aduc-dialog" data-testid="aduc-select-groups">
        <div className="aduc-dialog-title">Select Groups</div>
        <div className="aduc-dialog-body">
          <p className="hint">Select this object type: Groups or Built-in security principals</p>
          <GroupTable
            groups={groups}
            folderHeader="In Folder"
            selected={chosen}
            onSelect={setChosen}
            onOpen={onOk}
            testIdPrefix="aduc-pick-"
          />
        </div>
        <div className="aduc-buttons">
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={!chosen}
            onClick={() => chosen && onOk(chosen)}
            data-testid="aduc-pick-ok"
          >
            OK
          </button>
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
