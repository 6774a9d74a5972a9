/**
 * The engine's public entry: everything the renderer and the Electron main process may use.
 * Nothing outside simulation/ imports a deeper path (dependency rules enforce it).
 */
export { Lab, LabReplayError, type DispatchResult, type JournalEntry, type FaultStatus } from './facade/lab';
export { presetDefinition, type PresetId } from './lab/presets';
export type { LabDefinition } from './core/definition';
export {
  parseSession,
  restoreSession,
  serializeSession,
  sessionOf,
  type SessionRecord,
} from './facade/session';
export {
  checkAppend,
  decodeLine,
  encodeRecord,
  headerRecord,
  isSessionId,
  readJournal,
  readJournalText,
  splitLines,
  withoutCompat,
  MAX_LINE_CHARS,
  type AppendState,
  type CmdBody,
  type HeaderBody,
  type JournalRead,
  type JournalRecord,
  type MetaBody,
  type RecordBody,
  type SessionMeta,
} from './facade/journal';
export {
  compactionGain,
  compactRecords,
  cursorAtEnd,
  exportHlab,
  foldRecords,
  importHlab,
  journalText,
  lineBytes,
  mergeMeta,
  WALL_APPEND_KEY,
  recordsSince,
  seqAfterEntries,
  summarizeRecords,
  summaryAdd,
  summaryStart,
  summaryView,
  type FoldedSession,
  type JournalCursor,
  type SessionSummary,
  type SummaryState,
} from './facade/journalFold';
export {
  fromLegacySession,
  openFolded,
  readScenarioMeta,
  scenarioRef,
  scenarioSessionMeta,
  scenarioVersion,
  type OpenedSession,
  type ScenarioMeta,
} from './scenarios/openSession';
export type { DeviceKind, DeviceView, LearnerView, LinkView } from './lab/projection';
export type { TraceHopView, TracePacketView, TraceView } from './lab/traceView';
export type { ServerManagerTile, ServerManagerView, TileRow } from './lab/serverManagerView';
export { SERVER_MANAGER_TEXT } from './lab/serverManagerView';
export type { ConnectView } from './lab/connectView';
export { labTimeView, type LabTimeView, type LabTimeWait } from './lab/labTimeView';
export { formatSpan, skippedTimeSummary, type SkippedTimeSummary } from './lab/skippedTime';
export { PAGE_TITLES as WIZARD_PAGE_TITLES, WIZARD_TEXT } from './sync/wizardTexts';
export { VIEWER_LOGS, type EventView, type ViewerLog } from './lab/toolViews';
export type { AducContainerView, AducObjectKind, AducObjectView, AducUserView } from './lab/aducView';
export type { AducAction } from './core/actionSchemas';
export { ADUC_TEXT } from './tools/aduc';
export type { AducResult } from './windows/hostState';
export type { ShellKind } from './windows/hostState';
export type { TabCycle } from './tools/shell/complete';
export { SIGNIN_TEXT, WINDOWS_UI_TEXT } from './windows/messages';
export { CLOUD_SIGNIN_TEXT, MYACCOUNT_TEXT, REGISTRATION_TEXT, SSPR_TEXT } from './cloud/texts';
export type { PortalPage } from './cloud/userPortal';
export type { SsprPage } from './cloud/ssprFlow';
export { formatShortDateTime } from './core/time';
export { DEFAULT_PARAMS, FAULTS, type FaultCategory } from './faults/catalog';
export { TRIGGERS, TRIGGER_IDS, type TriggerId } from './faults/triggers';
export { ScenarioRun, type ObjectiveStatus, type ScenarioReport } from './scenarios/engine';
export { describeCommand, formatDuration } from './scenarios/describe';
export { debriefOf, type Debrief } from './scenarios/debrief';
export { reportHtml } from './scenarios/reportHtml';
export {
  buildResult,
  signedText,
  signResult,
  unsignedResult,
  type ExportedResult,
  type ResultPayload,
} from './scenarios/result';
export { loadScenario, type Scenario } from './scenarios/schema';
export {
  afterAttempt,
  NO_ATTEMPTS,
  PASSPHRASE_POLICY,
  waitBefore,
  waitMessage,
  type AttemptPolicy,
  type AttemptState,
} from './classroom/attempts';
export {
  checkAtHub,
  checkAtInstructor,
  checkAtLearner,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  utf8Bytes,
  type DashboardRow,
  type HubCommand,
  type HubToInstructor,
  type HubToLearner,
  type InstructorAction,
  type InstructorMessage,
  type LearnerMessage,
  type Progress,
  type Refusal,
  type SignedResult,
} from './classroom/protocol';
export { HubCore, type ClassRecord, type HubDeps, type Outgoing } from './classroom/hubCore';
export { progressOf } from './classroom/progress';
export { HINT_PENDING, redactScenario } from './classroom/hubCore';
export { classCsv, csvCell } from './classroom/classCsv';
export { classResults, classXapi } from './classroom/classExport';
export {
  checkAtHost,
  checkAtPage,
  type ClassInfo,
  type HostReply,
  type HostToPage,
  type LinkStateName,
  type PageToHost,
} from './classroom/hostProtocol';
export { checkScenario } from './scenarios/schema';
