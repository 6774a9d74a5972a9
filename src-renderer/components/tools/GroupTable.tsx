/** A list of groups with their folders, one selectable, as ADUC's Member Of tab and Select Groups show it. */
import { AducIcon } from './AducIcon';

interface Props {
  groups: readonly { name: string; folder: string }[];
  folderHeader: string;
  selected: string | undefined;
  onSelect: (name: string) => void;
  onOpen?: (name: string) => void;
  testIdPrefix: string;
}

export function GroupTable({ groups, folderHeader, selected, onSelect, onOpen, testIdPrefix }: Props) {
  return (
    <div className="aduc-list">
      <table className="grid">
        <thead>
          <tr>
            <th>Name</th>
            <th>{folderHeader}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr
              key={g.name}
              className={g.name === selected ? 'is-selected' : ''}
              onClick={() => onSelect(g.name)}
              onDoubleClick={onOpen ? () => onOpen(g.name) : undefined}
              data-testid={`${testIdPrefix}${g.name}`}
            >
              <td className="nowrap">
                <AducIcon kind="group" /> {g.name}
              </td>
              <td>{g.folder}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
