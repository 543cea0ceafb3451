import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { ApiError, withQuery } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';

type RowError = { row: number; field: string; message: string };
type ImportResult = { dryRun: boolean; created: number; updated: number; creatorsCreated: number; skippedRows: number; errors: RowError[] };

const EXAMPLE = 'platform,handle,name,followers,following,posts_count,bio,country,contact_email\ninstagram,@lena.bakes,Lena Novak,12000,300,210,Sourdough and cakes,DE,lena@mail.example';

/**
 * POST /api/v1/influencers/import as text/csv (docs/discovery.md). The shared api() helper only
 * sends JSON, so this posts the file itself with the session's CSRF token, and keeps the row
 * errors the server lists in error.details.
 */
export function ImportCsvDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { csrfToken } = useSession();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const close = () => {
    setCsv('');
    setFileName('');
    setError(null);
    setRowErrors([]);
    setResult(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setRowErrors([]);
    setResult(null);
    try {
      const response = await fetch(withQuery('/api/v1/influencers/import', { skipInvalid, dryRun }), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'text/csv', accept: 'application/json', 'x-csrf-token': csrfToken },
        body: csv,
      });
      const body = (await response.json().catch(() => null)) as (ImportResult & { error?: { code: string; message: string; requestId?: string; details?: { errors?: RowError[] } } }) | null;
      if (!response.ok || !body) {
        const err = body?.error;
        setRowErrors(err?.details?.errors ?? []);
        throw new ApiError(response.status, err?.code ?? `HTTP_${response.status}`, err?.message ?? `The server answered ${response.status}.`, err?.requestId);
      }
      setResult(body);
      setRowErrors(body.errors ?? []);
      if (!body.dryRun) onImported();
    } catch (err) {
      setError(err instanceof TypeError ? new Error('Could not reach the Advocate server. Check your connection and try again.') : err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="Import creators from CSV" onClose={close}>
      <form onSubmit={submit}>
        <p className="muted small">
          One row per social account (platform + handle); existing accounts are updated. Add a <code>type</code> column to include posts, audience and follower
          history rows. See the import format in docs/discovery.md.
        </p>
        <ErrorBanner error={error} />
        {result ? (
          <Notice tone="success">
            {result.dryRun ? 'Checked, nothing written: ' : 'Imported: '}
            {formatNumber(result.created)} accounts created, {formatNumber(result.updated)} updated, {formatNumber(result.creatorsCreated)} new creators
            {result.skippedRows ? `, ${formatNumber(result.skippedRows)} rows skipped` : ''}.
          </Notice>
        ) : null}
        {rowErrors.length ? (
          <div className="row-errors" role="region" aria-label="Rows with problems" tabIndex={0}>
            <ul className="reasons small">
              {rowErrors.map((r, i) => (
                <li key={i}>
                  Row {r.row}, {r.field}: {r.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Field label="CSV file">
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setFileName(file.name);
                setCsv(await file.text());
              }}
            />
          )}
        </Field>
        <Field label="Or paste CSV" hint={fileName ? `Loaded from ${fileName}; you can edit it here.` : `First line: column headers, e.g. ${EXAMPLE.split('\n')[0]}`}>
          {(id, d) => <textarea id={id} aria-describedby={d} rows={6} className="mono" value={csv} placeholder={EXAMPLE} onChange={(e) => setCsv(e.target.value)} />}
        </Field>
        <div className="check-list">
          <label>
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> Skip invalid rows (import the rest)
          </label>
          <label>
            <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> Only check the file (dry run)
          </label>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy || !csv.trim()}>
            {busy ? 'Importing…' : dryRun ? 'Check file' : 'Import creators'}
          </button>
          <button type="button" className="secondary" onClick={close}>
            {result ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
