/**
 * The tables as Kysely sees them. Times are UTC ISO-8601 strings (`2026-03-22T01:00:00.000Z`)
 * in both databases, so they compare as text and read the same on SQLite and PostgreSQL;
 * flags are 0/1 integers for the same reason.
 */
export interface RegionsTable {
  id: string;
  parent_id: string | null;
  level: string;
  name: string;
  kind: string;
  sort: number;
}

export interface UsersTable {
  id: string;
  openid: string | null;
  username: string | null;
  password_hash: string | null;
  nickname: string;
  avatar_url: string | null;
  home_community_id: string | null;
  /** AES-GCM ciphertext (cloud/core/crypto.ts); never the plain number. */
  phone_enc: string | null;
  /** Keyed hash of the number, to find a user by phone without decrypting every row. */
  phone_index: string | null;
  /** WeChat open-platform unionid, when WeChat or a LeanCloud import gave one. */
  unionid: string | null;
  /** Last four digits of the phone (what a masked number shows), to find a person by them. */
  phone_tail: string | null;
  /** The code a person shows in 我的 so an admin can find them to appoint (migration 013). */
  invite_code: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /**
   * Bumped by triggers when the user's sessions or grants change (migration 019). Optional
   * here because the database fills it (default 0) and rows of this type are built in code.
   */
  auth_version?: number;
}

