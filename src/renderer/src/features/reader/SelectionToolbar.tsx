import { TAG_LABELS, TAGS, type Tag } from '@core/model';

interface Props {
  top: number;
  left: number;
  onTag: (tag: Tag) => void;
}

/** Appears over a selection; buttons keep the selection alive by not taking focus on press. */
export function SelectionToolbar({ top, left, onTag }: Props) {
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Tag selection"
      style={{ top, left }}
    >
      {TAGS.map((tag, i) => (
        <button
          key={tag}
          type="button"
          className={`tag-button tag-${tag}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTag(tag)}
          aria-keyshortcuts={String(i + 1)}
          title={`${TAG_LABELS[tag]} (key ${i + 1})`}
        >
          {TAG_LABELS[tag]}
        </button>
      ))}
    </div>
  );
}
