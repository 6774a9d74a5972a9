import {
  Checkbox,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
} from '@fluentui/react-components';
import { useLearnerView } from '../../../../lab/LabContext';
import type { BladeProps } from '../../adminRoutes';
import { PR_TEXT } from '../../adminTexts';
import { useBladeDraft } from '../../useBladeDraft';
import { SavedForm } from '../SavedForm';
import { useSave } from '../useSave';

const LEGACY = [
  ['mobileAppNotification', 'Mobile app notification'],
  ['mobileAppCode', 'Mobile app code'],
  ['email', 'Email'],
  ['mobilePhone', 'Mobile phone'],
  ['officePhone', 'Office phone'],
  ['securityQuestions', 'Security questions'],
] as const;

/**
 * Password reset | Authentication methods: the number of methods required, and the legacy method
 * list. Once the tenant has migrated to the Authentication methods policy only security questions
 * are still set here (reference §1.4); the other methods are managed in Policies.
 */
export function MethodsBlade(blade: BladeProps) {
  const v = useLearnerView().adminCenter;
  const m = v.passwordReset.authenticationMethods;
  const migrated = v.authMethods.migration === 'Migration complete';
  const d = useBladeDraft(blade.route, { required: m.methodsRequired, methods: m.methods });
  const s = useSave(d.discard);
  const shown = migrated ? LEGACY.filter(([k]) => k === 'securityQuestions') : LEGACY;
  return (
    <SavedForm
      blade={blade}
      dirty={d.dirty}
      error={s.error}
      onDiscard={s.discard}
      onSave={() =>
        s.save({
          type: 'sspr.authenticationMethods',
          methodsRequired: d.value.required,
          methods: d.value.methods,
        })
      }
    >
      <Field label={PR_TEXT.numberRequired}>
        <Dropdown
          value={String(d.value.required)}
          selectedOptions={[String(d.value.required)]}
          onOptionSelect={(_, o) => d.set({ required: Number(o.optionValue) as 1 | 2 })}
          data-testid="methods-required"
        >
          <Option value="1">1</Option>
          <Option value="2">2</Option>
        </Dropdown>
      </Field>
      {migrated && (
        <MessageBar intent="info">
          <MessageBarBody>
            {PR_TEXT.legacyNote}{' '}
            <Link onClick={() => blade.navigate('am:policies')}>Authentication methods | Policies</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={PR_TEXT.methodsAvailable}>
        {shown.map(([k, label]) => (
          <Checkbox
            key={k}
            label={label}
            checked={d.value.methods[k]}
            onChange={(_, x) => d.set({ methods: { ...d.value.methods, [k]: !!x.checked } })}
          />
        ))}
      </Field>
    </SavedForm>
  );
}
