import { Field } from '../../components/ui.tsx';
import { fieldError } from './field-errors.ts';
import { newTier, type PlanForm } from './plan-form.ts';

/** Tiered-plan settings: metric, period, mode and the tier table (add/remove rows). */
export function TierEditor({ value: f, onChange, error }: { value: PlanForm; onChange: (next: PlanForm) => void; error: unknown }) {
  const set = <K extends keyof PlanForm>(k: K, v: PlanForm[K]) => onChange({ ...f, [k]: v });
  const setTier = (key: number, patch: Partial<PlanForm['tiers'][number]>) => set('tiers', f.tiers.map((t) => (t.key === key ? { ...t, ...patch } : t)));
  const err = (p: string) => fieldError(error, `commissionPlan.${p}`);
  const revenue = f.metric === 'revenue';
  return (
    <fieldset>
      <legend>Tiers</legend>
      <div className="form-row">
        <Field label="Tier by" error={err('metric')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={f.metric} onChange={(e) => set('metric', e.target.value as PlanForm['metric'])}>
              <option value="revenue">Revenue the creator brought</option>
              <option value="sales">Number of sales</option>
            </select>
          )}
        </Field>
        <Field label="Counted per" hint="Volume starts again from zero each period." error={err('period')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={f.period} onChange={(e) => set('period', e.target.value as PlanForm['period'])}>
              <option value="week">Week</option>
              <option value="month">Month</option>
              <option value="campaign">Whole campaign</option>
            </select>
          )}
        </Field>
        <Field label="How rates apply" error={err('mode')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={f.mode} onChange={(e) => set('mode', e.target.value as PlanForm['mode'])}>
              <option value="marginal">Marginal: each rate on the part within its tier</option>
              <option value="whole-volume">Whole volume: the reached rate on everything</option>
            </select>
          )}
        </Field>
      </div>
      {f.mode === 'whole-volume' ? (
        <label className="check-label">
          <input type="checkbox" checked={f.retroactive} onChange={(e) => set('retroactive', e.target.checked)} />
          Retroactive: when a tier is reached, also pay the difference on the period’s earlier volume
        </label>
      ) : null}
      <table className="tier-table">
        <caption className="sr-only">Tiers</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">{revenue ? `From revenue (${f.currency || 'currency'})` : 'From sales'}</th>
            <th scope="col">Commission (%)</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {f.tiers.map((t, i) => (
            <tr key={t.key}>
              <th scope="row">{i + 1}</th>
              <td>
                <input
                  aria-label={`Tier ${i + 1} starts from`}
                  inputMode={revenue ? 'decimal' : 'numeric'}
                  value={t.from}
                  readOnly={i === 0}
                  title={i === 0 ? 'The first tier always starts from 0' : undefined}
                  onChange={(e) => setTier(t.key, { from: e.target.value })}
                />
                {err(`tiers.${i}.from`) ? <div className="field-error">{err(`tiers.${i}.from`)}</div> : null}
              </td>
              <td>
                <input aria-label={`Tier ${i + 1} commission percent`} inputMode="decimal" value={t.percent} onChange={(e) => setTier(t.key, { percent: e.target.value })} />
                {err(`tiers.${i}.percent`) ? <div className="field-error">{err(`tiers.${i}.percent`)}</div> : null}
              </td>
              <td>
                {i > 0 ? (
                  <button type="button" className="secondary small" aria-label={`Remove tier ${i + 1}`} onClick={() => set('tiers', f.tiers.filter((x) => x.key !== t.key))}>
                    Remove
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" className="secondary small" onClick={() => set('tiers', [...f.tiers, newTier()])}>
          Add tier
        </button>
      </p>
    </fieldset>
  );
}
