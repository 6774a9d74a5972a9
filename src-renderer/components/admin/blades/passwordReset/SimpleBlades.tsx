import { Field, Input, SpinButton } from '@fluentui/react-components';
import { useLearnerView } from '../../../../lab/LabContext';
import type { BladeProps } from '../../adminRoutes';
import { PR_TEXT } from '../../adminTexts';
import { useBladeDraft } from '../../useBladeDraft';
import { SavedForm } from '../SavedForm';
import { useSave } from '../useSave';
import { YesNo } from '../YesNo';

/** Password reset | Registration (tutorial-enable-sspr: Yes and 180 days). */
export function RegistrationBlade(blade: BladeProps) {
  const r = useLearnerView().adminCenter.passwordReset.registration;
  const d = useBladeDraft(blade.route, r);
  const s = useSave(d.discard);
  return (
    <SavedForm
      blade={blade}
      dirty={d.dirty}
      error={s.error}
      onDiscard={s.discard}
      onSave={() => s.save({ type: 'sspr.registration', ...d.value })}
    >
      <YesNo
        label={PR_TEXT.requireRegister}
        value={d.value.requireOnSignIn}
        onChange={(requireOnSignIn) => d.set({ requireOnSignIn })}
        testId="require-register"
      />
      <Field label={PR_TEXT.reconfirmDays}>
        <SpinButton
          min={0}
          max={730}
          value={d.value.reconfirmDays}
          onChange={(_, x) => {
            const n = x.value ?? Number(x.displayValue);
            if (Number.isFinite(n)) d.set({ reconfirmDays: Math.round(n) });
          }}
          data-testid="reconfirm-days"
        />
      </Field>
    </SavedForm>
  );
}

/** Password reset | Notifications. */
export function NotificationsBlade(blade: BladeProps) {
  const n = useLearnerView().adminCenter.passwordReset.notifications;
  const d = useBladeDraft(blade.route, n);
  const s = useSave(d.discard);
  return (
    <SavedForm
      blade={blade}
      dirty={d.dirty}
      error={s.error}
      onDiscard={s.discard}
      onSave={() => s.save({ type: 'sspr.notifications', ...d.value })}
    >
      <YesNo
        label={PR_TEXT.notifyUsers}
        value={d.value.notifyUsers}
        onChange={(notifyUsers) => d.set({ notifyUsers })}
      />
      <YesNo
        label={PR_TEXT.notifyAdmins}
        value={d.value.notifyAdmins}
        onChange={(notifyAdmins) => d.set({ notifyAdmins })}
      />
    </SavedForm>
  );
}

/** Password reset | Customization: the helpdesk link users see on the SSPR pages. */
export function CustomizationBlade(blade: BladeProps) {
  const c = useLearnerView().adminCenter.passwordReset.customization;
  const d = useBladeDraft(blade.route, { helpdeskLink: c.helpdeskLink, helpdeskUrl: c.helpdeskUrl ?? '' });
  const s = useSave(d.discard);
  return (
    <SavedForm
      blade={blade}
      dirty={d.dirty}
      error={s.error}
      onDiscard={s.discard}
      onSave={() =>
        s.save({
          type: 'sspr.customization',
          helpdeskLink: d.value.helpdeskLink,
          ...(d.value.helpdeskLink ? { helpdeskUrl: d.value.helpdeskUrl } : {}),
        })
      }
    >
      <YesNo
        label={PR_TEXT.customizeLink}
        value={d.value.helpdeskLink}
        onChange={(helpdeskLink) => d.set({ helpdeskLink })}
      />
      {d.value.helpdeskLink && (
        <Field label={PR_TEXT.helpdeskUrl}>
          <Input value={d.value.helpdeskUrl} onChange={(_, x) => d.set({ helpdeskUrl: x.value })} />
        </Field>
      )}
    </SavedForm>
  );
}
