import { SubNav } from '../../ui/Tabs';
import { AllAnnotations } from '../all-annotations/AllAnnotations';
import { NeedsReview } from '../all-annotations/NeedsReview';
import { openAnnotation } from '../reader/reader-store';
import { formatHash } from '../workspace/route';
import { navigate } from '../workspace/route-store';

/** The annotations of the whole library: the table, and those that need review. */
export function AnnotationsView({ tab }: { tab: 'all' | 'review' }) {
  return (
    <div className="view-with-tabs">
      <SubNav
        label="Annotations"
        current={tab}
        tabs={[
          {
            id: 'all',
            label: 'All annotations',
            href: formatHash({ view: 'annotations', tab: 'all' }),
          },
          {
            id: 'review',
            label: 'Needs review',
            href: formatHash({ view: 'annotations', tab: 'review' }),
          },
        ]}
        onPick={(id) => navigate({ view: 'annotations', tab: id })}
      />
      {tab === 'all' ? (
        <AllAnnotations onOpen={openAnnotation} />
      ) : (
        <NeedsReview onOpen={openAnnotation} />
      )}
    </div>
  );
}
