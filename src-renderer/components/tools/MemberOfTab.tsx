/**
 * The Member Of tab of a user's properties in ADUC: the groups with their folders, Add… (Select
 * Groups) and Remove, both applied with OK or Apply, and the primary group.
 */
import { useState } from 'react';
import { GroupTable } from './GroupTable';
import type { AducUserView } from '../../../simulation';
import { SelectGroupsDialog } from './SelectGroupsDialog';

interface Props {
  user: AducUserView;
  groups: { name: string; folder: string }[];
  add: string[];
  remove: string[];
  onChange: (add: string[], remove: string[]) => void;
}

export function MemberOfTab({ user, groups, add, remove, onChange }: Props) {
  const [selected, setSelected] = useState<string | undefined>();
  const [picking, setPicking] = useState(false);
  const shown = [
    ...user.memberOf.filter((g) => !remove.includes(g.name)),
    ...groups.filter((g) => add.includes(g.name)),
  ];
  return (
    <div className="aduc-tab-body" data-testid="aduc-memberof">
      <span className="aduc-label">Member of:</span>
      <GroupTable
        groups={shown}
        folderHeader="Active Directory Domain Services Folder"
        selected={selected}
        onSelect={setSelected}
        testIdPrefix="aduc-member-"
      />
      <div className="aduc-row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setPicking(true)}
          data-testid="aduc-memberof-add"
        >
          Add...
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!selected || !shown.some((g) => g.name === selected)}
          onClick={() => {
            if (!selected) return;
            if (add.includes(selected))
              onChange(
                add.filter((g) => g !== selected),
                remove,
              );
            else onChange(add, [...remove, selected]);
            setSelected(undefined);
          }}
          data-testid="aduc-memberof-remove"
        >
          Remove
        </button>
      </div>
      <p>
        Primary group: <strong>{user.primaryGroup}</strong>
      </p>
      <button type="button" className="btn btn-small" disabled>
        Set Primary Group
      </button>
      {picking && (
        <SelectGroupsDialog
          groups={groups.filter((g) => !shown.some((s) => s.name === g.name))}
          onCancel={() => setPicking(false)}
          onOk={(group) => {
            setPicking(false);
            if (remove.includes(group))
              onChange(
                add,
                remove.filter((g) => g !== group),
              );
            else onChange([...add, group], remove);
          }}
        />
      )}
    </div>
  );
}
