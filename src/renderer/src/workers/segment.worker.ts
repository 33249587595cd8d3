import { buildLibrarySegment, type SegmentBuildRequest } from '../features/search/segment-builder';
import { serveJobs } from './serve';

serveJobs((request: SegmentBuildRequest) => buildLibrarySegment(request.ids));
