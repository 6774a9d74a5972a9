/**
 * The Member Of tab of a user's properties in ADUC: the groups with their folders, Add… (Select
 * Groups) and Remove, both applied with OK or Apply, and the primary group.
 */
import { useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { GroupTable } from './GroupTable';
import type { AducUserView } from '../../../simulation';
import { SelectGroupsDialog } from './SelectGroupsDialog';
import { useAducStyles } from './aducStyles';

interface Props {
  user: AducUserView;
  groups: { name: string; folder: string }[];
  add: string[];
  remove: string[];
  onChange: (add: string[], remove: string[]) => void;
}

export function MemberOfTab({ user, groups, add, remove, onChange }: Props) {
  const s = useAducStyles();
  const [selected, setSelected] = useState<string | undefined>();
  const [picking, setPicking] = useState(false);
  const shown = [
    ...user.memberOf.filter((g) => !remove.includes(g.name)),
    ...groups.filter((g) => add.includes(g.name)),
  ];
  return (
    <div className={s.body} data-testid="aduc-memberof">
      <Text>Member of:</Text>
      <GroupTable
        groups={shown}
        folderHeader="Active Directory Domain Services Folder"
        selected={selected}
        onSelect={setSelected}
        testIdPrefix="aduc-member-"
        label="Member of"
      />
      <div className={s.buttons}>
        <Button size="small" onClick={() => setPicking(true)} data-testid="aduc-memberof-add">
          Add...
        </Button>
        <Button
          size="small"
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
        </Button>
      </div>
      <Text>
        Primary group: <strong>{user.primaryGroup}</strong>
      </Text>
      <div>
        <Button size="small" disabled>
          Set Primary Group
        </Button>
      </div>
      <SelectGroupsDialog
        open={picking}
        groups={groups.filter((g) => !shown.some((x) => x.name === g.name))}
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
    </div>
  );
}
