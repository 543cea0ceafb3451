import { Card, Field } from '../../components/ui.tsx';
import { fieldError, toInt } from './field-errors.ts';
import { PrecedenceList } from './precedence-list.tsx';
import type { AttributionSettings } from './types.ts';

export type AttributionForm = {
  model: AttributionSettings['model'];
  windowDays: string;
  precedence: AttributionSettings['precedence'];
  lifetimeEnabled: boolean;
  lifetimeDays: string;
  minSeconds: string;
  velocityMinutes: string;
  maxPerIp: string;
  maxPerCustomer: string;
};

export function attributionToForm(a: AttributionSettings): AttributionForm {
  return {
    model: a.model,
    windowDays: String(a.windowDays),
    precedence: a.precedence,
    lifetimeEnabled: a.customerLifetime.enabled,
    lifetimeDays: a.customerLifetime.days === null ? '' : String(a.customerLifetime.days),
    minSeconds: String(a.minClickToConversionSeconds),
    velocityMinutes: String(a.velocity.windowMinutes),
    maxPerIp: String(a.velocity.maxPerIpHash),
    maxPerCustomer: String(a.velocity.maxPerCustomer),
  };
}

/** The whole attribution object (the API replaces it as a whole). */
export function attributionFromForm(f: AttributionForm): AttributionSettings {
  return {
    model: f.model,
    windowDays: toInt(f.windowDays),
    precedence: f.precedence,
    customerLifetime: { enabled: f.lifetimeEnabled, days: f.lifetimeDays.trim() === '' ? null : toInt(f.lifetimeDays) },
    minClickToConversionSeconds: toInt(f.minSeconds),
    velocity: { windowMinutes: toInt(f.velocityMinutes), maxPerIpHash: toInt(f.maxPerIp), maxPerCustomer: toInt(f.maxPerCustomer) },
  };
}

const MODELS = [
  { value: 'last_click', label: 'Last click', hint: 'The latest click before the sale wins (most common).' },
  { value: 'first_click', label: 'First click', hint: 'The creator who first brought the visitor wins.' },
] as const;

export function AttributionFields({ value: f, onChange, error }: { value: AttributionForm; onChange: (next: AttributionForm) => void; error: unknown }) {
  const set = <K extends keyof AttributionForm>(k: K, v: AttributionForm[K]) => onChange({ ...f, [k]: v });
  const err = (p: string) => fieldError(error, `settings.attribution.${p}`);
  const num = (label: string, key: keyof AttributionForm, path: string, hint: string, min: number, max: number) => (
    <Field label={label} hint={hint} error={err(path)}>
      {(id, d) => (
        <input id={id} aria-describedby={d} type="number" min={min} max={max} step={1} value={f[key] as string} onChange={(e) => set(key, e.target.value as never)} />
      )}
    </Field>
  );
  return (
    <Card title="Attribution">
      <fieldset>
        <legend>Attribution model</legend>
        <div className="radio-row">
          {MODELS.map((m) => (
            <label key={m.value}>
              <input type="radio" name="attribution-model" value={m.value} checked={f.model === m.value} onChange={() => set('model', m.value)} />
              <span>
                <strong>{m.label}</strong> <span className="muted small">— {m.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-row">
        {num(
          'Attribution window (days)',
          'windowDays',
          'windowDays',
          'Cookie window: a click can earn the sale up to this many days later. The snippet keeps its first-party cookie for at least as long. 1 – 3650.',
          1,
          3650,
        )}
      </div>
      <PrecedenceList value={f.precedence} onChange={(p) => set('precedence', p)} />
      <fieldset>
        <legend>Lifetime commissions</legend>
        <label className="check-label">
          <input type="checkbox" checked={f.lifetimeEnabled} onChange={(e) => set('lifetimeEnabled', e.target.checked)} />
          Later orders of a customer go to the creator who brought them
        </label>
        <div className="form-row">
          <Field
            label="Customer binding length (days)"
            hint="How long a customer stays bound to their creator. Leave empty to bind forever."
            error={err('customerLifetime.days')}
          >
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                type="number"
                min={1}
                max={3650}
                disabled={!f.lifetimeEnabled}
                value={f.lifetimeDays}
                placeholder="forever"
                onChange={(e) => set('lifetimeDays', e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Fraud checks</legend>
        <p className="muted small">Conversions that trip these checks are held for your review on the Conversions page instead of paying commission at once.</p>
        <div className="form-row">
          {num('Minimum seconds from click to conversion', 'minSeconds', 'minClickToConversionSeconds', 'A sale sooner than this after its click is flagged. 0 turns the check off.', 0, 86400)}
          {num('Velocity window (minutes)', 'velocityMinutes', 'velocity.windowMinutes', 'The period the two limits below count over.', 1, 10080)}
        </div>
        <div className="form-row">
          {num('Max conversions per IP address', 'maxPerIp', 'velocity.maxPerIpHash', 'More conversions than this from one (hashed) IP within the window are flagged.', 1, 1000000)}
          {num('Max conversions per customer', 'maxPerCustomer', 'velocity.maxPerCustomer', 'More conversions than this from one customer within the window are flagged.', 1, 1000000)}
        </div>
      </fieldset>
    </Card>
  );
}
