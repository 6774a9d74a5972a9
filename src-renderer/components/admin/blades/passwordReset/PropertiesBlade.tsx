import { useState } from 'react';
import { Field, Link, Radio, RadioGroup } from '@fluentui/react-components';
import { useLearnerView } from '../../../../lab/LabContext';
import type { BladeProps } from '../../adminRoutes';
import { PR_TEXT } from '../../adminTexts';
import { useBladeDraft } from '../../useBladeDraft';
import { GroupPicker } from '../GroupPicker';
import { SavedForm } from '../SavedForm';
import { useSave } from '../useSave';

/** Password reset | Properties: who may use SSPR (None, one selected group, All). */
export function PropertiesBlade(blade: BladeProps) {
  const v = useLearnerView().adminCenter;
  const p = v.passwordReset.properties;
  const d = useBladeDraft(blade.route, { enabled: p.enabled, group: p.selectedGroup ?? '' });
  const s = useSave(d.discard);
  const [picking, setPicking] = useState(false);
  return (
    <SavedForm
      blade={blade}
      dirty={d.dirty}
      error={s.error}
      onDiscard={s.discard}
      onSave={() =>
        s.save({
          type: 'sspr.properties',
          enabled: d.value.enabled,
          ...(d.value.enabled === 'Selected' ? { group: d.value.group } : {}),
        })
      }
    >
      <Field label={PR_TEXT.ssprEnabled}>
        <RadioGroup
          layout="horizontal"
          value={d.value.enabled}
          onChange={(_, x) => d.set({ enabled: x.value as typeof p.enabled })}
        >
          {(['None', 'Selected', 'All'] as const).map((o) => (
            <Radio key={o} value={o} label={o} data-testid={`sspr-enabled-${o}`} />
          ))}
        </RadioGroup>
      </Field>
      {d.value.enabled === 'Selected' && (
        <Field label={PR_TEXT.selectGroup}>
          <Link onClick={() => setPicking(true)} data-testid="sspr-group">
            {d.value.group || PR_TEXT.noGroups}
          </Link>
        </Field>
      )}
      {picking && (
        <GroupPicker
          open
          title="Default password reset policy"
          groups={v.groups.map((g) => g.name)}
          multiple={false}
          initial={d.value.group ? [d.value.group] : []}
          onClose={() => setPicking(false)}
          onSelect={(g) => {
            d.set({ group: g[0] ?? '' });
            setPicking(false);
          }}
        />
      )}
    </SavedForm>
  );
}
