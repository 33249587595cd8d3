import { AnnotationService } from '@core/annotations/annotation-service';
import { annotationStore } from '../../db/annotations-repo';

/** The app's one annotation service, over IndexedDB. */
export const annotationService = new AnnotationService(annotationStore());
