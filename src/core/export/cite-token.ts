import type { Citation } from './report-types';

/**
 * The machine-readable form of a citation that every format carries beside each quote, so
 * Verify report can read it back: `[dossier:cite sha256=… start=… end=… page=… file=…]`.
 * Only hex digits, digits and a percent-encoded file name (with `-` encoded too), so it holds
 * no markup, no `]`, no space and never `-->` (it sits inside a Markdown comment).
 */
export interface CiteToken {
  sha256: string;
  start: number;
  end: number;
  page: number | null;
  fileName: string;
}

export const CITE_TOKEN_PATTERN =
  /\[dossier:cite sha256=([0-9a-f]{64}|-) start=(\d+) end=(\d+) page=(\d+|-) file=([^\s\]]*)\]/g;

export function formatCiteToken(
  c: Pick<Citation, 'sha256' | 'start' | 'end' | 'page' | 'fileName'>,
): string {
  const sha = /^[0-9a-f]{64}$/.test(c.sha256) ? c.sha256 : '-';
  const file = encodeURIComponent(c.fileName).replace(/-/g, '%2D');
  return `[dossier:cite sha256=${sha} start=${c.start} end=${c.end} page=${c.page ?? '-'} file=${file}]`;
}

/** Every token in `text`, in order. */
export function parseCiteTokens(text: string): CiteToken[] {
  return [...text.matchAll(CITE_TOKEN_PATTERN)].map(tokenOf);
}

/** The token in `text`, if there is one. */
export function parseCiteToken(text: string): CiteToken | null {
  return parseCiteTokens(text)[0] ?? null;
}

function tokenOf(m: RegExpMatchArray): CiteToken {
  let fileName: string;
  try {
    fileName = decodeURIComponent(m[5] ?? '');
  } catch {
    fileName = m[5] ?? '';
  }
  return {
    sha256: m[1] === '-' ? '' : (m[1] ?? ''),
    start: Number(m[2]),
    end: Number(m[3]),
    page: m[4] === '-' ? null : Number(m[4]),
    fileName,
  };
}
