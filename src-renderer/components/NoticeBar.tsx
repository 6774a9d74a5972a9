import { useLabHost, useLabSelect } from '../lab/LabContext';

export function NoticeBar() {
  const controller = useLabHost();
  const n = useLabSelect((c) => c.notice);
  if (!n) return <div className="notice-slot" />;
  return (
    <div
      className={`notice notice-${n.level}`}
      role={n.level === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{n.text}</span>
      <button type="button" className="btn btn-small" onClick={() => controller.dismissNotice()}>
        Dismiss
      </button>
    </div>
  );
}
