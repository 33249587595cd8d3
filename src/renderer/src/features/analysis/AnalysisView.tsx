import { SubNav } from '../../ui/Tabs';
import { ANALYSIS_TABS, formatHash, type AnalysisTab } from '../workspace/route';
import { navigate } from '../workspace/route-store';
import { useAnalysisData } from './analysis-data';
import { GapQueries } from './GapQueries';
import { MatrixView } from './MatrixView';
import { TimelineView } from './TimelineView';

const TAB_LABELS: Record<AnalysisTab, string> = {
  matrix: 'Matrix',
  timeline: 'Timeline',
  gaps: 'Gap queries',
};

/** The library seen whole: counts by two dimensions, pledges over time, and what is missing. */
export function AnalysisView({ tab }: { tab: AnalysisTab }) {
  const data = useAnalysisData();
  return (
    <div className="view-with-tabs">
      <SubNav
        label="Analysis"
        current={tab}
        tabs={ANALYSIS_TABS.map((id) => ({
          id,
          label: TAB_LABELS[id],
          href: formatHash({ view: 'analysis', tab: id }),
        }))}
        onPick={(id) => navigate({ view: 'analysis', tab: id })}
      />
      {!data ? (
        <p className="muted placeholder">Loading…</p>
      ) : tab === 'matrix' ? (
        <MatrixView data={data} />
      ) : tab === 'timeline' ? (
        <TimelineView data={data} />
      ) : (
        <GapQueries data={data} />
      )}
    </div>
  );
}
