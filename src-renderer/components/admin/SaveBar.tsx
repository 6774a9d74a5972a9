import { Toolbar, ToolbarButton } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { ADMIN_UI } from './adminTexts';

/**
 * The blade's command bar: Save and Discard, enabled only while there are unsaved changes, and
 * Refresh on blades that show a status.
 */
export function SaveBar({
  dirty,
  onSave,
  onDiscard,
  onRefresh,
}: {
  dirty: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onRefresh?: () => void;
}) {
  return (
    <Toolbar aria-label="Commands" size="small">
      <ToolbarButton icon={<SaveRegular />} disabled={!dirty} onClick={onSave} data-testid="save">
        {ADMIN_UI.save}
      </ToolbarButton>
      <ToolbarButton icon={<DismissRegular />} disabled={!dirty} onClick={onDiscard} data-testid="discard">
        {ADMIN_UI.discard}
      </ToolbarButton>
      {onRefresh && (
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={onRefresh} data-testid="refresh">
          {ADMIN_UI.refresh}
        </ToolbarButton>
      )}
    </Toolbar>
  );
}
