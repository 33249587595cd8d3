import { memo, type ReactNode } from 'react';
import { TAG_LABELS, type Block, type Page } from '@core/model';
import { segmentRange, type Mark } from './segments';

interface Props {
  text: string;
  blocks: readonly Block[];
  pages?: readonly Page[];
  marks: readonly Mark[];
  selectedId: string | null;
}

function renderSegments(
  text: string,
  block: Block,
  marks: readonly Mark[],
  selectedId: string | null,
) {
  return segmentRange(block.start, block.end, marks).map((seg) => {
    const slice = text.slice(seg.start, seg.end);
    const top = seg.annotations[seg.annotations.length - 1];
    if (!top && !seg.hit) return slice;
    const classes = [];
    if (top) classes.push('hl', `hl-${top.tag}`);
    if (seg.annotations.length > 1) classes.push('hl-overlap');
    if (seg.annotations.some((a) => a.id === selectedId)) classes.push('hl-selected');
    if (seg.hit) classes.push('search-hit');
    if (seg.current) classes.push('current');
    const first = seg.starts[0] ? seg.annotations.find((a) => a.id === seg.starts[0]) : undefined;
    return (
      <span
        key={seg.start}
        className={classes.join(' ')}
        data-annotation-ids={seg.annotations.map((a) => a.id).join(' ') || undefined}
        data-label={first ? TAG_LABELS[first.tag] : undefined}
      >
        {slice}
      </span>
    );
  });
}

/** The page number to label each block that opens a page with (1-based), by block index. */
function pageStarts(blocks: readonly Block[], pages: readonly Page[] | undefined) {
  const labels = new Map<number, number>();
  if (!pages) return labels;
  let b = 0;
  pages.forEach((page, i) => {
    while (b < blocks.length && (blocks[b] as Block).start < page.start) b += 1;
    const block = blocks[b];
    if (block && block.start < page.end) labels.set(b, i + 1);
  });
  return labels;
}

function renderBlock(block: Block, children: ReactNode, key: number, page?: number) {
  const data = { 'data-start': block.start, 'data-end': block.end, 'data-page': page, key };
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, (block.level ?? 1) + 1));
      const Tag = `h${level}` as 'h2';
      return <Tag {...data}>{children}</Tag>;
    }
    case 'list-item':
      return <li {...data}>{children}</li>;
    case 'quote':
      return <blockquote {...data}>{children}</blockquote>;
    case 'code':
      return <pre {...data}>{children}</pre>;
    default:
      return <p {...data}>{children}</p>;
  }
}

/**
 * The document's blocks as reading text. Each block carries its offsets (data-start/end) so a
 * DOM selection maps back to the normalised text; highlights are spans inside the blocks.
 */
export const DocumentText = memo(function DocumentText({
  text,
  blocks,
  pages,
  marks,
  selectedId,
}: Props) {
  const labels = pageStarts(blocks, pages);
  const out: ReactNode[] = [];
  let list: ReactNode[] = [];
  const flush = () => {
    if (list.length > 0) out.push(<ul key={`ul-${out.length}`}>{list}</ul>);
    list = [];
  };
  blocks.forEach((block, i) => {
    const node = renderBlock(
      block,
      renderSegments(text, block, marks, selectedId),
      i,
      labels.get(i),
    );
    if (block.kind === 'list-item') list.push(node);
    else {
      flush();
      out.push(node);
    }
  });
  flush();
  return <>{out}</>;
});
