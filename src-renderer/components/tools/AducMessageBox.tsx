/** A Windows message box over the ADUC window: the title, the text (line breaks kept) and OK. */
export function AducMessageBox({
  title,
  message,
  error,
  onClose,
}: {
  title: string;
  message: string;
  error: boolean;
  onClose: () => void;
}) {
  return (
    <div className="modal-backdrop aduc-box-backdrop" role="alertdialog" aria-label={title}>
      <div className="aduc-dialog aduc-box" data-testid="aduc-message">
        <div className="aduc-dialog-title">{title}</div>
        <div className="aduc-box-body">
          <span className={`aduc-box-icon${error ? ' is-error' : ''}`} aria-hidden="true">
            {error ? '✕' : 'i'}
          </span>
          <p>{message}</p>
        </div>
        <div className="aduc-buttons">
          <button type="button" className="btn btn-small" onClick={onClose} autoFocus>
            OK
          </button>
        </div>
      </div>
    </div>
  );
}
