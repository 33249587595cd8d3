import { useState } from 'react';
import type { ExchangeProgress } from '@core/exchange/backup-format';
import type { MergeCounts, MergeSummary } from '@core/exchange/merge';
import type { DocHint } from '@core/exchange/foreign';
import type { MatchHow } from '@core/exchange/place';
import type { CodeChoice, QdpxCode } from '@core/exchange/refi-import';
import { TAG_LABELS, TAGS, type DocumentRecord, type Tag } from '@core/model';
import { Dialog } from '../../ui/Dialog';

const PHASES: Record<ExchangeProgress['phase'], string> = {
  reading: 'Reading',
  checking: 'Checking',
  writing: 'Writing',
  packing: 'Packing documents',
};

export function ProgressDialog(props: {
  title: string;
  progress: ExchangeProgress | null;
  onCancel: () => void;
}) {
  const p = props.progress;
  return (
    <Dialog title={props.title} onClose={props.onCancel}>
      <div role="status" aria-live="polite">
        <progress max={p?.total || 1} value={p ? p.done : undefined} />
        <p>{p ? `${PHASES[p.phase]}: ${p.done} of ${p.total}` : 'Starting…'}</p>
      </div>
      <p className="muted">Nothing in the library changes unless the work finishes.</p>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </Dialog>
  );
}

const line = (what: string, c: MergeCounts) =>
  `${what}: ${c.added} added, ${c.matched} matched, ${c.updated} updated, ${c.refused} refused`;

export interface SummaryContent {
  title: string;
  lines: string[];
  summary?: MergeSummary;
  notes?: string[];
}

export function SummaryDialog(props: { content: SummaryContent; onClose: () => void }) {
  const { content } = props;
  const s = content.summary;
  return (
    <Dialog title={content.title} onClose={props.onClose}>
      <ul aria-label="Summary">
        {content.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
        {s ? (
          <>
            <li>{line('Documents', s.documents)}</li>
            <li>{line('Annotations', s.annotations)}</li>
            <li>{line('Links', s.links)}</li>
          </>
        ) : null}
      </ul>
      {[...(s?.refusals ?? []), ...(content.notes ?? [])].length > 0 ? (
        <details open>
          <summary>Refused or skipped</summary>
          <ul>
            {[...(s?.refusals ?? []), ...(content.notes ?? [])].map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <button type="button" onClick={props.onClose}>
        Done
      </button>
    </Dialog>
  );
}

export function TagSelect(props: { label: string; value: Tag; onChange: (t: Tag) => void }) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as Tag)}>
        {TAGS.map((t) => (
          <option key={t} value={t}>
            {TAG_LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface HintRow {
  hint: DocHint;
  count: number;
  suggestion: { docId: string; how: MatchHow } | null;
}

/** The analyst confirms, for each document the file names, which library document it is. */
export function MatchDocumentsDialog(props: {
  fileName: string;
  rows: HintRow[];
  documents: Pick<DocumentRecord, 'id' | 'title'>[];
  untagged: number;
  onImport: (chosen: Map<string, string>, defaultTag: Tag) => void;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState(
    () =>
      new Map(
        props.rows.flatMap((r) =>
          r.suggestion ? [[r.hint.key, r.suggestion.docId] as const] : [],
        ),
      ),
  );
  const [defaultTag, setDefaultTag] = useState<Tag>('evidence');
  return (
    <Dialog title="Import annotations" className="wide" onClose={props.onClose}>
      <p>
        {props.fileName}: annotations on {props.rows.length} document
        {props.rows.length === 1 ? '' : 's'}. Confirm which document of this library each one is;
        annotations of a document left on “Not in this library” are not imported.
      </p>
      <table className="match-table">
        <thead>
          <tr>
            <th>In the file</th>
            <th>Annotations</th>
            <th>Document in this library</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.hint.key}>
              <td>
                {r.hint.title ?? r.hint.url ?? r.hint.key}
                {r.suggestion ? (
                  <span className="muted">
                    {' '}
                    (matched by {r.suggestion.how === 'hash' ? 'content' : r.suggestion.how})
                  </span>
                ) : null}
              </td>
              <td>{r.count}</td>
              <td>
                <select
                  aria-label={`Library document for ${r.hint.title ?? r.hint.url ?? r.hint.key}`}
                  value={chosen.get(r.hint.key) ?? ''}
                  onChange={(e) =>
                    setChosen((m) => {
                      const next = new Map(m);
                      if (e.target.value) next.set(r.hint.key, e.target.value);
                      else next.delete(r.hint.key);
                      return next;
                    })
                  }
                >
                  <option value="">Not in this library</option>
                  {props.documents.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.untagged > 0 ? (
        <TagSelect
          label={`${props.untagged} annotation(s) have no pledge, evidence or critique tag; tag them as`}
          value={defaultTag}
          onChange={setDefaultTag}
        />
      ) : null}
      <p>
        <button type="button" onClick={() => props.onImport(chosen, defaultTag)}>
          Import
        </button>
      </p>
    </Dialog>
  );
}

const CHOICES: { value: CodeChoice; label: string }[] = [
  { value: 'pledge', label: 'Pledge' },
  { value: 'evidence', label: 'Evidence' },
  { value: 'critique', label: 'Critique' },
  { value: 'label', label: 'Label' },
  { value: 'ignore', label: 'Leave out' },
];

/** The analyst maps each code of another tool's project to a tag, a label, or nothing. */
export function CodeMappingDialog(props: {
  projectName: string;
  sources: number;
  selections: number;
  codes: QdpxCode[];
  initial: Record<string, CodeChoice>;
  onImport: (choices: Record<string, CodeChoice>, defaultTag: Tag) => void;
  onClose: () => void;
}) {
  const [choices, setChoices] = useState(props.initial);
  const [defaultTag, setDefaultTag] = useState<Tag>('evidence');
  return (
    <Dialog title="Import project" className="wide" onClose={props.onClose}>
      <p>
        “{props.projectName}”: {props.sources} text source{props.sources === 1 ? '' : 's'} (imported
        as documents) and {props.selections} coded selection{props.selections === 1 ? '' : 's'}.
        Choose what each code becomes.
      </p>
      <table className="match-table">
        <thead>
          <tr>
            <th>Code</th>
            <th>Selections</th>
            <th>Becomes</th>
          </tr>
        </thead>
        <tbody>
          {props.codes.map((c) => (
            <tr key={c.guid}>
              <td>
                {c.color ? (
                  <span className="swatch" style={{ background: c.color }} aria-hidden />
                ) : null}
                {c.path}
              </td>
              <td>{c.uses}</td>
              <td>
                <select
                  aria-label={`Code ${c.path} becomes`}
                  value={choices[c.guid] ?? 'ignore'}
                  onChange={(e) =>
                    setChoices((m) => ({ ...m, [c.guid]: e.target.value as CodeChoice }))
                  }
                >
                  {CHOICES.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TagSelect
        label="Selections with no code chosen as a tag become"
        value={defaultTag}
        onChange={setDefaultTag}
      />
      <p>
        <button type="button" onClick={() => props.onImport(choices, defaultTag)}>
          Import
        </button>
      </p>
    </Dialog>
  );
}
