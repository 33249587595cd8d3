import {
  BorderStyle,
  ShadingType,
  UnderlineType,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
} from 'docx';
import { TAGS, type Tag } from '../model';
import { QUOTE_STYLE } from './docx-style';
import { TAG_STYLES } from './report-text';

/**
 * The Word report's named styles. Formatting lives in styles rather than on each paragraph and
 * run, so a report of twenty thousand quotes stays small and quick to write, and an editor
 * restyles every quote of a tag by changing one style.
 */

const BORDERS = {
  solid: BorderStyle.SINGLE,
  dashed: BorderStyle.DASHED,
  double: BorderStyle.DOUBLE,
} as const;

const cap = (tag: Tag) => tag[0]!.toUpperCase() + tag.slice(1);
/** Each tag's quote style (shading and a border in its line style) and its name's style. */
export const quoteStyleOf = (tag: Tag) => `${QUOTE_STYLE}${cap(tag)}`;
export const tagStyleOf = (tag: Tag) => `DossierTag${cap(tag)}`;

export const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: QUOTE_STYLE,
    name: 'Dossier Quote',
    basedOn: 'Normal',
    next: 'Normal',
    run: { size: 23 },
    paragraph: {
      indent: { left: 567, right: 283 },
      spacing: { before: 40, after: 80 },
      keepLines: true,
    },
  },
  ...TAGS.map((tag) => {
    const style = TAG_STYLES[tag];
    return {
      id: quoteStyleOf(tag),
      name: `Dossier Quote ${cap(tag)}`,
      basedOn: QUOTE_STYLE,
      next: 'Normal',
      paragraph: {
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: lighten(style.fill) },
        border: {
          left: {
            style: BORDERS[style.border],
            size: style.border === 'double' ? 12 : 18,
            color: style.ink,
            space: 8,
          },
        },
      },
    };
  }),
  {
    id: 'DossierTag',
    name: 'Dossier Tag',
    basedOn: 'Normal',
    next: QUOTE_STYLE,
    run: { size: 19, font: 'Arial' },
    paragraph: { keepNext: true, spacing: { before: 240, after: 40 } },
  },
  {
    id: 'DossierCitation',
    name: 'Dossier Citation',
    basedOn: 'Normal',
    run: { size: 17, color: '404040', font: 'Arial' },
    paragraph: { indent: { left: 567 }, spacing: { after: 40 } },
  },
  {
    id: 'DossierDetail',
    name: 'Dossier Detail',
    basedOn: 'Normal',
    run: { size: 19, font: 'Arial' },
    paragraph: { indent: { left: 567 }, spacing: { after: 20 } },
  },
  {
    id: 'DossierNote',
    name: 'Dossier Note',
    basedOn: 'Normal',
    run: { size: 21 },
    paragraph: {
      indent: { left: 1134 },
      spacing: { before: 40, after: 40 },
      border: { left: { style: BorderStyle.SINGLE, size: 8, color: '999999', space: 6 } },
    },
  },
];

export const CHARACTER_STYLES: ICharacterStyleOptions[] = [
  // The tag's name, shaded in its colour and underlined in its style: never colour alone.
  ...TAGS.map((tag) => {
    const style = TAG_STYLES[tag];
    return {
      id: tagStyleOf(tag),
      name: `Dossier Tag ${cap(tag)}`,
      run: {
        bold: true,
        color: style.ink,
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: style.fill },
        underline: {
          type:
            style.border === 'double'
              ? UnderlineType.DOUBLE
              : style.border === 'dashed'
                ? UnderlineType.DASH
                : UnderlineType.SINGLE,
          color: style.ink,
        },
      },
    };
  }),
  { id: 'DossierToken', name: 'Dossier Citation Code', run: { size: 14, color: '606060' } },
  { id: 'DossierLabel', name: 'Dossier Label', run: { bold: true } },
];

/** The tag's colour mixed with white, so black text on it stays easy to read. */
function lighten(hex: string): string {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16);
    return Math.round(v + (255 - v) * 0.6)
      .toString(16)
      .padStart(2, '0');
  };
  return `${channel(0)}${channel(2)}${channel(4)}`.toUpperCase();
}
