import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/ui.tsx';
import { countAdvanced, EMPTY_FILTERS, type Filters } from './search-filters.ts';
import { PLATFORM_LABELS, PLATFORMS, SORTS, tierLabels, TIERS } from './types.ts';

const AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '55+', '65+'];

/** A group of checkboxes with a legend (for list filters: platforms, tiers, niches). */
export function CheckboxGroup({ legend, options, value, onChange, hint }: { legend: string; options: { value: string; label: string }[]; value: string[]; onChange: (v: string[]) => void; hint?: string }) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="check-list">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

type Props = { initial: Filters; niches: { id: string; label: string }[]; bands?: Record<string, number>; busy: boolean; onSearch: (f: Filters) => void };

/** Every filter GET /api/v1/influencers/search supports, in plain words. */
export function FilterForm({ initial, niches, bands, busy, onSearch }: Props) {
  const tierLabel = tierLabels(bands);
  const [f, setF] = useState<Filters>(initial);
  useEffect(() => setF(initial), [initial]);
  const set = <K extends keyof Filters>(k: K) => (v: Filters[K]) => setF((old) => ({ ...old, [k]: v }));
  const text = (k: keyof Filters) => ({ value: f[k] as string, onChange: (e: { target: { value: string } }) => set(k)(e.target.value as never) });
  const nicheOptions = niches.map((n) => ({ value: n.id, label: n.label }));
  const advanced = countAdvanced(f);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(f);
  };
  return (
    <form className="card search-form" role="search" aria-label="Creator search" onSubmit={submit}>
      <div className="form-row">
        <div className="grow">
          <Field label="What are you looking for?" hint="Describe the creator or content in words (e.g. “vegan skincare routines”). Results are then ranked by fit.">
            {(id, d) => <input id={id} aria-describedby={d} type="text" maxLength={2000} placeholder="vegan skincare, morning routines…" {...text('brief')} />}
          </Field>
        </div>
        <Field label="Sort by">
          {(id) => (
            <select id={id} {...text('sort')}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row top">
        <CheckboxGroup legend="Platforms" options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] ?? p }))} value={f.platform} onChange={set('platform')} />
        <CheckboxGroup legend="Tiers (followers)" options={TIERS.map((t) => ({ value: t, label: tierLabel[t] ?? t }))} value={f.tier} onChange={set('tier')} />
      </div>
      {nicheOptions.length ? <CheckboxGroup legend="Niches" options={nicheOptions} value={f.niche} onChange={set('niche')} /> : null}
      <details className="more-filters" open={advanced > 0 ? true : undefined}>
        <summary>More filters{advanced ? ` (${advanced} set)` : ''}: followers, engagement, authenticity, location, audience</summary>
        <div className="filter-grid">
          <Field label="Min followers">{(id) => <input id={id} type="number" min={0} step={1} inputMode="numeric" {...text('minFollowers')} />}</Field>
          <Field label="Max followers">{(id) => <input id={id} type="number" min={0} step={1} inputMode="numeric" {...text('maxFollowers')} />}</Field>
          <Field label="Min engagement rate (%)" hint="2 means 2%">
            {(id, d) => <input id={id} aria-describedby={d} type="number" min={0} max={100} step="any" {...text('minEr')} />}
          </Field>
          <Field label="Max engagement rate (%)">{(id) => <input id={id} type="number" min={0} max={100} step="any" {...text('maxEr')} />}</Field>
          <Field label="Min authenticity (0–100)">{(id) => <input id={id} type="number" min={0} max={100} step={1} {...text('minAuthenticity')} />}</Field>
          <Field label="Creator countries" hint="ISO codes, comma-separated: DE, FR">
            {(id, d) => <input id={id} aria-describedby={d} autoCapitalize="characters" {...text('country')} />}
          </Field>
          <Field label="Location contains" hint="e.g. Berlin">
            {(id, d) => <input id={id} aria-describedby={d} {...text('location')} />}
          </Field>
          <Field label="Languages" hint="ISO codes, comma-separated: en, de">
            {(id, d) => <input id={id} aria-describedby={d} {...text('language')} />}
          </Field>
          <Field label="Contact email">
            {(id) => (
              <select id={id} {...text('hasEmail')}>
                <option value="">Any</option>
                <option value="true">Has an email</option>
                <option value="false">No email</option>
              </select>
            )}
          </Field>
        </div>
        <fieldset className="checks">
          <legend>Audience</legend>
          <div className="filter-grid">
          <Field label="Audience country" hint="ISO code, e.g. US">
            {(id, d) => <input id={id} aria-describedby={d} maxLength={2} {...text('audienceCountry')} />}
          </Field>
          <Field label="Min share in that country (%)">{(id) => <input id={id} type="number" min={0} max={100} step="any" {...text('audienceCountryShare')} />}</Field>
          <Field label="Audience age">
            {(id) => (
              <select id={id} {...text('audienceAge')}>
                <option value="">Any age</option>
                {AGE_BANDS.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Min share of that age (%)">{(id) => <input id={id} type="number" min={0} max={100} step="any" {...text('audienceAgeShare')} />}</Field>
          <Field label="Audience gender">
            {(id) => (
              <select id={id} {...text('audienceGender')}>
                <option value="">Any gender</option>
                <option value="female">Female</option>
                <option value="male">Male</option>
                <option value="other">Other</option>
              </select>
            )}
          </Field>
          <Field label="Min share of that gender (%)">{(id) => <input id={id} type="number" min={0} max={100} step="any" {...text('audienceGenderShare')} />}</Field>
          </div>
        </fieldset>
        {nicheOptions.length ? (
          <CheckboxGroup legend="Niches the fit score rewards" hint="Leave empty to reward the niches filtered above." options={nicheOptions} value={f.briefNiches} onChange={set('briefNiches')} />
        ) : null}
      </details>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Searching…' : 'Search creators'}
        </button>
        <button type="button" className="secondary" onClick={() => onSearch(EMPTY_FILTERS)}>
          Reset filters
        </button>
      </div>
    </form>
  );
}
