export { archiveCampaign } from './archive-campaign.ts';
export { createCampaign } from './create-campaign.ts';
export { getCampaign, getCampaignForLinks, type CampaignForLinks } from './get-campaign.ts';
export { listCampaigns } from './list-campaigns.ts';
export { updateCampaign } from './update-campaign.ts';
export {
  AllowedDomains,
  CAMPAIGN_STATUSES,
  CampaignSlug,
  CreateCampaignInput,
  ListCampaignsInput,
  UpdateCampaignInput,
  type CampaignDto,
  type CampaignPage,
  type CampaignStatus,
} from './schemas.ts';
export { campaignRoutes } from './routes.ts';
