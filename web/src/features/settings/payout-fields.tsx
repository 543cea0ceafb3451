import { Card, Field } from '../../components/ui.tsx';
import { formatMoney, parseMoney, toDecimalString } from '../../lib/format.ts';
import { fieldError } from './field-errors.ts';
import type { WorkspaceSettings } from './types.ts';

export type PayoutForm = {
  thresholds: { key: number; currency: string; amount: string }[];
  accountName: string;
  iban: string;
  bic: string;
};

let nextKey = 1;

export function payoutToForm(s: WorkspaceSettings): PayoutForm {
  return {
    thresholds: Object.entries(s.payoutThresholds).map(([currency, minor]) => ({ key: nextKey++, currency, amount: toDecimalString(minor, currency) })),
    accountName: s.payoutAccount?.name ?? '',
    iban: s.payoutAccount?.iban ?? '',
    bic: s.payoutAccount?.bic ?? '',
  };
}

/** The payout part of the settings patch; amounts typed as decimals become minor units. */
export function payoutFromForm(f: PayoutForm): Pick<WorkspaceSettings, 'payoutThresholds' | 'payoutAccount'> {
  const payoutThresholds: Record<string, number> = {};
  for (const t of f.thresholds) {
    const currency = t.currency.trim().toUpperCase();
    if (!currency && !t.amount.trim()) continue;
    const minor = parseMoney(t.amount, currency || 'USD');
    if (minor === null) throw new Error(`The minimum payout “${t.amount}” for ${currency || 'a currency'} is not an amount such as 50 or 50.00.`);
    payoutThresholds[currency] = Number(minor);
  }
  const hasAccount = f.accountName.trim() || f.iban.trim() || f.bic.trim();
  return {
    payoutThresholds,
    ...(hasAccount ? { payoutAccount: { name: f.accountName.trim(), iban: f.iban.replace(/\s+/g, '').toUpperCase(), bic: f.bic.trim() ? f.bic.trim().toUpperCase() : null } } : {}),
  };
}

export function PayoutFields({ value: f, onChange, error }: { value: PayoutForm; onChange: (next: PayoutForm) => void; error: unknown }) {
  const setRow = (key: number, patch: Partial<PayoutForm['thresholds'][number]>) =>
    onChange({ ...f, thresholds: f.thresholds.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
  const thresholdsError = fieldError(error, 'settings.payoutThresholds');
  const accountError = (p: string) => fieldError(error, `settings.payoutAccount.${p}`);
  return (
    <Card title="Payouts">
      <fieldset>
        <legend>Minimum payout per currency</legend>
        <p className="muted small">
          A creator is paid once their approved commissions in a currency reach this amount; creators may ask for a higher minimum. Currencies without a minimum pay any
          amount.
        </p>
        {f.thresholds.length === 0 ? <p className="muted small">No minimum set yet.</p> : null}
        {f.thresholds.map((t, i) => {
          const cur = t.currency.trim().toUpperCase();
          const minor = cur.length === 3 ? parseMoney(t.amount, cur) : null;
          return (
            <div className="form-row" key={t.key}>
              <Field label={`Currency ${i + 1}`} hint="ISO code, e.g. USD">
                {(id, d) => (
                  <input id={id} aria-describedby={d} maxLength={3} value={t.currency} onChange={(e) => setRow(t.key, { currency: e.target.value.toUpperCase() })} />
                )}
              </Field>
              <Field label={`Minimum payout ${i + 1}`} hint={minor !== null ? `= ${formatMoney(minor, cur)}` : 'e.g. 50.00'}>
                {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" value={t.amount} onChange={(e) => setRow(t.key, { amount: e.target.value })} />}
              </Field>
              <div className="field">
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Remove minimum payout for ${cur || `row ${i + 1}`}`}
                  onClick={() => onChange({ ...f, thresholds: f.thresholds.filter((x) => x.key !== t.key) })}
                >
                  Remove
                </button>
              </div>
            </div>
          );
        })}
        {thresholdsError ? <p className="field-error">{thresholdsError}</p> : null}
        <p>
          <button type="button" className="secondary small" onClick={() => onChange({ ...f, thresholds: [...f.thresholds, { key: nextKey++, currency: '', amount: '' }] })}>
            Add minimum payout
          </button>
        </p>
      </fieldset>
      <fieldset>
        <legend>Your bank account (for SEPA payout files)</legend>
        <p className="muted small">The debtor account written into SEPA credit-transfer exports of payout batches.</p>
        <div className="form-row">
          <Field label="Account holder" error={accountError('name')}>
            {(id, d) => <input id={id} aria-describedby={d} maxLength={70} autoComplete="organization" value={f.accountName} onChange={(e) => onChange({ ...f, accountName: e.target.value })} />}
          </Field>
          <Field label="IBAN" error={accountError('iban')}>
            {(id, d) => <input id={id} aria-describedby={d} maxLength={42} value={f.iban} onChange={(e) => onChange({ ...f, iban: e.target.value })} />}
          </Field>
          <Field label="BIC" hint="Optional" error={accountError('bic')}>
            {(id, d) => <input id={id} aria-describedby={d} maxLength={11} value={f.bic} onChange={(e) => onChange({ ...f, bic: e.target.value })} />}
          </Field>
        </div>
      </fieldset>
    </Card>
  );
}
