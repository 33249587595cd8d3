import { useEffect, useId, useState } from 'react';
import { TAG_LABELS, TAGS, TagSchema, type Annotation } from '@core/model';
import { annotationService } from './annotation-service';
import { CommitField } from './CommitField';
import { RELATION_LABELS } from './LinkPicker';
import { MarkdownNote } from './MarkdownNote';
import { dropNoteDraft, keepNoteDraft } from './note-drafts';
import { StatusEditor } from './StatusEditor';
import { useActors, useLinksFrom } from './use-library-annotations';
import { quoteOf } from '@core/annotations/selectors-of';

/** The note field's id, so the n key can put the cursor in it. */
export const NOTE_FIELD_ID = 'annotation-note';

function NoteEditor({ annotation }: { annotation: Annotation }) {
  const [draft, setDraft] = useState(annotation.note);
  useEffect(() => setDraft(annotation.note), [annotation.id, annotation.note]);
  const save = () => {
    if (draft === annotation.note) return;
    void annotationService
      .update(annotation.id, { note: draft })
      .then(() => dropNoteDraft(annotation.id));
  };
  return (
    <div className="note-editor">
      <label className="field">
        Note
        <textarea
          id={NOTE_FIELD_ID}
          value={draft}
          rows={4}
          onChange={(e) => {
            setDraft(e.target.value);
            // Kept at each keystroke: a window closed mid-note loses nothing.
            keepNoteDraft(annotation.id, e.target.value, annotation.note);
          }}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            }
          }}
          placeholder="Why this passage matters, in Markdown (saved when you leave the field, or Ctrl+Enter)"
        />
      </label>
      <MarkdownNote markdown={annotation.note} />
    </div>
  );
}

function ReviewNotice({ annotation }: { annotation: Annotation }) {
  if (!annotation.review) return null;
  const { reason, previousQuote } = annotation.review;
  return (
    <div className="review-notice" role="note">
      <p>
        {reason === 'changed'
          ? 'A new version of the document changed this passage. It was:'
          : 'A new version of the document no longer has this passage. It was:'}
      </p>
      <blockquote>{previousQuote}</blockquote>
      <button
        type="button"
        onClick={() => void annotationService.update(annotation.id, { reviewed: true })}
      >
        Mark as checked
      </button>
    </div>
  );
}

function Links({ annotation }: { annotation: Annotation }) {
  const links = useLinksFrom(annotation.id);
  if (!links || links.length === 0) return null;
  return (
    <ul className="link-list" aria-label="Linked pledges">
      {links.map(({ link, pledge }) => (
        <li key={link.id}>
          <span className="relation">{RELATION_LABELS[link.relation]}</span>{' '}
          <span className="quote">{pledge ? quoteOf(pledge) : '(deleted pledge)'}</span>{' '}
          <button
            type="button"
            aria-label={`Unlink from ${pledge ? quoteOf(pledge).slice(0, 40) : 'pledge'}`}
            onClick={() => void annotationService.unlink(link.id, annotation.id)}
          >
            Unlink
          </button>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  annotation: Annotation;
  /** The document's date: the statement date until the analyst sets another. */
  docDate: string | null;
  /** False when the annotation could not be placed in the current text. */
  anchored: boolean;
  onDeleted: () => void;
  onLink: () => void;
  onDossier: () => void;
  onReattach: () => void;
}

export function AnnotationDetails(props: Props) {
  const { annotation, docDate } = props;
  const actors = useActors();
  const listId = useId();
  return (
    <div className="annotation-details">
      <ReviewNotice annotation={annotation} />
      {!props.anchored || annotation.review ? (
        <p className="reattach">
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={props.onReattach}
            title="Select the passage in the text first"
          >
            Re-attach here
          </button>{' '}
          <span className="muted">Select the passage in the text, then press this.</span>
        </p>
      ) : null}
      <label className="field">
        Tag
        <select
          value={annotation.tag}
          onChange={(e) =>
            void annotationService.update(annotation.id, { tag: TagSchema.parse(e.target.value) })
          }
        >
          {TAGS.map((tag) => (
            <option key={tag} value={tag}>
              {TAG_LABELS[tag]}
            </option>
          ))}
        </select>
      </label>
      <NoteEditor annotation={annotation} />
      <CommitField
        label="Actor"
        value={annotation.actor ?? ''}
        list={listId}
        placeholder="Who said or wrote it"
        onCommit={(actor) => void annotationService.update(annotation.id, { actor })}
      />
      <datalist id={listId}>
        {actors.map((actor) => (
          <option key={actor} value={actor} />
        ))}
      </datalist>
      <CommitField
        label="Statement date"
        type="date"
        value={annotation.statementDate ?? docDate ?? ''}
        onCommit={(statementDate) =>
          void annotationService.update(annotation.id, { statementDate })
        }
      />
      <CommitField
        label="Labels"
        value={(annotation.labels ?? []).join(', ')}
        placeholder="Comma-separated, e.g. shelters, courts"
        onCommit={(labels) =>
          void annotationService.update(annotation.id, { labels: labels.split(',') })
        }
      />
      {annotation.tag === 'pledge' ? <StatusEditor annotation={annotation} /> : null}
      <Links annotation={annotation} />
      <div className="annotation-actions">
        <button
          type="button"
          onClick={props.onLink}
          aria-label="Link to pledge"
          aria-keyshortcuts="l"
        >
          Link to pledge…
        </button>
        {annotation.tag === 'pledge' ? (
          <button type="button" onClick={props.onDossier}>
            Pledge dossier
          </button>
        ) : null}
        <button
          type="button"
          className="danger"
          aria-keyshortcuts="Delete"
          onClick={() => {
            void annotationService.remove(annotation.id);
            props.onDeleted();
          }}
        >
          Delete annotation
        </button>
      </div>
    </div>
  );
}