export interface SessionsTable {
  /** sha256 of the token; the token itself is only ever known to the client. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RoleGrantsTable {
  user_id: string;
  role: string;
  scope_id: string;
  granted_by: string | null;
  granted_at: string;
}

export interface ArticlesTable {
  id: string;
  scope_id: string;
  category: string;
  title: string;
  summary: string;
  cover_url: string | null;
  body_html: string;
  /** JSON array of names. */
  reporters: string;
  correspondents: string;
  pinned: number;
  pledge_prompt: string | null;
  /** draft | published | unpublished; "scheduled" is published with publish_at still ahead. */
  status: string;
  publish_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArticlePledgesTable {
  article_id: string;
  user_id: string;
  created_at: string;
}

export interface ShareVisitsTable {
  id: string;
  target_kind: string;
  target_id: string;
  sharer_id: string;
  visitor_id: string | null;
  /** `user:<id>`, or `anon:<address hash>:<slot>` for a device without a session (migration 009). */
  visitor_key: string | null;
  visited_at: string;
}

export interface LoginAttemptsTable {
  /** The username tried (lower case), known or not, so a lock says nothing about existence. */
  account: string;
  /** Hash of the client address. */
  client: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  scope_id: string;
  category: string;
  title: string;
  description: string;
  organizer: string;
  /** JSON array of 共建单位 names. */
  partners: string;
  venue: string;
  starts_at: string;
  ends_at: string;
  signup_opens_at: string;
  signup_closes_at: string;
  cancel_cutoff_at: string;
  requires_signup: number;
  /** 0 = unlimited. */
  capacity: number;
  confirmed_count: number;
  /** The last waitlist number handed out; the next waitlisted resident gets one more. */
  waitlist_seq: number;
  /** draft | published | cancelled | closed */
  state: string;
  cancel_reason: string | null;
  attendance: number | null;
  residents_served: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Places for volunteers (志愿者), apart from participants' seats; 0 = takes no volunteers. */
  volunteer_capacity: number;
  volunteer_count: number;
}

export interface EventRegistrationsTable {
  id: string;
  event_id: string;
  user_id: string;
  /** confirmed | waitlisted | cancelled | removed */
  status: string;
  waitlist_no: number | null;
  checkin_code: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  shared_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One user's subscription to one template (订阅消息): credits left, or long-term on. */
export interface SubscriptionsTable {
  user_id: string;
  /** Our name of the template (types/notifications-model.ts). */
  template: string;
  credits: number;
  /** 1 while a long-term subscription is on. */
  long_term: number;
  last_choice: string | null;
  updated_at: string;
}

export interface OutboxTable {
  id: string;
  dedupe_key: string;
  user_id: string;
  template: string;
  page: string | null;
  /** JSON object of the template's fields. */
  data: string;
  /** pending | sending | sent | unsubscribed | refused | rejected | failed | skipped (words: OUTBOX_STATUS_TEXT) */
  status: string;
  attempts: number;
  not_before: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** While `sending`: when the taking host's lease runs out and another host may take it. */
  lease_until: string | null;
  /** The host (and attempt) that holds the lease; a settle from anyone else is ignored. */
  claimed_by: string | null;
  /** How this message's send was paid for ('credit' | 'long-term'), set with the spend; null until then and after a refund. */
  paid: string | null;
}

export interface ServiceCentersTable {
  id: string;
  community_id: string;
  name: string;
  address: string;
  area_m2: number | null;
  phone: string | null;
  opened_on: string | null;
}

export interface ResourcesTable {
  id: string;
  center_id: string;
  /** room | hall */
  kind: string;
  name: string;
  description: string;
  capacity: number;
  /** JSON WeeklyHours (types/bookings.ts). */
  hours: string;
  slot_minutes: number;
  window_size: number;
  days_ahead: number;
  min_notice_minutes: number;
  cancel_cutoff_minutes: number;
  weekly_quota: number;
  requires_approval: number;
  /** JSON array of document names. */
  documents: string;
  active: number;
  sort: number;
}

export interface ClosedDatesTable {
  resource_id: string;
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  reason: string;
}

export interface BookingsTable {
  id: string;
  resource_id: string;
  user_id: string;
  slot_start: string;
  slot_end: string;
  /** BOOKING_FLOW's keys (types/bookings.ts). */
  status: string;
  /** HALL_STEPS' keys for hall matters; null for rooms. */
  step: string | null;
  purpose: string;
  party_size: number;
  reject_reason: string | null;
  /** JSON array. */
  missing_materials: string;
  created_at: string;
  updated_at: string;
}

export interface SlotHoldsTable {
  resource_id: string;
  slot_start: string;
  seat: number;
  booking_id: string;
}

export interface BookingStepsTable {
  id: string;
  booking_id: string;
  /** 1, 2, 3… within the booking: the timeline's order, even when two steps share a millisecond. */
  seq: number;
  step: string;
  note: string | null;
  by_user_id: string | null;
  at: string;
}

export interface BookingSuspensionsTable {
  user_id: string;
  until: string;
  reason: string;
}

export interface FilesTable {
  id: string;
  owner_id: string;
  mime: string;
  size: number;
  sha256: string;
  /** Relative to the upload folder. */
  path: string;
  attached_kind: string | null;
  attached_id: string | null;
  created_at: string;
  /** The name a download gets (exports); photos have none. */
  download_name: string | null;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  /** Milliseconds since the epoch. */
  reset_at: number;
}

export interface PetitionsTable {
  id: string;
  kind: string;
  category: string;
  title: string;
  description: string;
  community_id: string;
  /** null while filed on behalf of someone who has not claimed it yet. */
  submitter_id: string | null;
  on_behalf_name: string | null;
  filed_by: string | null;
  phone_enc: string;
  phone_index: string;
  id_number_enc: string | null;
  anonymous: number;
  /** JSON {latitude, longitude, address}. */
  location: string | null;
  /** PETITION_FLOW's keys (types/petitions.ts). */
  status: string;
  agent_id: string | null;
  accept_due_at: string;
  accepted_at: string | null;
  resolve_due_at: string | null;
  resolved_at: string | null;
  resolution: string | null;
  reopened: number;
  rating: number | null;
  rating_comment: string | null;
  closed_at: string | null;
  transferred_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface PetitionEventsTable {
  id: string;
  petition_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  by_user_id: string | null;
  at: string;
}

export interface DutyRosterTable {
  community_id: string;
  /** ISO weekday '1'…'7'. */
  weekday: string;
  agent_id: string;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_kind: string;
  target_id: string | null;
  scope_id: string | null;
  /** ok | denied | failed */
  outcome: string;
  detail: string | null;
  at: string;
}

export interface HonorListsTable {
  id: string;
  year: number;
  scope_id: string;
  title: string;
  /** JSON array of category names. */
  categories: string;
  published: number;
  created_at: string;
  updated_at: string;
}

export interface HonorEntriesTable {
  id: string;
  list_id: string;
  name: string;
  category: string;
  community_id: string;
  photo_file_id: string | null;
  story_html: string;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface HonorLikesTable {
  entry_id: string;
  user_id: string;
  created_at: string;
}

export interface NominationsTable {
  id: string;
  nominator_id: string | null;
  year: number;
  community_id: string;
  nominee_name: string;
  category: string;
  reason: string;
  /** pending | accepted | declined */
  status: string;
  decline_reason: string | null;
  entry_id: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
}

export interface ThanksPostsTable {
  id: string;
  author_id: string | null;
  target_kind: string;
  target_user_id: string | null;
  target_name: string;
  community_id: string;
  text: string;
  photo_file_id: string | null;
  /** THANKS_FLOW's keys (types/honors.ts). */
  status: string;
  reject_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
}

export interface ThanksReportsTable {
  post_id: string;
  user_id: string;
  reason: string;
  created_at: string;
  /** 1 when the reporter had a history (counts toward hiding); 0 = for staff review only. */
  trusted: number;
}

/** A LeanCloud `_File` already copied into our file storage (cloud/leancloud-import). */
export interface LeancloudFilesTable {
  object_id: string;
  file_id: string;
  source_url: string;
  imported_at: string;
}

/** 网格员 assigned to a grid; counts only while they hold gridWorker in the grid's community. */
export interface GridAssignmentsTable {
  grid_id: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: string;
}

/** A household of a grid (typed once, or imported from Excel). Name and phone encrypted at rest. */
export interface HouseholdsTable {
  id: string;
  grid_id: string;
  address: string;
  head_name_enc: string;
  phone_enc: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

/** 走访登记: one visit to a household; `petition_id` once a follow-up became a petition. */
export interface GridVisitsTable {
  id: string;
  grid_id: string;
  household_id: string;
  worker_id: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  visited_on: string;
  raised: string;
  follow_up: number;
  petition_id: string | null;
  created_at: string;
}

/** A resident who opened a share card inside a WeChat group (opengid decrypted on the host). */
export interface GroupOpensTable {
  id: string;
  sharer_id: string;
  target_kind: string;
  target_id: string;
  opengid: string;
  visitor_id: string;
  new_resident: number;
  opened_at: string;
}

/** A worker's private name for one of their groups; WeChat never tells group names. */
export interface GroupLabelsTable {
  owner_id: string;
  opengid: string;
  label: string;
  updated_at: string;
}

/** An updatable message (动态消息) id for a shared event and what was last sent to it. */
export interface LiveCardsTable {
  activity_id: string;
  event_id: string;
  sharer_id: string;
  expires_at: string;
  /** active | final | expired */
  status: string;
  sent_state: number | null;
  sent_count: number | null;
  sent_limit: number | null;
  sent_at: string | null;
  created_at: string;
}

/** 随手拍: the place of an on-the-spot report filed as a petition (category 网格上报). */
export interface GridReportsTable {
  petition_id: string;
  grid_id: string | null;
  community_id: string;
  reporter_id: string;
  latitude: number | null;
  longitude: number | null;
  place: string;
  created_at: string;
}

/** 投诉建议 about the app itself, read by district admins. */
export interface AppFeedbackTable {
  id: string;
  user_id: string;
  kind: string;
  body: string;
  /** new | read */
  status: string;
  reply: string | null;
  created_at: string;
}

export interface EventVolunteersTable {
  id: string;
  event_id: string;
  user_id: string;
  /** confirmed | cancelled */
  status: string;
  /** What staff scan or type to check the volunteer in and out. */
  code: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  checked_out_at: string | null;
  checked_out_by: string | null;
  corrected_minutes: number | null;
  correction_reason: string | null;
  corrected_by: string | null;
  corrected_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ElderCardsTable {
  id: string;
  code: string;
  community_id: string;
  display_name: string;
  photo_file_id: string | null;
  note: string;
  family_user_id: string | null;
  created_by: string;
  /** active | revoked */
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ElderContactsTable {
  card_id: string;
  seq: number;
  name: string;
  relation: string;
  phone_enc: string;
}

export interface ElderScansTable {
  id: string;
  card_id: string;
  /** view | alert */
  kind: string;
  finder_id: string | null;
  location: string | null;
  finder_note: string | null;
  at: string;
}

export interface ScreensTable {
  id: string;
  community_id: string;
  name: string;
  screen_key: string;
  orientation: string;
  modules: string;
  rotate_seconds: number;
  created_at: string;
  updated_at: string;
}

export interface Database {
  regions: RegionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  role_grants: RoleGrantsTable;
  articles: ArticlesTable;
  article_pledges: ArticlePledgesTable;
  share_visits: ShareVisitsTable;
  login_attempts: LoginAttemptsTable;
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  outbox: OutboxTable;
  subscriptions: SubscriptionsTable;
  service_centers: ServiceCentersTable;
  resources: ResourcesTable;
  closed_dates: ClosedDatesTable;
  bookings: BookingsTable;
  slot_holds: SlotHoldsTable;
  booking_steps: BookingStepsTable;
  booking_suspensions: BookingSuspensionsTable;
  files: FilesTable;
  petitions: PetitionsTable;
  petition_events: PetitionEventsTable;
  duty_roster: DutyRosterTable;
  audit_log: AuditLogTable;
  honor_lists: HonorListsTable;
  honor_entries: HonorEntriesTable;
  honor_likes: HonorLikesTable;
  nominations: NominationsTable;
  thanks_posts: ThanksPostsTable;
  thanks_reports: ThanksReportsTable;
  leancloud_files: LeancloudFilesTable;
  event_volunteers: EventVolunteersTable;
  elder_cards: ElderCardsTable;
  elder_contacts: ElderContactsTable;
  elder_scans: ElderScansTable;
  screens: ScreensTable;
  grid_assignments: GridAssignmentsTable;
  households: HouseholdsTable;
  grid_visits: GridVisitsTable;
  group_opens: GroupOpensTable;
  group_labels: GroupLabelsTable;
  live_cards: LiveCardsTable;
  grid_reports: GridReportsTable;
  app_feedback: AppFeedbackTable;
  rate_limits: RateLimitsTable;
  job_runs: JobRunsTable;
  content_versions: ContentVersionsTable;
}

export interface JobRunsTable {
  name: string;
  tick: number;
  ran_at: string;
  ran_by: string;
}

/** Counts of the changes to what kept replies show, a column a list, in shards, bumped by triggers (migration 026). */
export interface ContentVersionsTable {
  shard: number;
  feed: number;
  events: number;
}
