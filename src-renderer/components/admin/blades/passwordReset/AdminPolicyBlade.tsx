import { Switch, Text } from '@fluentui/react-components';
import { useLearnerView } from '../../../../lab/LabContext';
import type { BladeProps } from '../../adminRoutes';
import { PR_TEXT } from '../../adminTexts';
import { useBladeDraft } from '../../useBladeDraft';
import { SavedForm } from '../SavedForm';
import { useSave } from '../useSave';

/**
 * Password reset | Administrator Policy. Microsoft's fixed two-gate policy for administrators; in
 * a real tenant admin SSPR is switched with Graph (allowedToUseSSPR), which this lab offers here.
 */
export function AdminPolicyBlade(blade: BladeProps) {
  const on = useLearnerView().adminCenter.passwordReset.adminSspr;
  const d = useBladeDraft(blade.route, { allowed: on });
  const s = useSave(d.discard);
  return (
    <SavedForm
      blade={blade}
      dirty={d.dirty}
      error={s.error}
      onDiscard={s.discard}
      onSave={() => s.save({ type: 'authorizationPolicy', allowedToUseSspr: d.value.allowed })}
    >
      <Text>{PR_TEXT.adminPolicyIntro}</Text>
      <Switch
        label={PR_TEXT.adminSspr}
        checked={d.value.allowed}
        onChange={(_, x) => d.set({ allowed: x.checked })}
        data-testid="admin-sspr"
      />
    </SavedForm>
  );
}
