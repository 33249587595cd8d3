import type { Balance } from '@core/analysis';

/**
 * Supporting against contradicting items as a small bar with the numbers beside it; the
 * numbers and the pattern (solid for supports, hatched for contradicts) say it without colour.
 */
export function BalanceBar({ balance }: { balance: Balance }) {
  const { supports, contradicts } = balance;
  const total = supports + contradicts;
  const width = 80;
  const s = total === 0 ? 0 : (supports / total) * width;
  return (
    <span className="balance">
      <svg width={width} height={10} aria-hidden="true" className="balance-bar">
        <rect x={0} y={0} width={width} height={10} className="balance-empty" />
        {total > 0 ? (
          <>
            <rect x={0} y={0} width={s} height={10} className="balance-supports" />
            <rect x={s} y={0} width={width - s} height={10} className="balance-contradicts" />
          </>
        ) : null}
      </svg>
      <span className="balance-numbers">
        {total === 0 ? 'no evidence' : `${supports} for · ${contradicts} against`}
      </span>
    </span>
  );
}
