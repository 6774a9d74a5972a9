import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { ADMIN_UI } from './adminTexts';

/** Asked before leaving a blade with unsaved changes. */
export function LeavePrompt({
  open,
  onLeave,
  onStay,
}: {
  open: boolean;
  onLeave: () => void;
  onStay: () => void;
}) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onStay()}>
      <DialogSurface data-testid="leave-prompt">
        <DialogBody>
          <DialogTitle>{ADMIN_UI.leaveTitle}</DialogTitle>
          <DialogContent>{ADMIN_UI.leaveBody}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onLeave} data-testid="leave-confirm">
              {ADMIN_UI.leave}
            </Button>
            <Button onClick={onStay} data-testid="leave-cancel">
              {ADMIN_UI.stay}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
