export { archiveInfluencer, unarchiveInfluencer } from './archive-influencer.ts';
export { createInfluencer } from './create-influencer.ts';
export { getInfluencer } from './get-influencer.ts';
export { listInfluencers } from './list-influencers.ts';
export { updateInfluencer } from './update-influencer.ts';
export {
  CreateInfluencerInput,
  HANDLE_PLATFORMS,
  INFLUENCER_STATUSES,
  ListInfluencersInput,
  UpdateInfluencerInput,
  type Handles,
  type InfluencerDto,
  type InfluencerPage,
  type InfluencerStatus,
} from './schemas.ts';
export { influencerRoutes } from './routes.ts';
