import { useId } from 'react';
import type { AttributionSettings } from './types.ts';

type Signal = AttributionSettings['precedence'];
const SIGNALS: Record<Signal, { label: string; hint: string }> = {
  coupon: { label: 'Coupon code', hint: 'the creator whose code the customer typed at checkout' },
  click: { label: 'Tracking link click', hint: 'the creator whose link the customer clicked' },
};

/**
 * Which signal wins when a valid click and a valid coupon point to different creators, as an
 * ordered list: the first one wins. Move buttons keep it keyboard-friendly (no drag and drop).
 */
export function PrecedenceList({ value, onChange }: { value: Signal; onChange: (next: Signal) => void }) {
  const hintId = useId();
  const order: Signal[] = value === 'coupon' ? ['coupon', 'click'] : ['click', 'coupon'];
  const btnId = (s: Signal, dir: 'up' | 'down') => `${hintId}-${s}-${dir}`;
  const move = (from: number, to: number) => {
    const next = order.slice();
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next[0]!);
    // Keep focus on the moved item: its button in the same direction, or the other one once at an end.
    requestAnimationFrame(() => {
      const same = document.getElementById(btnId(item!, to < from ? 'up' : 'down')) as HTMLButtonElement | null;
      const other = document.getElementById(btnId(item!, to < from ? 'down' : 'up'));
      (same && !same.disabled ? same : other)?.focus();
    });
  };
  return (
    <fieldset aria-describedby={hintId}>
      <legend>Precedence when signals disagree</legend>
      <p className="hint" id={hintId}>
        When a customer clicked one creator’s link but typed another creator’s coupon, the signal higher in this list gets the sale.
      </p>
      <ol className="order-list">
        {order.map((s, i) => (
          <li key={s}>
            <span className="rank" aria-hidden="true">
              {i + 1}.
            </span>
            <span className="grow">
              <strong>{SIGNALS[s].label}</strong> <span className="muted small">— {SIGNALS[s].hint}</span>
              {i === 0 ? <span className="badge good" style={{ marginLeft: 8 }}>wins</span> : null}
            </span>
            <button id={btnId(s, 'up')} type="button" className="secondary small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move ${SIGNALS[s].label} up`}>
              ↑ Up
            </button>
            <button id={btnId(s, 'down')} type="button" className="secondary small" disabled={i === order.length - 1} onClick={() => move(i, i + 1)} aria-label={`Move ${SIGNALS[s].label} down`}>
              ↓ Down
            </button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
