import { useId, useState } from 'react';
import { ErrorBanner } from '../../components/ui.tsx';
import { friendly } from './field-errors.ts';
import type { Campaign } from './types.ts';

const EXAMPLE = `{
  "type": "percent",
  "percent": 10,
  "holdDays": 30,
  "bonuses": [{ "metric": "sales", "threshold": 10, "period": "month", "amount": 5000, "currency": "USD" }]
}`;

/** The whole plan as JSON (amounts in minor units), for bonuses, overrides, splits, fees and gifts. */
export function PlanJsonEditor(props: { campaign: Campaign; initial: unknown; busy: boolean; error: unknown; onSave: (plan: unknown) => void; onCancel: () => void }) {
  const id = useId();
  const [text, setText] = useState(() => (props.initial ? JSON.stringify(props.initial, null, 2) : EXAMPLE));
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <form
      aria-label={`JSON editor for ${props.campaign.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        try {
          const plan = JSON.parse(text) as unknown;
          setParseError(null);
          props.onSave(plan);
        } catch (err) {
          setParseError(`This is not valid JSON: ${(err as Error).message}`);
        }
      }}
    >
      <div className="field">
        <label htmlFor={id}>Plan as JSON</label>
        <textarea id={id} className="json-editor" spellCheck={false} aria-describedby={`${id}-hint`} value={text} onChange={(e) => setText(e.target.value)} />
        <div className="hint" id={`${id}-hint`}>
          Amounts are integer minor units (5000 = 50.00 USD); percents are numbers such as 12.5. Besides the main rule you can add <code>overrides</code> (per SKU or
          category), <code>bonuses</code> (per sales or revenue milestone), <code>multiTier</code>, <code>splits</code>, <code>flatFees</code> (per deliverable) and{' '}
          <code>gifts</code>. The server checks the plan and names the field it refuses.
        </div>
      </div>
      {parseError ? (
        <div className="banner error" role="alert">
          {parseError}
        </div>
      ) : null}
      <ErrorBanner error={friendly(props.error)} />
      <div className="form-actions">
        <button type="submit" disabled={props.busy}>
          {props.busy ? 'Saving…' : 'Save plan JSON'}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
