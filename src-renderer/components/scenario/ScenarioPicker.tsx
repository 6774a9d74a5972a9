import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  SearchBox,
  Select,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { scenarioRef, type Scenario } from '../../../simulation';
import { useLabController } from '../../lab/LabContext';
import { useReturnFocus } from '../../hooks/useReturnFocus';
import { useUi } from '../../state/uiStore';
import { tidyName, useLearnerName } from './learnerName';
import { matches, type PickerFilter, type Progress } from './pickerFilter';
import { BrokenCard, ScenarioCard } from './ScenarioCard';
import { usePickerStyles } from './scenarioStyles';
import { useScenarioPack } from './useScenarioPack';

const ALL: PickerFilter = { text: '', kind: 'all', difficulty: 'all', progress: 'all' };

/**
 * The scenario picker (a Fluent dialog: it takes focus, keeps it, and Escape closes it): the
 * learner's name (required before a scenario starts), the variant, a search and filters over the
 * built-in pack (fetched when the picker first opens), each card marked done or attempted from the
 * learner's stored sessions, and the free labs.
 */
export function ScenarioPicker() {
  const open = useUi((s) => s.pickerOpen);
  const setOpen = useUi((s) => s.setPickerOpen);
  useReturnFocus(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      {/* Mounted only while open (the dialog unmounts its surface): the pack and marks load then. */}
      <PickerSurface close={() => setOpen(false)} />
    </Dialog>
  );
}

/** Per scenario reference: done if a stored run of it was completed, attempted if one was begun. */
function useProgress(): Map<string, Progress> | undefined {
  const controller = useLabController();
  const [marks, setMarks] = useState<Map<string, Progress>>();
  useEffect(() => {
    let live = true;
    void controller.sessions.list().then((r) => {
      if (!live || !r.ok) return;
      const m = new Map<string, Progress>();
      for (const s of r.value.sessions) {
        if (!s.scenarioRef) continue;
        const done = s.outcome === 'completed' || s.outcome === 'ended';
        if (done) m.set(s.scenarioRef, 'done');
        else if (!m.has(s.scenarioRef)) m.set(s.scenarioRef, 'attempted');
      }
      setMarks(m);
    });
    return () => {
      live = false;
    };
  }, [controller]);
  return marks;
}

function PickerSurface({ close }: { close: () => void }) {
  const st = usePickerStyles();
  const controller = useLabController();
  const pack = useScenarioPack();
  const marks = useProgress();
  const name = useLearnerName((s) => s.name);
  const setName = useLearnerName((s) => s.setName);
  const [error, setError] = useState<string | null>(null);
  const [variant, setVariant] = useState('1');
  const [filter, setFilter] = useState<PickerFilter>(ALL);
  const set = (patch: Partial<PickerFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const progressOf = (s: Scenario) => marks?.get(scenarioRef(s.id));
  const shown = useMemo(
    () =>
      (pack ?? []).filter(
        (e) => !e.scenario || matches(e.scenario, filter, marks?.get(scenarioRef(e.scenario.id))),
      ),
    [pack, filter, marks],
  );
  const total = pack?.filter((e) => e.scenario).length ?? 0;
  const count = shown.filter((e) => e.scenario).length;
  const start = (scenario: Scenario) => {
    const learner = tidyName(name);
    if (!learner) {
      setError('Type your name before starting a scenario: it goes on your report and result.');
      document.getElementById('learner-name')?.focus();
      return;
    }
    if (!window.confirm(`Start "${scenario.title}"? Your current session stays in Sessions.`)) return;
    const n = Number(variant);
    const r = controller.startScenario(scenario, Number.isInteger(n) && n >= 0 ? n : 1, learner);
    if (r.ok) {
      setError(null);
      close();
    } else setError(r.error);
  };
  return (
    <DialogSurface className={st.surface} data-testid="scenario-picker">
      <DialogBody className={st.body}>
        <DialogTitle
          action={
            <Button appearance="subtle" icon={<DismissRegular />} onClick={close}>
              Close
            </Button>
          }
        >
          Scenarios
        </DialogTitle>
        <DialogContent className={st.content}>
          <div className={st.fields}>
            <Field label="Your name (on your report and result)" required>
              <Input
                id="learner-name"
                value={name}
                onChange={(_, d) => setName(d.value)}
                maxLength={80}
                autoComplete="name"
                data-testid="learner-name"
              />
            </Field>
            <Field
              label="Variant"
              hint="Picks the user and PC a scenario uses, and its random details (codes, addresses). The same scenario and variant always give the same lab: use the number your instructor gives, or another to play a scenario again differently."
              className={st.variant}
            >
              <Input
                type="number"
                min={0}
                step={1}
                value={variant}
                onChange={(_, d) => setVariant(d.value)}
                data-testid="scenario-variant"
              />
            </Field>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className={st.filters} role="search" aria-label="Find a scenario">
            <Field label="Search">
              <SearchBox
                value={filter.text}
                onChange={(_, d) => set({ text: d.value })}
                placeholder="Title, ticket or sender"
                data-testid="picker-search"
              />
            </Field>
            <Field label="Kind">
              <Select
                value={filter.kind}
                onChange={(_, d) => set({ kind: d.value as PickerFilter['kind'] })}
                data-testid="picker-kind"
              >
                <option value="all">All</option>
                <option value="guided">Guided</option>
                <option value="troubleshooting">Troubleshooting</option>
              </Select>
            </Field>
            <Field label="Difficulty">
              <Select
                value={filter.difficulty}
                onChange={(_, d) => set({ difficulty: d.value as PickerFilter['difficulty'] })}
                data-testid="picker-difficulty"
              >
                <option value="all">All</option>
                <option value="beginner">Beginner</option>
                <option value="intermediate">Intermediate</option>
                <option value="advanced">Advanced</option>
              </Select>
            </Field>
            <Field label="Progress">
              <Select
                value={filter.progress}
                onChange={(_, d) => set({ progress: d.value as PickerFilter['progress'] })}
                data-testid="picker-progress"
              >
                <option value="all">All</option>
                <option value="new">Not started</option>
                <option value="attempted">Attempted</option>
                <option value="done">Done</option>
              </Select>
            </Field>
          </div>
          <p className="hint" role="status" data-testid="picker-count">
            {pack ? `${count} of ${total} scenarios` : 'Loading the scenarios…'}
          </p>
          <div className={st.list}>
            {shown.map((e) =>
              e.scenario ? (
                <ScenarioCard
                  key={e.file}
                  scenario={e.scenario}
                  progress={progressOf(e.scenario)}
                  onStart={start}
                />
              ) : (
                <BrokenCard key={e.file} entry={e} />
              ),
            )}
          </div>
          <h3 className={st.h3}>Free lab</h3>
          <p className="hint">No ticket and no score: the lab as it is, to explore or to practise on.</p>
          <div className="actions">
            <Button
              onClick={() => {
                controller.startFreeLab('fresh');
                close();
              }}
            >
              Fresh lab (seed guide&apos;s start)
            </Button>
            <Button
              onClick={() => {
                controller.startFreeLab('configured');
                close();
              }}
            >
              Working lab (SSPR and writeback configured)
            </Button>
          </div>
        </DialogContent>
      </DialogBody>
    </DialogSurface>
  );
}
