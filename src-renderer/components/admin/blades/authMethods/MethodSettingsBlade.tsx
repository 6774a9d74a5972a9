import { useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Switch,
  Tab,
  TabList,
  Text,
} from '@fluentui/react-components';
import { useLearnerView } from '../../../../lab/LabContext';
import type { BladeProps } from '../../adminRoutes';
import { BladeFrame } from '../../BladeFrame';
import { ADMIN_UI, AM_TEXT } from '../../adminTexts';
import { useAdminStyles } from '../../adminStyles';
import { useBladeDraft } from '../../useBladeDraft';
import { GroupPicker } from '../GroupPicker';
import { useSave } from '../useSave';
import { TargetGroups } from './TargetGroups';

/**
 * A method's settings page (howto-authentication-sms-signin: "Select Enable and select Target
 * users... All users or Select users and groups... Save"): Enable, then Include (All users or
 * groups) and Exclude (groups), with Save and Discard at the bottom.
 */
export function MethodSettingsBlade(props: BladeProps & { method: string }) {
  const s = useAdminStyles();
  const v = useLearnerView().adminCenter;
  const p = v.authMethods.policies.find((x) => x.id === props.method);
  const d = useBladeDraft(props.route, {
    enabled: p?.enabled ?? false,
    include: p?.include ?? ('all' as 'all' | string[]),
    exclude: p?.exclude ?? [],
  });
  const save = useSave(d.discard);
  const [tab, setTab] = useState<'include' | 'exclude'>('include');
  const [picking, setPicking] = useState(false);
  if (!p) return null;
  const include = d.value.include;
  const listed = tab === 'include' ? (include === 'all' ? [] : include) : d.value.exclude;
  const setListed = (groups: string[]) =>
    tab === 'include' ? d.set({ include: groups }) : d.set({ exclude: groups });
  return (
    <BladeFrame info={props.info} route={props.route} onNavigate={props.navigate}>
      <TabList selectedValue="enable">
        <Tab value="enable">{AM_TEXT.enableAndTarget}</Tab>
      </TabList>
      {save.error && (
        <MessageBar intent="error" data-testid="blade-error">
          <MessageBarBody>{save.error}</MessageBarBody>
        </MessageBar>
      )}
      <Switch
        label={AM_TEXT.enable}
        checked={d.value.enabled}
        onChange={(_, x) => d.set({ enabled: x.checked })}
        data-testid="method-enable"
      />
      <TabList selectedValue={tab} onTabSelect={(_, x) => setTab(x.value as typeof tab)} size="small">
        <Tab value="include" data-testid="tab-include">
          {AM_TEXT.include}
        </Tab>
        <Tab value="exclude" data-testid="tab-exclude">
          {AM_TEXT.exclude}
        </Tab>
      </TabList>
      {tab === 'include' && (
        <Field label={AM_TEXT.targetLabel}>
          <RadioGroup
            layout="horizontal"
            value={include === 'all' ? 'all' : 'groups'}
            onChange={(_, x) => d.set({ include: x.value === 'all' ? 'all' : [] })}
          >
            <Radio value="all" label={AM_TEXT.allUsers} data-testid="target-all" />
            <Radio value="groups" label={AM_TEXT.selectGroups} data-testid="target-groups" />
          </RadioGroup>
        </Field>
      )}
      {(tab === 'exclude' || include !== 'all') && (
        <>
          <div className={s.row}>
            <Button onClick={() => setPicking(true)} data-testid="add-groups">
              {AM_TEXT.addGroups}
            </Button>
          </div>
          <TargetGroups groups={listed} onRemove={(g) => setListed(listed.filter((x) => x !== g))} />
        </>
      )}
      {picking && (
        <GroupPicker
          open
          multiple
          title={AM_TEXT.addGroups}
          groups={v.groups.map((g) => g.name).filter((g) => !listed.includes(g))}
          initial={[]}
          onClose={() => setPicking(false)}
          onSelect={(g) => {
            setListed([...listed, ...g]);
            setPicking(false);
          }}
        />
      )}
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={!d.dirty}
          onClick={() => save.save({ type: 'authMethods.policy', method: p.id, ...d.value })}
          data-testid="save"
        >
          {ADMIN_UI.save}
        </Button>
        <Button disabled={!d.dirty} onClick={save.discard} data-testid="discard">
          {ADMIN_UI.discard}
        </Button>
        {d.dirty && <Text className={s.muted}>Unsaved changes</Text>}
      </div>
    </BladeFrame>
  );
}
