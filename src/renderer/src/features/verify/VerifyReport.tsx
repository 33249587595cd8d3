import { useState } from 'react';
import type { Citation, VerifiedQuote, VerifyOutcome } from '@core/export/report-types';
import type { VerifyState } from './use-verify-report';

/** Where a quote should open: its document and a range in code points. */
export interface VerifyTarget {
  docId: string;
  start: number;
  end: number;
}

interface Props {
  state: VerifyState;
  onOpen: (target: VerifyTarget) => void;
  onCancel: () => void;
  onVerifyAnother: () => void;
}

/** Problems first, so an editor sees at once what needs a look. */
const OUTCOMES: VerifyOutcome[] = ['changed', 'source-missing', 'elsewhere', 'verified'];

export const OUTCOME_LABELS: Record<VerifyOutcome, string> = {
  verified: 'Verified',
  elsewhere: 'Found elsewhere in the document',
  changed: 'Changed (quote differs)',
  'source-missing': 'Source not in this library',
};

const FORMAT_NAMES = { markdown: 'Markdown', html: 'HTML', docx: 'Word', csv: 'CSV' } as const;

function targetOf(quote: VerifiedQuote): VerifyTarget | null {
  const { citation } = quote;
  if (quote.outcome === 'source-missing') {
    const other = quote.otherVersion;
    if (!other) return null;
    return { docId: other.docId, ...(other.foundAt ?? { start: 0, end: 0 }) };
  }
  if (!quote.docId) return null;
  const at = quote.outcome === 'elsewhere' && quote.foundAt ? quote.foundAt : citation;
  return { docId: quote.docId, start: at.start, end: at.end };
}

function CitationDetails({ citation }: { citation: Citation }) {
  const rows: [string, string | null][] = [
    ['Title', citation.title],
    ['Source', citation.source],
    ['Author', citation.author],
    ['Date', citation.date],
    ['Page', citation.page === null ? null : String(citation.page)],
    ['URL', citation.url],
    ['File', citation.fileName],
    ['SHA-256', citation.sha256],
    ['Characters', `${citation.start.toLocaleString('en')}–${citation.end.toLocaleString('en')}`],
  ];
  return (
    <dl className="citation">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={label === 'SHA-256' ? 'hash' : undefined}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function QuoteOutcome({ quote, onOpen }: { quote: VerifiedQuote; onOpen: Props['onOpen'] }) {
  const target = targetOf(quote);
  return (
    <li className={`verified-quote outcome-${quote.outcome}`} data-outcome={quote.outcome}>
      <p className="outcome-label">{OUTCOME_LABELS[quote.outcome]}</p>
      <blockquote>{quote.quote}</blockquote>
      {quote.outcome === 'changed' && quote.actual !== undefined ? (
        <p className="actual">
          Now at the cited place: <q>{quote.actual}</q>
        </p>
      ) : null}
      {quote.outcome === 'elsewhere' && quote.foundAt ? (
        <p className="actual">
          Found at characters {quote.foundAt.start.toLocaleString('en')}–
          {quote.foundAt.end.toLocaleString('en')}, not where the citation says.
        </p>
      ) : null}
      {quote.outcome === 'source-missing' && quote.otherVersion ? (
        <p className="actual">
          The library holds another version of this file: “{quote.otherVersion.title}”
          {quote.otherVersion.foundAt ? ', where the quote is found.' : ', without this quote.'}
        </p>
      ) : null}
      <CitationDetails citation={quote.citation} />
      {target ? (
        <button type="button" onClick={() => onOpen(target)}>
          Open in document
        </button>
      ) : null}
    </li>
  );
}

/** What Verify report found: counts per outcome, then every quote under its outcome. */
export function VerifyReport({ state, onOpen, onCancel, onVerifyAnother }: Props) {
  return (
    <div className="verify-report">
      <div className="verify-file">
        <p className="muted file-name">{state.fileName}</p>
        <button type="button" onClick={onVerifyAnother} disabled={state.status === 'running'}>
          Verify another report…
        </button>
      </div>
      {state.status === 'running' ? (
        <div className="export-progress" role="status">
          <progress aria-label="Verify progress" />
          <span>
            {state.progress?.phase === 'checking'
              ? 'Checking each quote against the library…'
              : 'Reading the report…'}
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {state.status === 'error' ? (
        <p role="alert">
          Could not verify “{state.fileName}”: {state.message}
        </p>
      ) : null}
      {state.status === 'done' ? (
        <Outcomes quotes={state.result.quotes} format={state.result.format} onOpen={onOpen} />
      ) : null}
    </div>
  );
}

function Outcomes({
  quotes,
  format,
  onOpen,
}: {
  quotes: VerifiedQuote[];
  format: keyof typeof FORMAT_NAMES;
  onOpen: Props['onOpen'];
}) {
  if (quotes.length === 0) {
    return (
      <p role="status">
        This file holds no Dossier citations. Verify report reads reports exported by Dossier as
        HTML, Markdown, Word or CSV.
      </p>
    );
  }
  const problems = quotes.filter((q) => q.outcome !== 'verified').length;
  return (
    <>
      <p role="status" className="verify-summary">
        {FORMAT_NAMES[format]} report, {quotes.length.toLocaleString('en')} quote
        {quotes.length === 1 ? '' : 's'}:{' '}
        {problems === 0
          ? 'every quote verified.'
          : `${problems.toLocaleString('en')} not verified.`}
      </p>
      <ul className="outcome-counts" aria-label="Outcomes">
        {OUTCOMES.map((outcome) => (
          <li key={outcome}>
            {OUTCOME_LABELS[outcome]}: {quotes.filter((q) => q.outcome === outcome).length}
          </li>
        ))}
      </ul>
      {OUTCOMES.map((outcome) => (
        <OutcomeSection
          key={outcome}
          outcome={outcome}
          quotes={quotes.filter((q) => q.outcome === outcome)}
          onOpen={onOpen}
        />
      ))}
    </>
  );
}

/** A report of a whole library holds thousands of quotes: they are shown a page at a time. */
const PAGE = 200;

function OutcomeSection({
  outcome,
  quotes,
  onOpen,
}: {
  outcome: VerifyOutcome;
  quotes: VerifiedQuote[];
  onOpen: Props['onOpen'];
}) {
  const [shown, setShown] = useState(PAGE);
  if (quotes.length === 0) return null;
  const rest = quotes.length - shown;
  return (
    <section aria-label={OUTCOME_LABELS[outcome]}>
      <h3>
        {OUTCOME_LABELS[outcome]} ({quotes.length.toLocaleString('en')})
      </h3>
      <ol className="verified-quotes">
        {quotes.slice(0, shown).map((quote, i) => (
          <QuoteOutcome key={i} quote={quote} onOpen={onOpen} />
        ))}
      </ol>
      {rest > 0 ? (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(rest, PAGE)} more of {rest.toLocaleString('en')}
        </button>
      ) : null}
    </section>
  );
}
