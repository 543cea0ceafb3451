/** One request to /r/:code, classified, ready to be written. */
export type ClickEvent = {
  id: string;
  workspaceId: string;
  linkId: string;
  influencerId: string;
  campaignId: string;
  clickedAt: Date;
  ipHash: string | null;
  /** Keys uniqueness per link; never stored in the clicks table. */
  visitorKey: string;
  uniqueWindowMs: number;
  country: string | null;
  device: string;
  os: string | null;
  browser: string | null;
  inApp: string | null;
  source: string;
  referrerHost: string | null;
  bot: boolean;
  botReason: string | null;
};
