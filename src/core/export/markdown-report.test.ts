import { describe, expect, it } from 'vitest';
import { parsedSamples } from '../../../tests/samples';
import { describeRange } from '../anchoring';
import type { Annotation, Tag } from '../model';
import { renderMarkdownReport, reportFileName } from './markdown-report';

const samples = await parsedSamples();
const minister = samples.find((d) => d.id.startsWith('2008-03-14'))!;
const pm = samples.find((d) => d.id.startsWith('2015-01-20'))!;

let seq = 0;
function annotate(doc: typeof minister, phrase: string, tag: Tag, note = ''): Annotation {
  const start = doc.text.indexOf(phrase);
  if (start < 0) throw new Error(`missing phrase: ${phrase}`);
  seq += 1;
  return {
    id: `a${seq}`,
    docId: doc.id,
    tag,
    note,
    target: {
      contentHash: '0'.repeat(64),
      selectors: describeRange(doc.text, { start, end: start + phrase.length }),
    },
    createdAt: seq,
    updatedAt: seq,
  };
}

const meta = (d: typeof minister) => ({ ...d, fileName: d.id });

describe('renderMarkdownReport', () => {
  const report = renderMarkdownReport({
    generatedAt: new Date('2026-11-22T10:30:00Z'),
    documents: [
      {
        doc: meta(pm),
        annotations: [
          annotate(
            pm,
            'Officials who collude with traffickers will be punished',
            'pledge',
            'Repeats the 2008 pledge.\nSame words, new speaker.',
          ),
        ],
      },
      {
        doc: meta(minister),
        annotations: [
          annotate(minister, 'A uniform is not a shield.', 'critique'),
          annotate(
            minister,
            'Four customs officers from the Tarsk post have been suspended on full pay',
            'evidence',
          ),
          annotate(
            minister,
            'Officials who collude with traffickers will be punished, whatever their rank',
            'pledge',
          ),
        ],
      },
      { doc: meta(samples[5]!), annotations: [] },
    ],
  });

  it('lists documents oldest first with their metadata, leaving out untagged ones', () => {
    const headings = report.match(/^## .*$/gm);
    expect(headings).toEqual([`## ${minister.title}`, `## ${pm.title}`]);
    expect(report).toContain('- Source: The Harbour Gazette\n- Date: 2008-03-14');
    expect(report).toContain(
      'Generated 2026-11-22 10:30 UTC. 2 documents, 4 annotations (2 pledge, 1 evidence, 1 critique).',
    );
  });

  it('groups quotes by tag in a fixed order, verbatim, with notes', () => {
    const first = report.split(/^## /m)[1] ?? '';
    const order = [...first.matchAll(/^### (\w+)/gm)].map((m) => m[1]);
    expect(order).toEqual(['Pledges', 'Evidence', 'Critiques']);
    expect(first).toContain(
      '### Pledges (1)\n\n> Officials who collude with traffickers will be punished, whatever their rank\n',
    );
    expect(first).toContain('### Critiques (1)\n\n> A uniform is not a shield.\n');
    const second = report.split(/^## /m)[2] ?? '';
    expect(second).toContain('Note: Repeats the 2008 pledge.\nSame words, new speaker.');
  });

  it('keeps a quote that spans paragraphs, and escapes what Markdown would read as structure', () => {
    const doc = { ...meta(minister), text: 'Para one ends here.\n\n- a dash starts this one.' };
    const quoted = renderMarkdownReport({
      generatedAt: new Date(0),
      documents: [{ doc, annotations: [annotate(doc, 'ends here.\n\n- a dash', 'evidence')] }],
    });
    expect(quoted).toContain('> ends here.\n>\n> \\- a dash');
  });

  it('says so when nothing is tagged', () => {
    expect(renderMarkdownReport({ generatedAt: new Date(0), documents: [] })).toContain(
      'No passages have been tagged yet.',
    );
    expect(reportFileName(new Date('2026-11-22T23:00:00Z'))).toBe('dossier-report-2026-11-22.md');
  });

  it('gives who said it, when, the pledge status and the links of each quote', () => {
    const pledge = {
      ...annotate(minister, 'Officials who collude with traffickers will be punished', 'pledge'),
      actor: 'Justice Minister',
      statementDate: '2008-03-14',
      status: 'broken' as const,
      rationale: 'No official convicted by 2016',
    };
    const repeat = {
      ...annotate(pm, 'Officials who collude with traffickers will be punished', 'pledge'),
      actor: 'Prime Minister',
      labels: ['prosecution', 'repeat'],
    };
    const linked = renderMarkdownReport({
      generatedAt: new Date(0),
      documents: [
        { doc: meta(minister), annotations: [pledge] },
        { doc: meta(pm), annotations: [repeat] },
      ],
      links: [{ id: 'l1', fromId: repeat.id, toId: pledge.id, relation: 'repeats', createdAt: 1 }],
    });
    expect(linked).toContain(
      '- Said by: Justice Minister, 2008-03-14\n- Status: Broken (No official convicted by 2016)\n',
    );
    expect(linked).toContain(
      `- Said by: Prime Minister\n- Labels: prosecution, repeat\n- Repeats the pledge "Officials who collude with traffickers will be punished" (${minister.title}, 2008-03-14)\n`,
    );
  });
});
