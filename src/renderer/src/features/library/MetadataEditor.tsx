import { useId, useRef, useState, type FormEvent } from 'react';
import { META_FIELDS, parseMetaForm, type MetaField, type MetaPatch } from '@core/meta-patch';
import type { DocumentRecord } from '@core/model';
import { Dialog } from '../../ui/Dialog';

interface FieldSpec {
  label: string;
  type?: 'text' | 'url';
  placeholder?: string;
  hint?: string;
}

const FIELDS: Readonly<Record<MetaField, FieldSpec>> = {
  title: { label: 'Title' },
  source: { label: 'Source', placeholder: 'Publication or organisation' },
  date: { label: 'Date', placeholder: 'YYYY-MM-DD', hint: 'YYYY-MM-DD, or empty if undated.' },
  author: { label: 'Author' },
  url: { label: 'URL', type: 'url', placeholder: 'https://' },
  language: { label: 'Language', placeholder: 'en' },
};

type Values = Record<MetaField, string>;

function valuesOf(record: DocumentRecord): Values {
  return {
    title: record.title,
    source: record.source ?? '',
    date: record.date ?? '',
    author: record.author ?? '',
    url: record.url ?? '',
    language: record.language ?? '',
  };
}

interface Props {
  record: DocumentRecord;
  /** Called with every field, cleaned; a rejection is shown in the dialog, which stays open. */
  onSave: (patch: MetaPatch) => Promise<void>;
  onCancel: () => void;
}

/**
 * A modal form for correcting a document's details. The fields start from `record` when the
 * editor mounts, so render it with `key={record.id}` if the record can change underneath.
 * Enter in a field saves, Escape cancels.
 */
export function MetadataEditor({ record, onSave, onCancel }: Props) {
  const id = useId();
  const titleRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState(() => valuesOf(record));
  // A field's error shows once the analyst has left it, or has tried to save.
  const [touched, setTouched] = useState<ReadonlySet<MetaField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const checked = parseMetaForm(values);
  const errorOf = (field: MetaField): string | undefined =>
    !checked.ok && (submitted || touched.has(field)) ? checked.errors[field] : undefined;

  const cancel = () => {
    if (!saving) onCancel();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    if (!checked.ok) {
      const firstWrong = META_FIELDS.find((field) => checked.errors[field]);
      const input = firstWrong ? event.currentTarget.elements.namedItem(firstWrong) : null;
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      await onSave(checked.patch);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title="Edit document details"
      className="meta-editor"
      hideHeading
      initialFocus={titleRef}
      onClose={cancel}
    >
      <form noValidate aria-busy={saving} onSubmit={(event) => void submit(event)}>
        <h2>Document details</h2>
        <p className="muted file-name">{record.fileName}</p>
        {META_FIELDS.map((field) => {
          const spec = FIELDS[field];
          const inputId = `${id}-${field}`;
          const hintId = spec.hint ? `${inputId}-hint` : undefined;
          const error = errorOf(field);
          const errorId = error ? `${inputId}-error` : undefined;
          return (
            <div className="field" key={field}>
              <label htmlFor={inputId}>
                {spec.label}
                {field === 'title' ? (
                  // The input's `required` already says so to assistive technology.
                  <span className="required" aria-hidden="true">
                    {' '}
                    (required)
                  </span>
                ) : null}
              </label>
              <input
                ref={field === 'title' ? titleRef : undefined}
                id={inputId}
                name={field}
                type={spec.type ?? 'text'}
                value={values[field]}
                placeholder={spec.placeholder}
                required={field === 'title'}
                autoComplete="off"
                spellCheck={field === 'title' || field === 'source' || field === 'author'}
                aria-invalid={error ? true : undefined}
                aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
                onChange={(event) => {
                  const value = event.target.value;
                  setValues((previous) => ({ ...previous, [field]: value }));
                }}
                onBlur={() => setTouched((previous) => new Set(previous).add(field))}
              />
              {error ? (
                <p id={errorId} className="field-error">
                  {error}
                </p>
              ) : null}
              {spec.hint ? (
                <p id={hintId} className="field-hint">
                  {spec.hint}
                </p>
              ) : null}
            </div>
          );
        })}
        {saveError ? (
          <p className="save-error" role="alert">
            Could not save the details: {saveError}
          </p>
        ) : null}
        <div className="meta-editor-actions">
          {saving ? <span className="muted">Saving…</span> : null}
          <button type="button" onClick={cancel} disabled={saving}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Save details
          </button>
        </div>
      </form>
    </Dialog>
  );
}
