// GENERATED FILE, DO NOT EDIT. Produced by packages/github/scripts/generate-schemas.mjs from
// @octokit/openapi-webhooks 12.1.0 (GitHub's official webhook OpenAPI description).
// Regenerate: node packages/github/scripts/generate-schemas.mjs
// Only required fields are validated; every object is loose, so unknown fields pass through.
// Written for zod/mini, whose functions tree-shake (the edge bundle budget, issue 11).
// Each schema is declared with its named type, so the published types name each shape once.
import * as z from 'zod/mini';

/** `simple-user` (GitHub webhook OpenAPI). */
export interface GithubSimpleUser {
  login: string;
  id: number;
  node_id?: string | undefined;
  avatar_url: string;
  gravatar_id: string | null;
  url: string;
  html_url: string;
  followers_url: string;
  following_url: string;
  gists_url: string;
  starred_url: string;
  subscriptions_url: string;
  organizations_url: string;
  repos_url: string;
  events_url: string;
  received_events_url: string;
  type: string;
  site_admin: boolean;
  [key: string]: unknown;
}
const simpleUserSchema: z.ZodMiniType<GithubSimpleUser> = z.looseObject({
  login: z.string(),
  id: z.number(),
  node_id: z.optional(z.string()),
  avatar_url: z.string(),
  gravatar_id: z.union([z.string(), z.null()]),
  url: z.string(),
  html_url: z.string(),
  followers_url: z.string(),
  following_url: z.string(),
  gists_url: z.string(),
  starred_url: z.string(),
  subscriptions_url: z.string(),
  organizations_url: z.string(),
  repos_url: z.string(),
  events_url: z.string(),
  received_events_url: z.string(),
  type: z.string(),
  site_admin: z.boolean(),
});

/** `enterprise` (GitHub webhook OpenAPI). */
export interface GithubEnterprise {
  html_url: string;
  id: number;
  node_id?: string | undefined;
  name: string;
  slug: string;
  created_at: string | number | null;
  updated_at?: string | number | null | undefined;
  avatar_url: string;
  [key: string]: unknown;
}
const enterpriseSchema: z.ZodMiniType<GithubEnterprise> = z.looseObject({
  html_url: z.string(),
  id: z.number(),
  node_id: z.optional(z.string()),
  name: z.string(),
  slug: z.string(),
  created_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  updated_at: z.optional(z.union([z.union([z.string(), z.number()]), z.null()])),
  avatar_url: z.string(),
});

/** `integration` (GitHub webhook OpenAPI). */
export type GithubIntegration = 
  | {
  id: number;
  node_id?: string | undefined;
  owner: GithubSimpleUser | GithubEnterprise;
  name: string;
  description?: string | null | undefined;
  external_url: string;
  html_url: string;
  created_at: string | number;
  updated_at?: string | number | undefined;
  permissions?: {
    [key: string]: unknown;
  } | undefined;
  events?: Array<string> | undefined;
  [key: string]: unknown;
}
  | null;
const integrationSchema: z.ZodMiniType<GithubIntegration> = z.union([
  z.looseObject({
  id: z.number(),
  node_id: z.optional(z.string()),
  owner: z.union([simpleUserSchema, enterpriseSchema]),
  name: z.string(),
  description: z.optional(z.union([z.string(), z.null()])),
  external_url: z.string(),
  html_url: z.string(),
  created_at: z.union([z.string(), z.number()]),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  permissions: z.optional(z.looseObject({})),
  events: z.optional(z.array(z.string())),
}),
  z.null(),
]);

/** `simple-check-suite` (GitHub webhook OpenAPI). */
export interface GithubSimpleCheckSuite {
  [key: string]: unknown;
}
const simpleCheckSuiteSchema: z.ZodMiniType<GithubSimpleCheckSuite> = z.looseObject({});

// GithubRepo: a shape repeated inline, first seen as `repo` in `pull-request-minimal`.
export interface GithubRepo {
  id: number;
  url: string;
  name: string;
  [key: string]: unknown;
}
const repoSchema: z.ZodMiniType<GithubRepo> = z.looseObject({
  id: z.number(),
  url: z.string(),
  name: z.string(),
});

// GithubHead: a shape repeated inline, first seen as `head` in `pull-request-minimal`.
export interface GithubHead {
  ref: string;
  sha: string;
  repo: GithubRepo;
  [key: string]: unknown;
}
const headSchema: z.ZodMiniType<GithubHead> = z.looseObject({
  ref: z.string(),
  sha: z.string(),
  repo: repoSchema,
});

/** `pull-request-minimal` (GitHub webhook OpenAPI). */
export interface GithubPullRequestMinimal {
  id: number;
  number: number;
  url: string;
  head: GithubHead;
  base: GithubHead;
  [key: string]: unknown;
}
const pullRequestMinimalSchema: z.ZodMiniType<GithubPullRequestMinimal> = z.looseObject({
  id: z.number(),
  number: z.number(),
  url: z.string(),
  head: headSchema,
  base: headSchema,
});

/** `check-run-with-simple-check-suite` (GitHub webhook OpenAPI). */
export interface GithubCheckRunWithSimpleCheckSuite {
  app: GithubIntegration;
  check_suite: GithubSimpleCheckSuite;
  completed_at: string | number | null;
  conclusion: string | null;
  details_url?: string | undefined;
  external_id: string;
  head_sha: string;
  html_url: string;
  id: number;
  name: string;
  node_id?: string | undefined;
  output: {
    annotations_count: number;
    annotations_url: string;
    summary: string | null;
    text: string | null;
    title: string | null;
    [key: string]: unknown;
  };
  pull_requests: Array<GithubPullRequestMinimal>;
  started_at: string | number;
  status: string;
  url: string;
  [key: string]: unknown;
}
const checkRunWithSimpleCheckSuiteSchema: z.ZodMiniType<GithubCheckRunWithSimpleCheckSuite> = z.looseObject({
  app: integrationSchema,
  check_suite: simpleCheckSuiteSchema,
  completed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  conclusion: z.union([z.string(), z.null()]),
  details_url: z.optional(z.string()),
  external_id: z.string(),
  head_sha: z.string(),
  html_url: z.string(),
  id: z.number(),
  name: z.string(),
  node_id: z.optional(z.string()),
  output: z.looseObject({
    annotations_count: z.number(),
    annotations_url: z.string(),
    summary: z.union([z.string(), z.null()]),
    text: z.union([z.string(), z.null()]),
    title: z.union([z.string(), z.null()]),
  }),
  pull_requests: z.array(pullRequestMinimalSchema),
  started_at: z.union([z.string(), z.number()]),
  status: z.string(),
  url: z.string(),
});

/** `license-simple` (GitHub webhook OpenAPI). */
export interface GithubLicenseSimple {
  key: string;
  name: string;
  url: string | null;
  spdx_id: string | null;
  node_id?: string | undefined;
  [key: string]: unknown;
}
const licenseSimpleSchema: z.ZodMiniType<GithubLicenseSimple> = z.looseObject({
  key: z.string(),
  name: z.string(),
  url: z.union([z.string(), z.null()]),
  spdx_id: z.union([z.string(), z.null()]),
  node_id: z.optional(z.string()),
});

/** `repository-webhooks` (GitHub webhook OpenAPI). */
export interface GithubRepositoryWebhooks {
  id: number;
  node_id?: string | undefined;
  name: string;
  full_name: string;
  license: null | GithubLicenseSimple;
  forks: number;
  owner: GithubSimpleUser;
  private: boolean;
  html_url: string;
  description?: string | null | undefined;
  fork: boolean;
  url: string;
  archive_url: string;
  assignees_url: string;
  blobs_url: string;
  branches_url: string;
  collaborators_url: string;
  comments_url: string;
  commits_url: string;
  compare_url: string;
  contents_url: string;
  contributors_url: string;
  deployments_url: string;
  downloads_url: string;
  events_url: string;
  forks_url: string;
  git_commits_url: string;
  git_refs_url: string;
  git_tags_url: string;
  git_url: string;
  issue_comment_url: string;
  issue_events_url: string;
  issues_url: string;
  keys_url: string;
  labels_url: string;
  languages_url: string;
  merges_url: string;
  milestones_url: string;
  notifications_url: string;
  pulls_url: string;
  releases_url: string;
  ssh_url: string;
  stargazers_url: string;
  statuses_url: string;
  subscribers_url: string;
  subscription_url: string;
  tags_url: string;
  teams_url: string;
  trees_url: string;
  clone_url: string;
  mirror_url: string | null;
  hooks_url: string;
  svn_url: string;
  homepage: string | null;
  language: string | null;
  forks_count: number;
  stargazers_count: number;
  watchers_count: number;
  size: number;
  default_branch: string;
  open_issues_count: number;
  has_issues: boolean;
  has_projects: boolean;
  has_wiki: boolean;
  has_pages: boolean;
  has_downloads: boolean;
  archived: boolean;
  disabled?: boolean | undefined;
  pushed_at: string | number | null;
  created_at: string | number | null;
  updated_at?: string | number | null | undefined;
  open_issues: number;
  watchers: number;
  [key: string]: unknown;
}
const repositoryWebhooksSchema: z.ZodMiniType<GithubRepositoryWebhooks> = z.looseObject({
  id: z.number(),
  node_id: z.optional(z.string()),
  name: z.string(),
  full_name: z.string(),
  license: z.union([z.null(), licenseSimpleSchema]),
  forks: z.number(),
  owner: simpleUserSchema,
  private: z.boolean(),
  html_url: z.string(),
  description: z.optional(z.union([z.string(), z.null()])),
  fork: z.boolean(),
  url: z.string(),
  archive_url: z.string(),
  assignees_url: z.string(),
  blobs_url: z.string(),
  branches_url: z.string(),
  collaborators_url: z.string(),
  comments_url: z.string(),
  commits_url: z.string(),
  compare_url: z.string(),
  contents_url: z.string(),
  contributors_url: z.string(),
  deployments_url: z.string(),
  downloads_url: z.string(),
  events_url: z.string(),
  forks_url: z.string(),
  git_commits_url: z.string(),
  git_refs_url: z.string(),
  git_tags_url: z.string(),
  git_url: z.string(),
  issue_comment_url: z.string(),
  issue_events_url: z.string(),
  issues_url: z.string(),
  keys_url: z.string(),
  labels_url: z.string(),
  languages_url: z.string(),
  merges_url: z.string(),
  milestones_url: z.string(),
  notifications_url: z.string(),
  pulls_url: z.string(),
  releases_url: z.string(),
  ssh_url: z.string(),
  stargazers_url: z.string(),
  statuses_url: z.string(),
  subscribers_url: z.string(),
  subscription_url: z.string(),
  tags_url: z.string(),
  teams_url: z.string(),
  trees_url: z.string(),
  clone_url: z.string(),
  mirror_url: z.union([z.string(), z.null()]),
  hooks_url: z.string(),
  svn_url: z.string(),
  homepage: z.union([z.string(), z.null()]),
  language: z.union([z.string(), z.null()]),
  forks_count: z.number(),
  stargazers_count: z.number(),
  watchers_count: z.number(),
  size: z.number(),
  default_branch: z.string(),
  open_issues_count: z.number(),
  has_issues: z.boolean(),
  has_projects: z.boolean(),
  has_wiki: z.boolean(),
  has_pages: z.boolean(),
  has_downloads: z.boolean(),
  archived: z.boolean(),
  disabled: z.optional(z.boolean()),
  pushed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  created_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  updated_at: z.optional(z.union([z.union([z.string(), z.number()]), z.null()])),
  open_issues: z.number(),
  watchers: z.number(),
});

/** `webhook-check-run-completed` (GitHub webhook OpenAPI). */
export interface GithubWebhookCheckRunCompleted {
  action: "completed";
  check_run: GithubCheckRunWithSimpleCheckSuite;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookCheckRunCompletedSchema: z.ZodMiniType<GithubWebhookCheckRunCompleted> = z.looseObject({
  action: z.literal("completed"),
  check_run: checkRunWithSimpleCheckSuiteSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-check-run-created` (GitHub webhook OpenAPI). */
export interface GithubWebhookCheckRunCreated {
  action: "created";
  check_run: GithubCheckRunWithSimpleCheckSuite;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookCheckRunCreatedSchema: z.ZodMiniType<GithubWebhookCheckRunCreated> = z.looseObject({
  action: z.literal("created"),
  check_run: checkRunWithSimpleCheckSuiteSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-check-run-requested-action` (GitHub webhook OpenAPI). */
export interface GithubWebhookCheckRunRequestedAction {
  action: "requested_action";
  check_run: GithubCheckRunWithSimpleCheckSuite;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookCheckRunRequestedActionSchema: z.ZodMiniType<GithubWebhookCheckRunRequestedAction> = z.looseObject({
  action: z.literal("requested_action"),
  check_run: checkRunWithSimpleCheckSuiteSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-check-run-rerequested` (GitHub webhook OpenAPI). */
export interface GithubWebhookCheckRunRerequested {
  action: "rerequested";
  check_run: GithubCheckRunWithSimpleCheckSuite;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookCheckRunRerequestedSchema: z.ZodMiniType<GithubWebhookCheckRunRerequested> = z.looseObject({
  action: z.literal("rerequested"),
  check_run: checkRunWithSimpleCheckSuiteSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `app-permissions` (GitHub webhook OpenAPI). */
export interface GithubAppPermissions {
  [key: string]: unknown;
}
const appPermissionsSchema: z.ZodMiniType<GithubAppPermissions> = z.looseObject({});

/** `installation` (GitHub webhook OpenAPI). */
export interface GithubInstallation {
  id: number;
  account: GithubSimpleUser | GithubEnterprise;
  repository_selection: string;
  access_tokens_url: string;
  repositories_url: string;
  html_url: string;
  app_id: number;
  target_id: number;
  target_type: string;
  permissions?: GithubAppPermissions | undefined;
  events?: Array<string> | undefined;
  created_at: string | number;
  updated_at?: string | number | undefined;
  single_file_name: string | null;
  app_slug?: string | undefined;
  suspended_by?: null | GithubSimpleUser | undefined;
  suspended_at?: string | number | null | undefined;
  [key: string]: unknown;
}
const installationSchema: z.ZodMiniType<GithubInstallation> = z.looseObject({
  id: z.number(),
  account: z.union([simpleUserSchema, enterpriseSchema]),
  repository_selection: z.string(),
  access_tokens_url: z.string(),
  repositories_url: z.string(),
  html_url: z.string(),
  app_id: z.number(),
  target_id: z.number(),
  target_type: z.string(),
  permissions: z.optional(appPermissionsSchema),
  events: z.optional(z.array(z.string())),
  created_at: z.union([z.string(), z.number()]),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  single_file_name: z.union([z.string(), z.null()]),
  app_slug: z.optional(z.string()),
  suspended_by: z.optional(z.union([z.null(), simpleUserSchema])),
  suspended_at: z.optional(z.union([z.union([z.string(), z.number()]), z.null()])),
});

/** `webhook-installation-created` (GitHub webhook OpenAPI). */
export interface GithubWebhookInstallationCreated {
  action: "created";
  installation: GithubInstallation;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookInstallationCreatedSchema: z.ZodMiniType<GithubWebhookInstallationCreated> = z.looseObject({
  action: z.literal("created"),
  installation: installationSchema,
  sender: simpleUserSchema,
});

/** `webhook-installation-deleted` (GitHub webhook OpenAPI). */
export interface GithubWebhookInstallationDeleted {
  action: "deleted";
  installation: GithubInstallation;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookInstallationDeletedSchema: z.ZodMiniType<GithubWebhookInstallationDeleted> = z.looseObject({
  action: z.literal("deleted"),
  installation: installationSchema,
  sender: simpleUserSchema,
});

/** `webhook-installation-new-permissions-accepted` (GitHub webhook OpenAPI). */
export interface GithubWebhookInstallationNewPermissionsAccepted {
  action: "new_permissions_accepted";
  installation: GithubInstallation;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookInstallationNewPermissionsAcceptedSchema: z.ZodMiniType<GithubWebhookInstallationNewPermissionsAccepted> = z.looseObject({
  action: z.literal("new_permissions_accepted"),
  installation: installationSchema,
  sender: simpleUserSchema,
});

/** `webhook-installation-suspend` (GitHub webhook OpenAPI). */
export interface GithubWebhookInstallationSuspend {
  action: "suspend";
  installation: GithubInstallation;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookInstallationSuspendSchema: z.ZodMiniType<GithubWebhookInstallationSuspend> = z.looseObject({
  action: z.literal("suspend"),
  installation: installationSchema,
  sender: simpleUserSchema,
});

/** `webhook-installation-unsuspend` (GitHub webhook OpenAPI). */
export interface GithubWebhookInstallationUnsuspend {
  action: "unsuspend";
  installation: GithubInstallation;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookInstallationUnsuspendSchema: z.ZodMiniType<GithubWebhookInstallationUnsuspend> = z.looseObject({
  action: z.literal("unsuspend"),
  installation: installationSchema,
  sender: simpleUserSchema,
});

// GithubReactions: a shape repeated inline, first seen as `reactions` in `webhook-issue-comment-created`.
export interface GithubReactions {
  "+1": number;
  "-1": number;
  confused: number;
  eyes: number;
  heart: number;
  hooray: number;
  laugh: number;
  rocket: number;
  total_count: number;
  url: string;
  [key: string]: unknown;
}
const reactionsSchema: z.ZodMiniType<GithubReactions> = z.looseObject({
  "+1": z.number(),
  "-1": z.number(),
  confused: z.number(),
  eyes: z.number(),
  heart: z.number(),
  hooray: z.number(),
  laugh: z.number(),
  rocket: z.number(),
  total_count: z.number(),
  url: z.string(),
});

// GithubUser: a shape repeated inline, first seen as `user` in `webhook-issue-comment-created`.
export type GithubUser = 
  | {
  id: number;
  login: string;
  [key: string]: unknown;
}
  | null;
const userSchema: z.ZodMiniType<GithubUser> = z.union([
  z.looseObject({
  id: z.number(),
  login: z.string(),
}),
  z.null(),
]);

// GithubAssignees: a shape repeated inline, first seen as `assignees` in `webhook-issue-comment-created`.
export type GithubAssignees = Array<GithubUser>;
const assigneesSchema: z.ZodMiniType<GithubAssignees> = z.array(userSchema);

// GithubMilestone2: a shape repeated inline, first seen as `milestone` in `webhook-issue-comment-created`.
export type GithubMilestone2 = 
  | {
  closed_at: string | number | null;
  closed_issues: number;
  created_at: string | number;
  creator: GithubUser;
  description?: string | null | undefined;
  due_on: string | null;
  html_url: string;
  id: number;
  labels_url: string;
  node_id?: string | undefined;
  number: number;
  open_issues: number;
  state: string;
  title: string;
  updated_at?: string | number | undefined;
  url: string;
  [key: string]: unknown;
}
  | null;
const milestone2Schema: z.ZodMiniType<GithubMilestone2> = z.union([
  z.looseObject({
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  closed_issues: z.number(),
  created_at: z.union([z.string(), z.number()]),
  creator: userSchema,
  description: z.optional(z.union([z.string(), z.null()])),
  due_on: z.union([z.string(), z.null()]),
  html_url: z.string(),
  id: z.number(),
  labels_url: z.string(),
  node_id: z.optional(z.string()),
  number: z.number(),
  open_issues: z.number(),
  state: z.string(),
  title: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
}),
  z.null(),
]);

// GithubIssue3: a shape repeated inline, first seen as `issue` in `webhook-issue-comment-created`.
export interface GithubIssue3 {
  active_lock_reason?: string | null | undefined;
  assignees: GithubAssignees;
  author_association: string;
  body: string | null;
  closed_at: string | number | null;
  comments: number;
  comments_url: string;
  created_at: string | number;
  events_url: string;
  html_url: string;
  id: number;
  labels_url: string;
  milestone: GithubMilestone2;
  node_id?: string | undefined;
  number: number;
  reactions?: GithubReactions | undefined;
  repository_url: string;
  title: string;
  updated_at?: string | number | undefined;
  url: string;
  user: GithubUser;
  [key: string]: unknown;
}
const issue3Schema: z.ZodMiniType<GithubIssue3> = z.looseObject({
  active_lock_reason: z.optional(z.union([z.string(), z.null()])),
  assignees: assigneesSchema,
  author_association: z.string(),
  body: z.union([z.string(), z.null()]),
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  comments: z.number(),
  comments_url: z.string(),
  created_at: z.union([z.string(), z.number()]),
  events_url: z.string(),
  html_url: z.string(),
  id: z.number(),
  labels_url: z.string(),
  milestone: milestone2Schema,
  node_id: z.optional(z.string()),
  number: z.number(),
  reactions: z.optional(reactionsSchema),
  repository_url: z.string(),
  title: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  user: userSchema,
});

// GithubLabelsItem: a shape repeated inline, first seen as `labels-item` in `webhook-issue-comment-created`.
export interface GithubLabelsItem {
  color: string;
  default: boolean;
  description?: string | null | undefined;
  id: number;
  name: string;
  node_id?: string | undefined;
  url: string;
  [key: string]: unknown;
}
const labelsItemSchema: z.ZodMiniType<GithubLabelsItem> = z.looseObject({
  color: z.string(),
  default: z.boolean(),
  description: z.optional(z.union([z.string(), z.null()])),
  id: z.number(),
  name: z.string(),
  node_id: z.optional(z.string()),
  url: z.string(),
});

// GithubLabels: a shape repeated inline, first seen as `labels` in `webhook-issue-comment-created`.
export type GithubLabels = Array<GithubLabelsItem>;
const labelsSchema: z.ZodMiniType<GithubLabels> = z.array(labelsItemSchema);

// GithubIssue4: a shape repeated inline, first seen as `issue` in `webhook-issue-comment-created`.
export interface GithubIssue4 {
  assignee: GithubUser;
  labels: GithubLabels;
  locked: boolean;
  state: string;
  [key: string]: unknown;
}
const issue4Schema: z.ZodMiniType<GithubIssue4> = z.looseObject({
  assignee: userSchema,
  labels: labelsSchema,
  locked: z.boolean(),
  state: z.string(),
});

// GithubIssue2: a shape repeated inline, first seen as `issue` in `webhook-issue-comment-created`.
export type GithubIssue2 = GithubIssue3 & GithubIssue4;
const issue2Schema: z.ZodMiniType<GithubIssue2> = z.intersection(issue3Schema, issue4Schema);

/** `webhook-issue-comment-created` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssueCommentCreated {
  action: "created";
  comment: {
    author_association: string;
    body: string;
    created_at: string | number;
    html_url: string;
    id: number;
    issue_url: string;
    node_id?: string | undefined;
    performed_via_github_app?: null | GithubIntegration | undefined;
    reactions?: GithubReactions | undefined;
    updated_at?: string | number | undefined;
    url: string;
    user: GithubUser;
    [key: string]: unknown;
  };
  issue: GithubIssue2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssueCommentCreatedSchema: z.ZodMiniType<GithubWebhookIssueCommentCreated> = z.looseObject({
  action: z.literal("created"),
  comment: z.looseObject({
    author_association: z.string(),
    body: z.string(),
    created_at: z.union([z.string(), z.number()]),
    html_url: z.string(),
    id: z.number(),
    issue_url: z.string(),
    node_id: z.optional(z.string()),
    performed_via_github_app: z.optional(z.union([z.null(), integrationSchema])),
    reactions: z.optional(reactionsSchema),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
    user: userSchema,
  }),
  issue: issue2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhooks_issue_comment` (GitHub webhook OpenAPI). */
export interface GithubWebhooksIssueComment {
  author_association: string;
  body: string;
  created_at: string | number;
  html_url: string;
  id: number;
  issue_url: string;
  node_id?: string | undefined;
  performed_via_github_app?: GithubIntegration | undefined;
  reactions?: GithubReactions | undefined;
  updated_at?: string | number | undefined;
  url: string;
  user: GithubUser;
  [key: string]: unknown;
}
const webhooksIssueCommentSchema: z.ZodMiniType<GithubWebhooksIssueComment> = z.looseObject({
  author_association: z.string(),
  body: z.string(),
  created_at: z.union([z.string(), z.number()]),
  html_url: z.string(),
  id: z.number(),
  issue_url: z.string(),
  node_id: z.optional(z.string()),
  performed_via_github_app: z.optional(integrationSchema),
  reactions: z.optional(reactionsSchema),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  user: userSchema,
});

/** `webhook-issue-comment-deleted` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssueCommentDeleted {
  action: "deleted";
  comment: GithubWebhooksIssueComment;
  issue: GithubIssue2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssueCommentDeletedSchema: z.ZodMiniType<GithubWebhookIssueCommentDeleted> = z.looseObject({
  action: z.literal("deleted"),
  comment: webhooksIssueCommentSchema,
  issue: issue2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhooks_changes` (GitHub webhook OpenAPI). */
export interface GithubWebhooksChanges {
  [key: string]: unknown;
}
const webhooksChangesSchema: z.ZodMiniType<GithubWebhooksChanges> = z.looseObject({});

/** `webhook-issue-comment-edited` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssueCommentEdited {
  action: "edited";
  changes: GithubWebhooksChanges;
  comment: GithubWebhooksIssueComment;
  issue: GithubIssue2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssueCommentEditedSchema: z.ZodMiniType<GithubWebhookIssueCommentEdited> = z.looseObject({
  action: z.literal("edited"),
  changes: webhooksChangesSchema,
  comment: webhooksIssueCommentSchema,
  issue: issue2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhooks_issue` (GitHub webhook OpenAPI). */
export type GithubWebhooksIssue = GithubIssue3;
const webhooksIssueSchema: z.ZodMiniType<GithubWebhooksIssue> = issue3Schema;

/** `webhook-issues-assigned` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesAssigned {
  action: "assigned";
  issue: GithubWebhooksIssue;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesAssignedSchema: z.ZodMiniType<GithubWebhookIssuesAssigned> = z.looseObject({
  action: z.literal("assigned"),
  issue: webhooksIssueSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-closed` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesClosed {
  action: "closed";
  issue: 
    & GithubIssue3
    & {
    closed_at: string | number | null;
    state: string;
    [key: string]: unknown;
  };
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesClosedSchema: z.ZodMiniType<GithubWebhookIssuesClosed> = z.looseObject({
  action: z.literal("closed"),
  issue: z.intersection(
    issue3Schema,
    z.looseObject({
    closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    state: z.string(),
  }),
  ),
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-deleted` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesDeleted {
  action: "deleted";
  issue: GithubIssue3;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesDeletedSchema: z.ZodMiniType<GithubWebhookIssuesDeleted> = z.looseObject({
  action: z.literal("deleted"),
  issue: issue3Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-demilestoned` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesDemilestoned {
  action: "demilestoned";
  issue: GithubIssue3;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesDemilestonedSchema: z.ZodMiniType<GithubWebhookIssuesDemilestoned> = z.looseObject({
  action: z.literal("demilestoned"),
  issue: issue3Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-edited` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesEdited {
  action: "edited";
  changes: {
    [key: string]: unknown;
  };
  issue: GithubIssue3;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesEditedSchema: z.ZodMiniType<GithubWebhookIssuesEdited> = z.looseObject({
  action: z.literal("edited"),
  changes: z.looseObject({}),
  issue: issue3Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-labeled` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesLabeled {
  action: "labeled";
  issue: GithubIssue3;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesLabeledSchema: z.ZodMiniType<GithubWebhookIssuesLabeled> = z.looseObject({
  action: z.literal("labeled"),
  issue: issue3Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

// GithubIssue5: a shape repeated inline, first seen as `issue` in `webhook-issues-locked`.
export interface GithubIssue5 {
  active_lock_reason?: string | null | undefined;
  assignees: GithubAssignees;
  author_association: string;
  body: string | null;
  closed_at: string | number | null;
  comments: number;
  comments_url: string;
  created_at: string | number;
  events_url: string;
  html_url: string;
  id: number;
  labels_url: string;
  locked: boolean;
  milestone: GithubMilestone2;
  node_id?: string | undefined;
  number: number;
  reactions?: GithubReactions | undefined;
  repository_url: string;
  title: string;
  updated_at?: string | number | undefined;
  url: string;
  user: GithubUser;
  [key: string]: unknown;
}
const issue5Schema: z.ZodMiniType<GithubIssue5> = z.looseObject({
  active_lock_reason: z.optional(z.union([z.string(), z.null()])),
  assignees: assigneesSchema,
  author_association: z.string(),
  body: z.union([z.string(), z.null()]),
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  comments: z.number(),
  comments_url: z.string(),
  created_at: z.union([z.string(), z.number()]),
  events_url: z.string(),
  html_url: z.string(),
  id: z.number(),
  labels_url: z.string(),
  locked: z.boolean(),
  milestone: milestone2Schema,
  node_id: z.optional(z.string()),
  number: z.number(),
  reactions: z.optional(reactionsSchema),
  repository_url: z.string(),
  title: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  user: userSchema,
});

/** `webhook-issues-locked` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesLocked {
  action: "locked";
  issue: GithubIssue5;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesLockedSchema: z.ZodMiniType<GithubWebhookIssuesLocked> = z.looseObject({
  action: z.literal("locked"),
  issue: issue5Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhooks_milestone` (GitHub webhook OpenAPI). */
export interface GithubWebhooksMilestone {
  closed_at: string | number | null;
  closed_issues: number;
  created_at: string | number;
  creator: GithubUser;
  description?: string | null | undefined;
  due_on: string | null;
  html_url: string;
  id: number;
  labels_url: string;
  node_id?: string | undefined;
  number: number;
  open_issues: number;
  state: string;
  title: string;
  updated_at?: string | number | undefined;
  url: string;
  [key: string]: unknown;
}
const webhooksMilestoneSchema: z.ZodMiniType<GithubWebhooksMilestone> = z.looseObject({
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  closed_issues: z.number(),
  created_at: z.union([z.string(), z.number()]),
  creator: userSchema,
  description: z.optional(z.union([z.string(), z.null()])),
  due_on: z.union([z.string(), z.null()]),
  html_url: z.string(),
  id: z.number(),
  labels_url: z.string(),
  node_id: z.optional(z.string()),
  number: z.number(),
  open_issues: z.number(),
  state: z.string(),
  title: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
});

/** `webhook-issues-milestoned` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesMilestoned {
  action: "milestoned";
  issue: GithubIssue3;
  milestone: GithubWebhooksMilestone;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesMilestonedSchema: z.ZodMiniType<GithubWebhookIssuesMilestoned> = z.looseObject({
  action: z.literal("milestoned"),
  issue: issue3Schema,
  milestone: webhooksMilestoneSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-opened` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesOpened {
  action: "opened";
  issue: GithubIssue3;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesOpenedSchema: z.ZodMiniType<GithubWebhookIssuesOpened> = z.looseObject({
  action: z.literal("opened"),
  issue: issue3Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhooks_issue_2` (GitHub webhook OpenAPI). */
export type GithubWebhooksIssue2 = GithubIssue3;
const webhooksIssue2Schema: z.ZodMiniType<GithubWebhooksIssue2> = issue3Schema;

/** `webhook-issues-pinned` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesPinned {
  action: "pinned";
  issue: GithubWebhooksIssue2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesPinnedSchema: z.ZodMiniType<GithubWebhookIssuesPinned> = z.looseObject({
  action: z.literal("pinned"),
  issue: webhooksIssue2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-reopened` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesReopened {
  action: "reopened";
  issue: {
    active_lock_reason?: string | null | undefined;
    assignees: GithubAssignees;
    author_association: string;
    body: string | null;
    closed_at: string | number | null;
    comments: number;
    comments_url: string;
    created_at: string | number;
    events_url: string;
    html_url: string;
    id: number;
    labels_url: string;
    milestone: GithubMilestone2;
    node_id?: string | undefined;
    number: number;
    reactions?: GithubReactions | undefined;
    repository_url: string;
    state: string;
    title: string;
    updated_at?: string | number | undefined;
    url: string;
    user: GithubUser;
    [key: string]: unknown;
  };
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesReopenedSchema: z.ZodMiniType<GithubWebhookIssuesReopened> = z.looseObject({
  action: z.literal("reopened"),
  issue: z.looseObject({
    active_lock_reason: z.optional(z.union([z.string(), z.null()])),
    assignees: assigneesSchema,
    author_association: z.string(),
    body: z.union([z.string(), z.null()]),
    closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    comments: z.number(),
    comments_url: z.string(),
    created_at: z.union([z.string(), z.number()]),
    events_url: z.string(),
    html_url: z.string(),
    id: z.number(),
    labels_url: z.string(),
    milestone: milestone2Schema,
    node_id: z.optional(z.string()),
    number: z.number(),
    reactions: z.optional(reactionsSchema),
    repository_url: z.string(),
    state: z.string(),
    title: z.string(),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
    user: userSchema,
  }),
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

// GithubLicense: a shape repeated inline, first seen as `license` in `webhook-issues-transferred`.
export type GithubLicense = 
  | {
  key: string;
  name: string;
  node_id?: string | undefined;
  spdx_id: string;
  url: string | null;
  [key: string]: unknown;
}
  | null;
const licenseSchema: z.ZodMiniType<GithubLicense> = z.union([
  z.looseObject({
  key: z.string(),
  name: z.string(),
  node_id: z.optional(z.string()),
  spdx_id: z.string(),
  url: z.union([z.string(), z.null()]),
}),
  z.null(),
]);

// GithubNewRepository: a shape repeated inline, first seen as `new_repository` in `webhook-issues-transferred`.
export interface GithubNewRepository {
  archive_url: string;
  archived: boolean;
  assignees_url: string;
  blobs_url: string;
  branches_url: string;
  clone_url: string;
  collaborators_url: string;
  comments_url: string;
  commits_url: string;
  compare_url: string;
  contents_url: string;
  contributors_url: string;
  created_at: number | string;
  default_branch: string;
  deployments_url: string;
  description?: string | null | undefined;
  downloads_url: string;
  events_url: string;
  fork: boolean;
  forks: number;
  forks_count: number;
  forks_url: string;
  full_name: string;
  git_commits_url: string;
  git_refs_url: string;
  git_tags_url: string;
  git_url: string;
  has_downloads: boolean;
  has_issues: boolean;
  has_pages: boolean;
  has_projects: boolean;
  has_wiki: boolean;
  has_discussions?: boolean | undefined;
  homepage: string | null;
  hooks_url: string;
  html_url: string;
  id: number;
  issue_comment_url: string;
  issue_events_url: string;
  issues_url: string;
  keys_url: string;
  labels_url: string;
  language: string | null;
  languages_url: string;
  license: GithubLicense;
  merges_url: string;
  milestones_url: string;
  mirror_url: string | null;
  name: string;
  node_id?: string | undefined;
  notifications_url: string;
  open_issues: number;
  open_issues_count: number;
  owner: GithubUser;
  private: boolean;
  pulls_url: string;
  pushed_at: number | string;
  releases_url: string;
  size: number;
  ssh_url: string;
  stargazers_count: number;
  stargazers_url: string;
  statuses_url: string;
  subscribers_url: string;
  subscription_url: string;
  svn_url: string;
  tags_url: string;
  teams_url: string;
  topics?: Array<string> | undefined;
  trees_url: string;
  updated_at?: string | number | undefined;
  url: string;
  visibility?: string | undefined;
  watchers: number;
  watchers_count: number;
  [key: string]: unknown;
}
const newRepositorySchema: z.ZodMiniType<GithubNewRepository> = z.looseObject({
  archive_url: z.string(),
  archived: z.boolean(),
  assignees_url: z.string(),
  blobs_url: z.string(),
  branches_url: z.string(),
  clone_url: z.string(),
  collaborators_url: z.string(),
  comments_url: z.string(),
  commits_url: z.string(),
  compare_url: z.string(),
  contents_url: z.string(),
  contributors_url: z.string(),
  created_at: z.union([z.number(), z.string()]),
  default_branch: z.string(),
  deployments_url: z.string(),
  description: z.optional(z.union([z.string(), z.null()])),
  downloads_url: z.string(),
  events_url: z.string(),
  fork: z.boolean(),
  forks: z.number(),
  forks_count: z.number(),
  forks_url: z.string(),
  full_name: z.string(),
  git_commits_url: z.string(),
  git_refs_url: z.string(),
  git_tags_url: z.string(),
  git_url: z.string(),
  has_downloads: z.boolean(),
  has_issues: z.boolean(),
  has_pages: z.boolean(),
  has_projects: z.boolean(),
  has_wiki: z.boolean(),
  has_discussions: z.optional(z.boolean()),
  homepage: z.union([z.string(), z.null()]),
  hooks_url: z.string(),
  html_url: z.string(),
  id: z.number(),
  issue_comment_url: z.string(),
  issue_events_url: z.string(),
  issues_url: z.string(),
  keys_url: z.string(),
  labels_url: z.string(),
  language: z.union([z.string(), z.null()]),
  languages_url: z.string(),
  license: licenseSchema,
  merges_url: z.string(),
  milestones_url: z.string(),
  mirror_url: z.union([z.string(), z.null()]),
  name: z.string(),
  node_id: z.optional(z.string()),
  notifications_url: z.string(),
  open_issues: z.number(),
  open_issues_count: z.number(),
  owner: userSchema,
  private: z.boolean(),
  pulls_url: z.string(),
  pushed_at: z.union([z.number(), z.string()]),
  releases_url: z.string(),
  size: z.number(),
  ssh_url: z.string(),
  stargazers_count: z.number(),
  stargazers_url: z.string(),
  statuses_url: z.string(),
  subscribers_url: z.string(),
  subscription_url: z.string(),
  svn_url: z.string(),
  tags_url: z.string(),
  teams_url: z.string(),
  topics: z.optional(z.array(z.string())),
  trees_url: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  visibility: z.optional(z.string()),
  watchers: z.number(),
  watchers_count: z.number(),
});

/** `webhook-issues-transferred` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesTransferred {
  action: "transferred";
  changes: {
    new_issue: GithubIssue3;
    new_repository: GithubNewRepository;
    [key: string]: unknown;
  };
  issue: GithubWebhooksIssue2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesTransferredSchema: z.ZodMiniType<GithubWebhookIssuesTransferred> = z.looseObject({
  action: z.literal("transferred"),
  changes: z.looseObject({
    new_issue: issue3Schema,
    new_repository: newRepositorySchema,
  }),
  issue: webhooksIssue2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `issue-type` (GitHub webhook OpenAPI). */
export type GithubIssueType = 
  | {
  id: number;
  node_id?: string | undefined;
  name: string;
  description?: string | null | undefined;
  [key: string]: unknown;
}
  | null;
const issueTypeSchema: z.ZodMiniType<GithubIssueType> = z.union([
  z.looseObject({
  id: z.number(),
  node_id: z.optional(z.string()),
  name: z.string(),
  description: z.optional(z.union([z.string(), z.null()])),
}),
  z.null(),
]);

/** `webhook-issues-typed` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesTyped {
  action: "typed";
  issue: GithubWebhooksIssue;
  type: GithubIssueType;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesTypedSchema: z.ZodMiniType<GithubWebhookIssuesTyped> = z.looseObject({
  action: z.literal("typed"),
  issue: webhooksIssueSchema,
  type: issueTypeSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-unassigned` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesUnassigned {
  action: "unassigned";
  issue: GithubWebhooksIssue;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesUnassignedSchema: z.ZodMiniType<GithubWebhookIssuesUnassigned> = z.looseObject({
  action: z.literal("unassigned"),
  issue: webhooksIssueSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-unlabeled` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesUnlabeled {
  action: "unlabeled";
  issue: GithubWebhooksIssue;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesUnlabeledSchema: z.ZodMiniType<GithubWebhookIssuesUnlabeled> = z.looseObject({
  action: z.literal("unlabeled"),
  issue: webhooksIssueSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-unlocked` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesUnlocked {
  action: "unlocked";
  issue: GithubIssue5;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesUnlockedSchema: z.ZodMiniType<GithubWebhookIssuesUnlocked> = z.looseObject({
  action: z.literal("unlocked"),
  issue: issue5Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-unpinned` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesUnpinned {
  action: "unpinned";
  issue: GithubWebhooksIssue2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesUnpinnedSchema: z.ZodMiniType<GithubWebhookIssuesUnpinned> = z.looseObject({
  action: z.literal("unpinned"),
  issue: webhooksIssue2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-issues-untyped` (GitHub webhook OpenAPI). */
export interface GithubWebhookIssuesUntyped {
  action: "untyped";
  issue: GithubWebhooksIssue;
  type: GithubIssueType;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookIssuesUntypedSchema: z.ZodMiniType<GithubWebhookIssuesUntyped> = z.looseObject({
  action: z.literal("untyped"),
  issue: webhooksIssueSchema,
  type: issueTypeSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-ping` (GitHub webhook OpenAPI). */
export interface GithubWebhookPing {
  [key: string]: unknown;
}
const webhookPingSchema: z.ZodMiniType<GithubWebhookPing> = z.looseObject({});

/** `webhooks_user` (GitHub webhook OpenAPI). */
export type GithubWebhooksUser = GithubUser;
const webhooksUserSchema: z.ZodMiniType<GithubWebhooksUser> = userSchema;

/** `webhooks_number` (GitHub webhook OpenAPI). */
export type GithubWebhooksNumber = number;
const webhooksNumberSchema: z.ZodMiniType<GithubWebhooksNumber> = z.number();

// GithubLinks: a shape repeated inline, first seen as `_links` in `webhook-pull-request-assigned`.
export interface GithubLinks {
  comments: {
    href: string;
    [key: string]: unknown;
  };
  commits: {
    href: string;
    [key: string]: unknown;
  };
  html: {
    href: string;
    [key: string]: unknown;
  };
  issue: {
    href: string;
    [key: string]: unknown;
  };
  review_comment: {
    href: string;
    [key: string]: unknown;
  };
  review_comments: {
    href: string;
    [key: string]: unknown;
  };
  self: {
    href: string;
    [key: string]: unknown;
  };
  statuses: {
    href: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}
const linksSchema: z.ZodMiniType<GithubLinks> = z.looseObject({
  comments: z.looseObject({
    href: z.string(),
  }),
  commits: z.looseObject({
    href: z.string(),
  }),
  html: z.looseObject({
    href: z.string(),
  }),
  issue: z.looseObject({
    href: z.string(),
  }),
  review_comment: z.looseObject({
    href: z.string(),
  }),
  review_comments: z.looseObject({
    href: z.string(),
  }),
  self: z.looseObject({
    href: z.string(),
  }),
  statuses: z.looseObject({
    href: z.string(),
  }),
});

// GithubAutoMerge2: a shape repeated inline, first seen as `auto_merge` in `webhook-pull-request-assigned`.
export type GithubAutoMerge2 = 
  | {
  commit_message: string | null;
  commit_title: string | null;
  enabled_by: GithubUser;
  merge_method: string;
  [key: string]: unknown;
}
  | null;
const autoMerge2Schema: z.ZodMiniType<GithubAutoMerge2> = z.union([
  z.looseObject({
  commit_message: z.union([z.string(), z.null()]),
  commit_title: z.union([z.string(), z.null()]),
  enabled_by: userSchema,
  merge_method: z.string(),
}),
  z.null(),
]);

// GithubBase: a shape repeated inline, first seen as `base` in `webhook-pull-request-assigned`.
export interface GithubBase {
  label: string;
  ref: string;
  repo: GithubNewRepository;
  sha: string;
  user: GithubUser;
  [key: string]: unknown;
}
const baseSchema: z.ZodMiniType<GithubBase> = z.looseObject({
  label: z.string(),
  ref: z.string(),
  repo: newRepositorySchema,
  sha: z.string(),
  user: userSchema,
});

// GithubRepo2: a shape repeated inline, first seen as `repo` in `webhook-pull-request-assigned`.
export type GithubRepo2 = 
  | {
  archive_url: string;
  archived: boolean;
  assignees_url: string;
  blobs_url: string;
  branches_url: string;
  clone_url: string;
  collaborators_url: string;
  comments_url: string;
  commits_url: string;
  compare_url: string;
  contents_url: string;
  contributors_url: string;
  created_at: number | string;
  default_branch: string;
  deployments_url: string;
  description?: string | null | undefined;
  downloads_url: string;
  events_url: string;
  fork: boolean;
  forks: number;
  forks_count: number;
  forks_url: string;
  full_name: string;
  git_commits_url: string;
  git_refs_url: string;
  git_tags_url: string;
  git_url: string;
  has_downloads: boolean;
  has_issues: boolean;
  has_pages: boolean;
  has_projects: boolean;
  has_wiki: boolean;
  has_discussions?: boolean | undefined;
  homepage: string | null;
  hooks_url: string;
  html_url: string;
  id: number;
  issue_comment_url: string;
  issue_events_url: string;
  issues_url: string;
  keys_url: string;
  labels_url: string;
  language: string | null;
  languages_url: string;
  license: GithubLicense;
  merges_url: string;
  milestones_url: string;
  mirror_url: string | null;
  name: string;
  node_id?: string | undefined;
  notifications_url: string;
  open_issues: number;
  open_issues_count: number;
  owner: GithubUser;
  private: boolean;
  pulls_url: string;
  pushed_at: number | string;
  releases_url: string;
  size: number;
  ssh_url: string;
  stargazers_count: number;
  stargazers_url: string;
  statuses_url: string;
  subscribers_url: string;
  subscription_url: string;
  svn_url: string;
  tags_url: string;
  teams_url: string;
  topics?: Array<string> | undefined;
  trees_url: string;
  updated_at?: string | number | undefined;
  url: string;
  visibility?: string | undefined;
  watchers: number;
  watchers_count: number;
  [key: string]: unknown;
}
  | null;
const repo2Schema: z.ZodMiniType<GithubRepo2> = z.union([
  z.looseObject({
  archive_url: z.string(),
  archived: z.boolean(),
  assignees_url: z.string(),
  blobs_url: z.string(),
  branches_url: z.string(),
  clone_url: z.string(),
  collaborators_url: z.string(),
  comments_url: z.string(),
  commits_url: z.string(),
  compare_url: z.string(),
  contents_url: z.string(),
  contributors_url: z.string(),
  created_at: z.union([z.number(), z.string()]),
  default_branch: z.string(),
  deployments_url: z.string(),
  description: z.optional(z.union([z.string(), z.null()])),
  downloads_url: z.string(),
  events_url: z.string(),
  fork: z.boolean(),
  forks: z.number(),
  forks_count: z.number(),
  forks_url: z.string(),
  full_name: z.string(),
  git_commits_url: z.string(),
  git_refs_url: z.string(),
  git_tags_url: z.string(),
  git_url: z.string(),
  has_downloads: z.boolean(),
  has_issues: z.boolean(),
  has_pages: z.boolean(),
  has_projects: z.boolean(),
  has_wiki: z.boolean(),
  has_discussions: z.optional(z.boolean()),
  homepage: z.union([z.string(), z.null()]),
  hooks_url: z.string(),
  html_url: z.string(),
  id: z.number(),
  issue_comment_url: z.string(),
  issue_events_url: z.string(),
  issues_url: z.string(),
  keys_url: z.string(),
  labels_url: z.string(),
  language: z.union([z.string(), z.null()]),
  languages_url: z.string(),
  license: licenseSchema,
  merges_url: z.string(),
  milestones_url: z.string(),
  mirror_url: z.union([z.string(), z.null()]),
  name: z.string(),
  node_id: z.optional(z.string()),
  notifications_url: z.string(),
  open_issues: z.number(),
  open_issues_count: z.number(),
  owner: userSchema,
  private: z.boolean(),
  pulls_url: z.string(),
  pushed_at: z.union([z.number(), z.string()]),
  releases_url: z.string(),
  size: z.number(),
  ssh_url: z.string(),
  stargazers_count: z.number(),
  stargazers_url: z.string(),
  statuses_url: z.string(),
  subscribers_url: z.string(),
  subscription_url: z.string(),
  svn_url: z.string(),
  tags_url: z.string(),
  teams_url: z.string(),
  topics: z.optional(z.array(z.string())),
  trees_url: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  visibility: z.optional(z.string()),
  watchers: z.number(),
  watchers_count: z.number(),
}),
  z.null(),
]);

// GithubHead2: a shape repeated inline, first seen as `head` in `webhook-pull-request-assigned`.
export interface GithubHead2 {
  label: string | null;
  ref: string;
  repo: GithubRepo2;
  sha: string;
  user: GithubUser;
  [key: string]: unknown;
}
const head2Schema: z.ZodMiniType<GithubHead2> = z.looseObject({
  label: z.union([z.string(), z.null()]),
  ref: z.string(),
  repo: repo2Schema,
  sha: z.string(),
  user: userSchema,
});

// GithubRequestedReviewersItem2: a shape repeated inline, first seen as `requested_reviewers-item` in `webhook-pull-request-assigned`.
export interface GithubRequestedReviewersItem2 {
  description?: string | null | undefined;
  html_url: string;
  id: number;
  members_url: string;
  name: string;
  node_id?: string | undefined;
  permission: string;
  privacy: string;
  repositories_url: string;
  slug: string;
  url: string;
  [key: string]: unknown;
}
const requestedReviewersItem2Schema: z.ZodMiniType<GithubRequestedReviewersItem2> = z.looseObject({
  description: z.optional(z.union([z.string(), z.null()])),
  html_url: z.string(),
  id: z.number(),
  members_url: z.string(),
  name: z.string(),
  node_id: z.optional(z.string()),
  permission: z.string(),
  privacy: z.string(),
  repositories_url: z.string(),
  slug: z.string(),
  url: z.string(),
});

// GithubRequestedReviewersItem: a shape repeated inline, first seen as `requested_reviewers-item` in `webhook-pull-request-assigned`.
export type GithubRequestedReviewersItem = GithubUser | GithubRequestedReviewersItem2;
const requestedReviewersItemSchema: z.ZodMiniType<GithubRequestedReviewersItem> = z.union([userSchema, requestedReviewersItem2Schema]);

// GithubRequestedReviewers: a shape repeated inline, first seen as `requested_reviewers` in `webhook-pull-request-assigned`.
export type GithubRequestedReviewers = Array<GithubRequestedReviewersItem>;
const requestedReviewersSchema: z.ZodMiniType<GithubRequestedReviewers> = z.array(requestedReviewersItemSchema);

// GithubPullRequest2: a shape repeated inline, first seen as `pull_request` in `webhook-pull-request-assigned`.
export interface GithubPullRequest2 {
  _links: GithubLinks;
  active_lock_reason?: string | null | undefined;
  assignee: GithubUser;
  assignees: GithubAssignees;
  author_association: string;
  auto_merge?: GithubAutoMerge2 | undefined;
  base: GithubBase;
  body: string | null;
  closed_at: string | number | null;
  comments_url: string;
  commits_url: string;
  created_at: string | number;
  diff_url: string;
  draft: boolean;
  head: GithubHead2;
  html_url: string;
  id: number;
  issue_url: string;
  labels: GithubLabels;
  locked: boolean;
  merge_commit_sha: string | null;
  merged_at: string | number | null;
  milestone: GithubMilestone2;
  node_id?: string | undefined;
  number: number;
  patch_url: string;
  requested_reviewers: GithubRequestedReviewers;
  requested_teams: Array<{
    id: number;
    name: string;
    [key: string]: unknown;
  }>;
  review_comment_url: string;
  review_comments_url: string;
  state: string;
  statuses_url: string;
  title: string;
  updated_at?: string | number | undefined;
  url: string;
  user: GithubUser;
  [key: string]: unknown;
}
const pullRequest2Schema: z.ZodMiniType<GithubPullRequest2> = z.looseObject({
  _links: linksSchema,
  active_lock_reason: z.optional(z.union([z.string(), z.null()])),
  assignee: userSchema,
  assignees: assigneesSchema,
  author_association: z.string(),
  auto_merge: z.optional(autoMerge2Schema),
  base: baseSchema,
  body: z.union([z.string(), z.null()]),
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  comments_url: z.string(),
  commits_url: z.string(),
  created_at: z.union([z.string(), z.number()]),
  diff_url: z.string(),
  draft: z.boolean(),
  head: head2Schema,
  html_url: z.string(),
  id: z.number(),
  issue_url: z.string(),
  labels: labelsSchema,
  locked: z.boolean(),
  merge_commit_sha: z.union([z.string(), z.null()]),
  merged_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  milestone: milestone2Schema,
  node_id: z.optional(z.string()),
  number: z.number(),
  patch_url: z.string(),
  requested_reviewers: requestedReviewersSchema,
  requested_teams: z.array(z.looseObject({
    id: z.number(),
    name: z.string(),
  })),
  review_comment_url: z.string(),
  review_comments_url: z.string(),
  state: z.string(),
  statuses_url: z.string(),
  title: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  user: userSchema,
});

/** `webhook-pull-request-assigned` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestAssigned {
  action: "assigned";
  assignee: GithubWebhooksUser;
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequest2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestAssignedSchema: z.ZodMiniType<GithubWebhookPullRequestAssigned> = z.looseObject({
  action: z.literal("assigned"),
  assignee: webhooksUserSchema,
  number: webhooksNumberSchema,
  pull_request: pullRequest2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-auto-merge-disabled` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestAutoMergeDisabled {
  action: "auto_merge_disabled";
  number: number;
  pull_request: {
    _links: GithubLinks;
    active_lock_reason?: string | null | undefined;
    assignee: GithubUser;
    assignees: GithubAssignees;
    author_association: string;
    auto_merge?: GithubAutoMerge2 | undefined;
    base: {
      label: string;
      ref: string;
      repo: {
        archive_url: string;
        archived: boolean;
        assignees_url: string;
        blobs_url: string;
        branches_url: string;
        clone_url: string;
        collaborators_url: string;
        comments_url: string;
        commits_url: string;
        compare_url: string;
        contents_url: string;
        contributors_url: string;
        created_at: number | string;
        default_branch: string;
        deployments_url: string;
        description?: string | null | undefined;
        downloads_url: string;
        events_url: string;
        fork: boolean;
        forks: number;
        forks_count: number;
        forks_url: string;
        full_name: string;
        git_commits_url: string;
        git_refs_url: string;
        git_tags_url: string;
        git_url: string;
        has_downloads: boolean;
        has_issues: boolean;
        has_discussions?: boolean | undefined;
        has_pages: boolean;
        has_projects: boolean;
        has_wiki: boolean;
        homepage: string | null;
        hooks_url: string;
        html_url: string;
        id: number;
        issue_comment_url: string;
        issue_events_url: string;
        issues_url: string;
        keys_url: string;
        labels_url: string;
        language: string | null;
        languages_url: string;
        license: GithubLicense;
        merges_url: string;
        milestones_url: string;
        mirror_url: string | null;
        name: string;
        node_id?: string | undefined;
        notifications_url: string;
        open_issues: number;
        open_issues_count: number;
        owner: GithubUser;
        private: boolean;
        pulls_url: string;
        pushed_at: number | string;
        releases_url: string;
        size: number;
        ssh_url: string;
        stargazers_count: number;
        stargazers_url: string;
        statuses_url: string;
        subscribers_url: string;
        subscription_url: string;
        svn_url: string;
        tags_url: string;
        teams_url: string;
        topics?: Array<string> | undefined;
        trees_url: string;
        updated_at?: string | number | undefined;
        url: string;
        visibility?: string | undefined;
        watchers: number;
        watchers_count: number;
        [key: string]: unknown;
      };
      sha: string;
      user: GithubUser;
      [key: string]: unknown;
    };
    body: string | null;
    closed_at: string | number | null;
    comments_url: string;
    commits_url: string;
    created_at: string | number;
    diff_url: string;
    draft: boolean;
    head: GithubBase;
    html_url: string;
    id: number;
    issue_url: string;
    labels: GithubLabels;
    locked: boolean;
    merge_commit_sha: string | null;
    merged_at: string | number | null;
    milestone: GithubMilestone2;
    node_id?: string | undefined;
    number: number;
    patch_url: string;
    requested_reviewers: GithubRequestedReviewers;
    requested_teams: Array<{
      id: number;
      name: string;
      [key: string]: unknown;
    }>;
    review_comment_url: string;
    review_comments_url: string;
    state: string;
    statuses_url: string;
    title: string;
    updated_at?: string | number | undefined;
    url: string;
    user: GithubUser;
    [key: string]: unknown;
  };
  reason: string;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestAutoMergeDisabledSchema: z.ZodMiniType<GithubWebhookPullRequestAutoMergeDisabled> = z.looseObject({
  action: z.literal("auto_merge_disabled"),
  number: z.number(),
  pull_request: z.looseObject({
    _links: linksSchema,
    active_lock_reason: z.optional(z.union([z.string(), z.null()])),
    assignee: userSchema,
    assignees: assigneesSchema,
    author_association: z.string(),
    auto_merge: z.optional(autoMerge2Schema),
    base: z.looseObject({
      label: z.string(),
      ref: z.string(),
      repo: z.looseObject({
        archive_url: z.string(),
        archived: z.boolean(),
        assignees_url: z.string(),
        blobs_url: z.string(),
        branches_url: z.string(),
        clone_url: z.string(),
        collaborators_url: z.string(),
        comments_url: z.string(),
        commits_url: z.string(),
        compare_url: z.string(),
        contents_url: z.string(),
        contributors_url: z.string(),
        created_at: z.union([z.number(), z.string()]),
        default_branch: z.string(),
        deployments_url: z.string(),
        description: z.optional(z.union([z.string(), z.null()])),
        downloads_url: z.string(),
        events_url: z.string(),
        fork: z.boolean(),
        forks: z.number(),
        forks_count: z.number(),
        forks_url: z.string(),
        full_name: z.string(),
        git_commits_url: z.string(),
        git_refs_url: z.string(),
        git_tags_url: z.string(),
        git_url: z.string(),
        has_downloads: z.boolean(),
        has_issues: z.boolean(),
        has_discussions: z.optional(z.boolean()),
        has_pages: z.boolean(),
        has_projects: z.boolean(),
        has_wiki: z.boolean(),
        homepage: z.union([z.string(), z.null()]),
        hooks_url: z.string(),
        html_url: z.string(),
        id: z.number(),
        issue_comment_url: z.string(),
        issue_events_url: z.string(),
        issues_url: z.string(),
        keys_url: z.string(),
        labels_url: z.string(),
        language: z.union([z.string(), z.null()]),
        languages_url: z.string(),
        license: licenseSchema,
        merges_url: z.string(),
        milestones_url: z.string(),
        mirror_url: z.union([z.string(), z.null()]),
        name: z.string(),
        node_id: z.optional(z.string()),
        notifications_url: z.string(),
        open_issues: z.number(),
        open_issues_count: z.number(),
        owner: userSchema,
        private: z.boolean(),
        pulls_url: z.string(),
        pushed_at: z.union([z.number(), z.string()]),
        releases_url: z.string(),
        size: z.number(),
        ssh_url: z.string(),
        stargazers_count: z.number(),
        stargazers_url: z.string(),
        statuses_url: z.string(),
        subscribers_url: z.string(),
        subscription_url: z.string(),
        svn_url: z.string(),
        tags_url: z.string(),
        teams_url: z.string(),
        topics: z.optional(z.array(z.string())),
        trees_url: z.string(),
        updated_at: z.optional(z.union([z.string(), z.number()])),
        url: z.string(),
        visibility: z.optional(z.string()),
        watchers: z.number(),
        watchers_count: z.number(),
      }),
      sha: z.string(),
      user: userSchema,
    }),
    body: z.union([z.string(), z.null()]),
    closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    comments_url: z.string(),
    commits_url: z.string(),
    created_at: z.union([z.string(), z.number()]),
    diff_url: z.string(),
    draft: z.boolean(),
    head: baseSchema,
    html_url: z.string(),
    id: z.number(),
    issue_url: z.string(),
    labels: labelsSchema,
    locked: z.boolean(),
    merge_commit_sha: z.union([z.string(), z.null()]),
    merged_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    milestone: milestone2Schema,
    node_id: z.optional(z.string()),
    number: z.number(),
    patch_url: z.string(),
    requested_reviewers: requestedReviewersSchema,
    requested_teams: z.array(z.looseObject({
      id: z.number(),
      name: z.string(),
    })),
    review_comment_url: z.string(),
    review_comments_url: z.string(),
    state: z.string(),
    statuses_url: z.string(),
    title: z.string(),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
    user: userSchema,
  }),
  reason: z.string(),
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

// GithubPullRequest3: a shape repeated inline, first seen as `pull_request` in `webhook-pull-request-auto-merge-enabled`.
export interface GithubPullRequest3 {
  _links: GithubLinks;
  active_lock_reason?: string | null | undefined;
  assignee: GithubUser;
  assignees: GithubAssignees;
  author_association: string;
  auto_merge?: GithubAutoMerge2 | undefined;
  base: GithubBase;
  body: string | null;
  closed_at: string | number | null;
  comments_url: string;
  commits_url: string;
  created_at: string | number;
  diff_url: string;
  draft: boolean;
  head: GithubBase;
  html_url: string;
  id: number;
  issue_url: string;
  labels: GithubLabels;
  locked: boolean;
  merge_commit_sha: string | null;
  merged_at: string | number | null;
  milestone: GithubMilestone2;
  node_id?: string | undefined;
  number: number;
  patch_url: string;
  requested_reviewers: GithubRequestedReviewers;
  requested_teams: Array<{
    id: number;
    name: string;
    [key: string]: unknown;
  }>;
  review_comment_url: string;
  review_comments_url: string;
  state: string;
  statuses_url: string;
  title: string;
  updated_at?: string | number | undefined;
  url: string;
  user: GithubUser;
  [key: string]: unknown;
}
const pullRequest3Schema: z.ZodMiniType<GithubPullRequest3> = z.looseObject({
  _links: linksSchema,
  active_lock_reason: z.optional(z.union([z.string(), z.null()])),
  assignee: userSchema,
  assignees: assigneesSchema,
  author_association: z.string(),
  auto_merge: z.optional(autoMerge2Schema),
  base: baseSchema,
  body: z.union([z.string(), z.null()]),
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  comments_url: z.string(),
  commits_url: z.string(),
  created_at: z.union([z.string(), z.number()]),
  diff_url: z.string(),
  draft: z.boolean(),
  head: baseSchema,
  html_url: z.string(),
  id: z.number(),
  issue_url: z.string(),
  labels: labelsSchema,
  locked: z.boolean(),
  merge_commit_sha: z.union([z.string(), z.null()]),
  merged_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  milestone: milestone2Schema,
  node_id: z.optional(z.string()),
  number: z.number(),
  patch_url: z.string(),
  requested_reviewers: requestedReviewersSchema,
  requested_teams: z.array(z.looseObject({
    id: z.number(),
    name: z.string(),
  })),
  review_comment_url: z.string(),
  review_comments_url: z.string(),
  state: z.string(),
  statuses_url: z.string(),
  title: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  user: userSchema,
});

/** `webhook-pull-request-auto-merge-enabled` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestAutoMergeEnabled {
  action: "auto_merge_enabled";
  number: number;
  pull_request: GithubPullRequest3;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestAutoMergeEnabledSchema: z.ZodMiniType<GithubWebhookPullRequestAutoMergeEnabled> = z.looseObject({
  action: z.literal("auto_merge_enabled"),
  number: z.number(),
  pull_request: pullRequest3Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `milestone` (GitHub webhook OpenAPI). */
export interface GithubMilestone {
  url: string;
  html_url: string;
  labels_url: string;
  id: number;
  node_id?: string | undefined;
  number: number;
  state: string;
  title: string;
  description?: string | null | undefined;
  creator: null | GithubSimpleUser;
  open_issues: number;
  closed_issues: number;
  created_at: string | number;
  updated_at?: string | number | undefined;
  closed_at: string | number | null;
  due_on: string | null;
  [key: string]: unknown;
}
const milestoneSchema: z.ZodMiniType<GithubMilestone> = z.looseObject({
  url: z.string(),
  html_url: z.string(),
  labels_url: z.string(),
  id: z.number(),
  node_id: z.optional(z.string()),
  number: z.number(),
  state: z.string(),
  title: z.string(),
  description: z.optional(z.union([z.string(), z.null()])),
  creator: z.union([z.null(), simpleUserSchema]),
  open_issues: z.number(),
  closed_issues: z.number(),
  created_at: z.union([z.string(), z.number()]),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  due_on: z.union([z.string(), z.null()]),
});

/** `repository` (GitHub webhook OpenAPI). */
export type GithubRepository = GithubRepositoryWebhooks;
const repositorySchema: z.ZodMiniType<GithubRepository> = repositoryWebhooksSchema;

// GithubHead3: a shape repeated inline, first seen as `head` in `pull-request`.
export interface GithubHead3 {
  label: string;
  ref: string;
  repo: GithubRepository;
  sha: string;
  user: GithubSimpleUser;
  [key: string]: unknown;
}
const head3Schema: z.ZodMiniType<GithubHead3> = z.looseObject({
  label: z.string(),
  ref: z.string(),
  repo: repositorySchema,
  sha: z.string(),
  user: simpleUserSchema,
});

/** `link` (GitHub webhook OpenAPI). */
export interface GithubLink {
  href: string;
  [key: string]: unknown;
}
const linkSchema: z.ZodMiniType<GithubLink> = z.looseObject({
  href: z.string(),
});

/** `author-association` (GitHub webhook OpenAPI). */
export type GithubAuthorAssociation = string;
const authorAssociationSchema: z.ZodMiniType<GithubAuthorAssociation> = z.string();

/** `auto-merge` (GitHub webhook OpenAPI). */
export type GithubAutoMerge = 
  | {
  enabled_by: GithubSimpleUser;
  merge_method: string;
  commit_title: string;
  commit_message: string;
  [key: string]: unknown;
}
  | null;
const autoMergeSchema: z.ZodMiniType<GithubAutoMerge> = z.union([
  z.looseObject({
  enabled_by: simpleUserSchema,
  merge_method: z.string(),
  commit_title: z.string(),
  commit_message: z.string(),
}),
  z.null(),
]);

/** `pull-request` (GitHub webhook OpenAPI). */
export interface GithubPullRequest {
  url: string;
  id: number;
  node_id?: string | undefined;
  html_url: string;
  diff_url: string;
  patch_url: string;
  issue_url: string;
  commits_url: string;
  review_comments_url: string;
  review_comment_url: string;
  comments_url: string;
  statuses_url: string;
  number: number;
  state: string;
  locked: boolean;
  title: string;
  user: GithubSimpleUser;
  body: string | null;
  labels: Array<{
    id: number;
    node_id?: string | undefined;
    url: string;
    name: string;
    description?: string | null | undefined;
    color: string;
    default: boolean;
    [key: string]: unknown;
  }>;
  milestone: null | GithubMilestone;
  created_at: string | number;
  updated_at?: string | number | undefined;
  closed_at: string | number | null;
  merged_at: string | number | null;
  merge_commit_sha: string | null;
  assignee: null | GithubSimpleUser;
  head: GithubHead3;
  base: GithubHead3;
  _links: {
    comments: GithubLink;
    commits: GithubLink;
    statuses: GithubLink;
    html: GithubLink;
    issue: GithubLink;
    review_comments: GithubLink;
    review_comment: GithubLink;
    self: GithubLink;
    [key: string]: unknown;
  };
  author_association: GithubAuthorAssociation;
  auto_merge?: GithubAutoMerge | undefined;
  merged: boolean;
  mergeable: boolean | null;
  mergeable_state: string;
  merged_by: null | GithubSimpleUser;
  comments: number;
  review_comments: number;
  maintainer_can_modify: boolean;
  commits: number;
  additions: number;
  deletions: number;
  changed_files: number;
  [key: string]: unknown;
}
const pullRequestSchema: z.ZodMiniType<GithubPullRequest> = z.looseObject({
  url: z.string(),
  id: z.number(),
  node_id: z.optional(z.string()),
  html_url: z.string(),
  diff_url: z.string(),
  patch_url: z.string(),
  issue_url: z.string(),
  commits_url: z.string(),
  review_comments_url: z.string(),
  review_comment_url: z.string(),
  comments_url: z.string(),
  statuses_url: z.string(),
  number: z.number(),
  state: z.string(),
  locked: z.boolean(),
  title: z.string(),
  user: simpleUserSchema,
  body: z.union([z.string(), z.null()]),
  labels: z.array(z.looseObject({
    id: z.number(),
    node_id: z.optional(z.string()),
    url: z.string(),
    name: z.string(),
    description: z.optional(z.union([z.string(), z.null()])),
    color: z.string(),
    default: z.boolean(),
  })),
  milestone: z.union([z.null(), milestoneSchema]),
  created_at: z.union([z.string(), z.number()]),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  merged_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  merge_commit_sha: z.union([z.string(), z.null()]),
  assignee: z.union([z.null(), simpleUserSchema]),
  head: head3Schema,
  base: head3Schema,
  _links: z.looseObject({
    comments: linkSchema,
    commits: linkSchema,
    statuses: linkSchema,
    html: linkSchema,
    issue: linkSchema,
    review_comments: linkSchema,
    review_comment: linkSchema,
    self: linkSchema,
  }),
  author_association: authorAssociationSchema,
  auto_merge: z.optional(autoMergeSchema),
  merged: z.boolean(),
  mergeable: z.union([z.boolean(), z.null()]),
  mergeable_state: z.string(),
  merged_by: z.union([z.null(), simpleUserSchema]),
  comments: z.number(),
  review_comments: z.number(),
  maintainer_can_modify: z.boolean(),
  commits: z.number(),
  additions: z.number(),
  deletions: z.number(),
  changed_files: z.number(),
});

/** `pull-request-webhook` (GitHub webhook OpenAPI). */
export type GithubPullRequestWebhook = 
  & GithubPullRequest
  & {
  [key: string]: unknown;
};
const pullRequestWebhookSchema: z.ZodMiniType<GithubPullRequestWebhook> = z.intersection(pullRequestSchema, z.looseObject({}));

/** `webhook-pull-request-closed` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestClosed {
  action: "closed";
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequestWebhook;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestClosedSchema: z.ZodMiniType<GithubWebhookPullRequestClosed> = z.looseObject({
  action: z.literal("closed"),
  number: webhooksNumberSchema,
  pull_request: pullRequestWebhookSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-converted-to-draft` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestConvertedToDraft {
  action: "converted_to_draft";
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequestWebhook;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestConvertedToDraftSchema: z.ZodMiniType<GithubWebhookPullRequestConvertedToDraft> = z.looseObject({
  action: z.literal("converted_to_draft"),
  number: webhooksNumberSchema,
  pull_request: pullRequestWebhookSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

// GithubRequestedReviewersItem3: a shape repeated inline, first seen as `requested_reviewers-item` in `webhooks_pull_request_5`.
export type GithubRequestedReviewersItem3 = 
  | GithubUser
  | {
  id: number;
  name: string;
  [key: string]: unknown;
};
const requestedReviewersItem3Schema: z.ZodMiniType<GithubRequestedReviewersItem3> = z.union([
  userSchema,
  z.looseObject({
  id: z.number(),
  name: z.string(),
}),
]);

// GithubRequestedReviewers2: a shape repeated inline, first seen as `requested_reviewers` in `webhooks_pull_request_5`.
export type GithubRequestedReviewers2 = Array<GithubRequestedReviewersItem3>;
const requestedReviewers2Schema: z.ZodMiniType<GithubRequestedReviewers2> = z.array(requestedReviewersItem3Schema);

/** `webhooks_pull_request_5` (GitHub webhook OpenAPI). */
export interface GithubWebhooksPullRequest5 {
  _links: GithubLinks;
  active_lock_reason?: string | null | undefined;
  assignee: GithubUser;
  assignees: GithubAssignees;
  author_association: string;
  auto_merge?: GithubAutoMerge2 | undefined;
  base: GithubBase;
  body: string | null;
  closed_at: string | number | null;
  comments_url: string;
  commits_url: string;
  created_at: string | number;
  diff_url: string;
  draft: boolean;
  head: GithubBase;
  html_url: string;
  id: number;
  issue_url: string;
  labels: GithubLabels;
  locked: boolean;
  merge_commit_sha: string | null;
  merged_at: string | number | null;
  milestone: GithubMilestone2;
  node_id?: string | undefined;
  number: number;
  patch_url: string;
  requested_reviewers: GithubRequestedReviewers2;
  requested_teams: Array<{
    id: number;
    name: string;
    [key: string]: unknown;
  }>;
  review_comment_url: string;
  review_comments_url: string;
  state: string;
  statuses_url: string;
  title: string;
  updated_at?: string | number | undefined;
  url: string;
  user: GithubUser;
  [key: string]: unknown;
}
const webhooksPullRequest5Schema: z.ZodMiniType<GithubWebhooksPullRequest5> = z.looseObject({
  _links: linksSchema,
  active_lock_reason: z.optional(z.union([z.string(), z.null()])),
  assignee: userSchema,
  assignees: assigneesSchema,
  author_association: z.string(),
  auto_merge: z.optional(autoMerge2Schema),
  base: baseSchema,
  body: z.union([z.string(), z.null()]),
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  comments_url: z.string(),
  commits_url: z.string(),
  created_at: z.union([z.string(), z.number()]),
  diff_url: z.string(),
  draft: z.boolean(),
  head: baseSchema,
  html_url: z.string(),
  id: z.number(),
  issue_url: z.string(),
  labels: labelsSchema,
  locked: z.boolean(),
  merge_commit_sha: z.union([z.string(), z.null()]),
  merged_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  milestone: milestone2Schema,
  node_id: z.optional(z.string()),
  number: z.number(),
  patch_url: z.string(),
  requested_reviewers: requestedReviewers2Schema,
  requested_teams: z.array(z.looseObject({
    id: z.number(),
    name: z.string(),
  })),
  review_comment_url: z.string(),
  review_comments_url: z.string(),
  state: z.string(),
  statuses_url: z.string(),
  title: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  user: userSchema,
});

/** `webhook-pull-request-demilestoned` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestDemilestoned {
  action: "demilestoned";
  number: GithubWebhooksNumber;
  pull_request: GithubWebhooksPullRequest5;
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookPullRequestDemilestonedSchema: z.ZodMiniType<GithubWebhookPullRequestDemilestoned> = z.looseObject({
  action: z.literal("demilestoned"),
  number: webhooksNumberSchema,
  pull_request: webhooksPullRequest5Schema,
  repository: repositoryWebhooksSchema,
});

/** `webhook-pull-request-dequeued` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestDequeued {
  action: "dequeued";
  number: number;
  pull_request: GithubWebhooksPullRequest5;
  reason: string;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestDequeuedSchema: z.ZodMiniType<GithubWebhookPullRequestDequeued> = z.looseObject({
  action: z.literal("dequeued"),
  number: z.number(),
  pull_request: webhooksPullRequest5Schema,
  reason: z.string(),
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-edited` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestEdited {
  action: "edited";
  changes: {
    [key: string]: unknown;
  };
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequestWebhook;
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookPullRequestEditedSchema: z.ZodMiniType<GithubWebhookPullRequestEdited> = z.looseObject({
  action: z.literal("edited"),
  changes: z.looseObject({}),
  number: webhooksNumberSchema,
  pull_request: pullRequestWebhookSchema,
  repository: repositoryWebhooksSchema,
});

/** `webhook-pull-request-enqueued` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestEnqueued {
  action: "enqueued";
  number: number;
  pull_request: GithubWebhooksPullRequest5;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestEnqueuedSchema: z.ZodMiniType<GithubWebhookPullRequestEnqueued> = z.looseObject({
  action: z.literal("enqueued"),
  number: z.number(),
  pull_request: webhooksPullRequest5Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-labeled` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestLabeled {
  action: "labeled";
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequest2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestLabeledSchema: z.ZodMiniType<GithubWebhookPullRequestLabeled> = z.looseObject({
  action: z.literal("labeled"),
  number: webhooksNumberSchema,
  pull_request: pullRequest2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-locked` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestLocked {
  action: "locked";
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequest2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestLockedSchema: z.ZodMiniType<GithubWebhookPullRequestLocked> = z.looseObject({
  action: z.literal("locked"),
  number: webhooksNumberSchema,
  pull_request: pullRequest2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-milestoned` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestMilestoned {
  action: "milestoned";
  number: GithubWebhooksNumber;
  pull_request: GithubWebhooksPullRequest5;
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookPullRequestMilestonedSchema: z.ZodMiniType<GithubWebhookPullRequestMilestoned> = z.looseObject({
  action: z.literal("milestoned"),
  number: webhooksNumberSchema,
  pull_request: webhooksPullRequest5Schema,
  repository: repositoryWebhooksSchema,
});

/** `webhook-pull-request-opened` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestOpened {
  action: "opened";
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequestWebhook;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestOpenedSchema: z.ZodMiniType<GithubWebhookPullRequestOpened> = z.looseObject({
  action: z.literal("opened"),
  number: webhooksNumberSchema,
  pull_request: pullRequestWebhookSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-ready-for-review` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestReadyForReview {
  action: "ready_for_review";
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequestWebhook;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestReadyForReviewSchema: z.ZodMiniType<GithubWebhookPullRequestReadyForReview> = z.looseObject({
  action: z.literal("ready_for_review"),
  number: webhooksNumberSchema,
  pull_request: pullRequestWebhookSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-reopened` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestReopened {
  action: "reopened";
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequestWebhook;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestReopenedSchema: z.ZodMiniType<GithubWebhookPullRequestReopened> = z.looseObject({
  action: z.literal("reopened"),
  number: webhooksNumberSchema,
  pull_request: pullRequestWebhookSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

// GithubRequestedTeams: a shape repeated inline, first seen as `requested_teams` in `webhook-pull-request-review-request-removed`.
export type GithubRequestedTeams = Array<GithubRequestedReviewersItem2>;
const requestedTeamsSchema: z.ZodMiniType<GithubRequestedTeams> = z.array(requestedReviewersItem2Schema);

// GithubPullRequest4: a shape repeated inline, first seen as `pull_request` in `webhook-pull-request-review-request-removed`.
export interface GithubPullRequest4 {
  _links: GithubLinks;
  active_lock_reason?: string | null | undefined;
  assignee: GithubUser;
  assignees: GithubAssignees;
  author_association: string;
  auto_merge?: GithubAutoMerge2 | undefined;
  base: GithubBase;
  body: string | null;
  closed_at: string | number | null;
  comments_url: string;
  commits_url: string;
  created_at: string | number;
  diff_url: string;
  draft: boolean;
  head: GithubBase;
  html_url: string;
  id: number;
  issue_url: string;
  labels: GithubLabels;
  locked: boolean;
  merge_commit_sha: string | null;
  merged_at: string | number | null;
  milestone: GithubMilestone2;
  node_id?: string | undefined;
  number: number;
  patch_url: string;
  requested_reviewers: GithubRequestedReviewers;
  requested_teams: GithubRequestedTeams;
  review_comment_url: string;
  review_comments_url: string;
  state: string;
  statuses_url: string;
  title: string;
  updated_at?: string | number | undefined;
  url: string;
  user: GithubUser;
  [key: string]: unknown;
}
const pullRequest4Schema: z.ZodMiniType<GithubPullRequest4> = z.looseObject({
  _links: linksSchema,
  active_lock_reason: z.optional(z.union([z.string(), z.null()])),
  assignee: userSchema,
  assignees: assigneesSchema,
  author_association: z.string(),
  auto_merge: z.optional(autoMerge2Schema),
  base: baseSchema,
  body: z.union([z.string(), z.null()]),
  closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  comments_url: z.string(),
  commits_url: z.string(),
  created_at: z.union([z.string(), z.number()]),
  diff_url: z.string(),
  draft: z.boolean(),
  head: baseSchema,
  html_url: z.string(),
  id: z.number(),
  issue_url: z.string(),
  labels: labelsSchema,
  locked: z.boolean(),
  merge_commit_sha: z.union([z.string(), z.null()]),
  merged_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  milestone: milestone2Schema,
  node_id: z.optional(z.string()),
  number: z.number(),
  patch_url: z.string(),
  requested_reviewers: requestedReviewersSchema,
  requested_teams: requestedTeamsSchema,
  review_comment_url: z.string(),
  review_comments_url: z.string(),
  state: z.string(),
  statuses_url: z.string(),
  title: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
  user: userSchema,
});

/** `webhook-pull-request-review-request-removed` (GitHub webhook OpenAPI). */
export type GithubWebhookPullRequestReviewRequestRemoved = 
  | {
  action: "review_request_removed";
  number: number;
  pull_request: GithubPullRequest4;
  repository: GithubRepositoryWebhooks;
  requested_reviewer: GithubUser;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
  | {
  action: "review_request_removed";
  number: number;
  pull_request: GithubPullRequest4;
  repository: GithubRepositoryWebhooks;
  requested_team: GithubRequestedReviewersItem2;
  sender: GithubSimpleUser;
  [key: string]: unknown;
};
const webhookPullRequestReviewRequestRemovedSchema: z.ZodMiniType<GithubWebhookPullRequestReviewRequestRemoved> = z.union([
  z.looseObject({
  action: z.literal("review_request_removed"),
  number: z.number(),
  pull_request: pullRequest4Schema,
  repository: repositoryWebhooksSchema,
  requested_reviewer: userSchema,
  sender: simpleUserSchema,
}),
  z.looseObject({
  action: z.literal("review_request_removed"),
  number: z.number(),
  pull_request: pullRequest4Schema,
  repository: repositoryWebhooksSchema,
  requested_team: requestedReviewersItem2Schema,
  sender: simpleUserSchema,
}),
]);

/** `webhook-pull-request-review-requested` (GitHub webhook OpenAPI). */
export type GithubWebhookPullRequestReviewRequested = 
  | {
  action: "review_requested";
  number: number;
  pull_request: GithubPullRequest3;
  repository: GithubRepositoryWebhooks;
  requested_reviewer: GithubUser;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
  | {
  action: "review_requested";
  number: number;
  pull_request: GithubWebhooksPullRequest5;
  repository: GithubRepositoryWebhooks;
  requested_team: {
    id: number;
    name: string;
    [key: string]: unknown;
  };
  sender: GithubSimpleUser;
  [key: string]: unknown;
};
const webhookPullRequestReviewRequestedSchema: z.ZodMiniType<GithubWebhookPullRequestReviewRequested> = z.union([
  z.looseObject({
  action: z.literal("review_requested"),
  number: z.number(),
  pull_request: pullRequest3Schema,
  repository: repositoryWebhooksSchema,
  requested_reviewer: userSchema,
  sender: simpleUserSchema,
}),
  z.looseObject({
  action: z.literal("review_requested"),
  number: z.number(),
  pull_request: webhooksPullRequest5Schema,
  repository: repositoryWebhooksSchema,
  requested_team: z.looseObject({
    id: z.number(),
    name: z.string(),
  }),
  sender: simpleUserSchema,
}),
]);

/** `webhook-pull-request-synchronize` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestSynchronize {
  action: "synchronize";
  after: string;
  before: string;
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequest3;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestSynchronizeSchema: z.ZodMiniType<GithubWebhookPullRequestSynchronize> = z.looseObject({
  action: z.literal("synchronize"),
  after: z.string(),
  before: z.string(),
  number: webhooksNumberSchema,
  pull_request: pullRequest3Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-unassigned` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestUnassigned {
  action: "unassigned";
  number: GithubWebhooksNumber;
  pull_request: {
    _links: GithubLinks;
    active_lock_reason?: string | null | undefined;
    assignee: GithubUser;
    assignees: GithubAssignees;
    author_association: string;
    auto_merge?: GithubAutoMerge2 | undefined;
    base: {
      label: string | null;
      ref: string;
      repo: GithubNewRepository;
      sha: string;
      user: GithubUser;
      [key: string]: unknown;
    };
    body: string | null;
    closed_at: string | number | null;
    comments_url: string;
    commits_url: string;
    created_at: string | number;
    diff_url: string;
    draft: boolean;
    head: GithubHead2;
    html_url: string;
    id: number;
    issue_url: string;
    labels: GithubLabels;
    locked: boolean;
    merge_commit_sha: string | null;
    merged_at: string | number | null;
    milestone: GithubMilestone2;
    node_id?: string | undefined;
    number: number;
    patch_url: string;
    requested_reviewers: GithubRequestedReviewers;
    requested_teams: Array<{
      id: number;
      name: string;
      [key: string]: unknown;
    }>;
    review_comment_url: string;
    review_comments_url: string;
    state: string;
    statuses_url: string;
    title: string;
    updated_at?: string | number | undefined;
    url: string;
    user: GithubUser;
    [key: string]: unknown;
  };
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookPullRequestUnassignedSchema: z.ZodMiniType<GithubWebhookPullRequestUnassigned> = z.looseObject({
  action: z.literal("unassigned"),
  number: webhooksNumberSchema,
  pull_request: z.looseObject({
    _links: linksSchema,
    active_lock_reason: z.optional(z.union([z.string(), z.null()])),
    assignee: userSchema,
    assignees: assigneesSchema,
    author_association: z.string(),
    auto_merge: z.optional(autoMerge2Schema),
    base: z.looseObject({
      label: z.union([z.string(), z.null()]),
      ref: z.string(),
      repo: newRepositorySchema,
      sha: z.string(),
      user: userSchema,
    }),
    body: z.union([z.string(), z.null()]),
    closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    comments_url: z.string(),
    commits_url: z.string(),
    created_at: z.union([z.string(), z.number()]),
    diff_url: z.string(),
    draft: z.boolean(),
    head: head2Schema,
    html_url: z.string(),
    id: z.number(),
    issue_url: z.string(),
    labels: labelsSchema,
    locked: z.boolean(),
    merge_commit_sha: z.union([z.string(), z.null()]),
    merged_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    milestone: milestone2Schema,
    node_id: z.optional(z.string()),
    number: z.number(),
    patch_url: z.string(),
    requested_reviewers: requestedReviewersSchema,
    requested_teams: z.array(z.looseObject({
      id: z.number(),
      name: z.string(),
    })),
    review_comment_url: z.string(),
    review_comments_url: z.string(),
    state: z.string(),
    statuses_url: z.string(),
    title: z.string(),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
    user: userSchema,
  }),
  repository: repositoryWebhooksSchema,
});

/** `webhook-pull-request-unlabeled` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestUnlabeled {
  action: "unlabeled";
  number: GithubWebhooksNumber;
  pull_request: GithubPullRequest2;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestUnlabeledSchema: z.ZodMiniType<GithubWebhookPullRequestUnlabeled> = z.looseObject({
  action: z.literal("unlabeled"),
  number: webhooksNumberSchema,
  pull_request: pullRequest2Schema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-pull-request-unlocked` (GitHub webhook OpenAPI). */
export interface GithubWebhookPullRequestUnlocked {
  action: "unlocked";
  number: GithubWebhooksNumber;
  pull_request: {
    _links: GithubLinks;
    active_lock_reason?: string | null | undefined;
    assignee: GithubUser;
    assignees: GithubAssignees;
    author_association: string;
    auto_merge?: 
      | {
      commit_message: string | null;
      commit_title: string;
      enabled_by: GithubUser;
      merge_method: string;
      [key: string]: unknown;
    }
      | null | undefined;
    base: GithubBase;
    body: string | null;
    closed_at: string | number | null;
    comments_url: string;
    commits_url: string;
    created_at: string | number;
    diff_url: string;
    draft: boolean;
    head: {
      label: string;
      ref: string;
      repo: GithubRepo2;
      sha: string;
      user: GithubUser;
      [key: string]: unknown;
    };
    html_url: string;
    id: number;
    issue_url: string;
    labels: GithubLabels;
    locked: boolean;
    merge_commit_sha: string | null;
    merged_at: string | number | null;
    milestone: GithubMilestone2;
    node_id?: string | undefined;
    number: number;
    patch_url: string;
    requested_reviewers: GithubRequestedReviewers2;
    requested_teams: Array<{
      id: number;
      name: string;
      [key: string]: unknown;
    }>;
    review_comment_url: string;
    review_comments_url: string;
    state: string;
    statuses_url: string;
    title: string;
    updated_at?: string | number | undefined;
    url: string;
    user: GithubUser;
    [key: string]: unknown;
  };
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookPullRequestUnlockedSchema: z.ZodMiniType<GithubWebhookPullRequestUnlocked> = z.looseObject({
  action: z.literal("unlocked"),
  number: webhooksNumberSchema,
  pull_request: z.looseObject({
    _links: linksSchema,
    active_lock_reason: z.optional(z.union([z.string(), z.null()])),
    assignee: userSchema,
    assignees: assigneesSchema,
    author_association: z.string(),
    auto_merge: z.optional(z.union([
      z.looseObject({
      commit_message: z.union([z.string(), z.null()]),
      commit_title: z.string(),
      enabled_by: userSchema,
      merge_method: z.string(),
    }),
      z.null(),
    ])),
    base: baseSchema,
    body: z.union([z.string(), z.null()]),
    closed_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    comments_url: z.string(),
    commits_url: z.string(),
    created_at: z.union([z.string(), z.number()]),
    diff_url: z.string(),
    draft: z.boolean(),
    head: z.looseObject({
      label: z.string(),
      ref: z.string(),
      repo: repo2Schema,
      sha: z.string(),
      user: userSchema,
    }),
    html_url: z.string(),
    id: z.number(),
    issue_url: z.string(),
    labels: labelsSchema,
    locked: z.boolean(),
    merge_commit_sha: z.union([z.string(), z.null()]),
    merged_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    milestone: milestone2Schema,
    node_id: z.optional(z.string()),
    number: z.number(),
    patch_url: z.string(),
    requested_reviewers: requestedReviewers2Schema,
    requested_teams: z.array(z.looseObject({
      id: z.number(),
      name: z.string(),
    })),
    review_comment_url: z.string(),
    review_comments_url: z.string(),
    state: z.string(),
    statuses_url: z.string(),
    title: z.string(),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
    user: userSchema,
  }),
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhooks_nullable_string` (GitHub webhook OpenAPI). */
export type GithubWebhooksNullableString = string | null;
const webhooksNullableStringSchema: z.ZodMiniType<GithubWebhooksNullableString> = z.union([z.string(), z.null()]);

// GithubAuthor: a shape repeated inline, first seen as `author` in `webhook-push`.
export interface GithubAuthor {
  email: string | null;
  name: string;
  [key: string]: unknown;
}
const authorSchema: z.ZodMiniType<GithubAuthor> = z.looseObject({
  email: z.union([z.string(), z.null()]),
  name: z.string(),
});

/** `webhook-push` (GitHub webhook OpenAPI). */
export interface GithubWebhookPush {
  after: string;
  base_ref: GithubWebhooksNullableString;
  before: string;
  commits: Array<{
    author: GithubAuthor;
    committer: GithubAuthor;
    distinct: boolean;
    id: string;
    message: string;
    timestamp: string;
    tree_id: string;
    url: string;
    [key: string]: unknown;
  }>;
  compare: string;
  created: boolean;
  deleted: boolean;
  forced: boolean;
  head_commit: 
    | {
    author: GithubAuthor;
    committer: GithubAuthor;
    distinct: boolean;
    id: string;
    message: string;
    timestamp: string;
    tree_id: string;
    url: string;
    [key: string]: unknown;
  }
    | null;
  pusher: {
    name: string;
    [key: string]: unknown;
  };
  ref: string;
  repository: GithubNewRepository;
  [key: string]: unknown;
}
const webhookPushSchema: z.ZodMiniType<GithubWebhookPush> = z.looseObject({
  after: z.string(),
  base_ref: webhooksNullableStringSchema,
  before: z.string(),
  commits: z.array(z.looseObject({
    author: authorSchema,
    committer: authorSchema,
    distinct: z.boolean(),
    id: z.string(),
    message: z.string(),
    timestamp: z.string(),
    tree_id: z.string(),
    url: z.string(),
  })),
  compare: z.string(),
  created: z.boolean(),
  deleted: z.boolean(),
  forced: z.boolean(),
  head_commit: z.union([
    z.looseObject({
    author: authorSchema,
    committer: authorSchema,
    distinct: z.boolean(),
    id: z.string(),
    message: z.string(),
    timestamp: z.string(),
    tree_id: z.string(),
    url: z.string(),
  }),
    z.null(),
  ]),
  pusher: z.looseObject({
    name: z.string(),
  }),
  ref: z.string(),
  repository: newRepositorySchema,
});

/** `webhooks_release` (GitHub webhook OpenAPI). */
export interface GithubWebhooksRelease {
  assets: Array<{
    browser_download_url: string;
    content_type: string;
    created_at: string | number;
    download_count: number;
    id: number;
    label: string | null;
    name: string;
    node_id?: string | undefined;
    size: number;
    digest: string | null;
    state: string;
    updated_at?: string | number | undefined;
    url: string;
    [key: string]: unknown;
  }>;
  assets_url: string;
  author: GithubUser;
  body: string | null;
  created_at: string | number | null;
  updated_at?: string | number | null | undefined;
  draft: boolean;
  html_url: string;
  id: number;
  immutable?: boolean | undefined;
  name: string | null;
  node_id?: string | undefined;
  prerelease: boolean;
  published_at: string | number | null;
  tag_name: string;
  tarball_url: string | null;
  target_commitish: string;
  upload_url: string;
  url: string;
  zipball_url: string | null;
  [key: string]: unknown;
}
const webhooksReleaseSchema: z.ZodMiniType<GithubWebhooksRelease> = z.looseObject({
  assets: z.array(z.looseObject({
    browser_download_url: z.string(),
    content_type: z.string(),
    created_at: z.union([z.string(), z.number()]),
    download_count: z.number(),
    id: z.number(),
    label: z.union([z.string(), z.null()]),
    name: z.string(),
    node_id: z.optional(z.string()),
    size: z.number(),
    digest: z.union([z.string(), z.null()]),
    state: z.string(),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
  })),
  assets_url: z.string(),
  author: userSchema,
  body: z.union([z.string(), z.null()]),
  created_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  updated_at: z.optional(z.union([z.union([z.string(), z.number()]), z.null()])),
  draft: z.boolean(),
  html_url: z.string(),
  id: z.number(),
  immutable: z.optional(z.boolean()),
  name: z.union([z.string(), z.null()]),
  node_id: z.optional(z.string()),
  prerelease: z.boolean(),
  published_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  tag_name: z.string(),
  tarball_url: z.union([z.string(), z.null()]),
  target_commitish: z.string(),
  upload_url: z.string(),
  url: z.string(),
  zipball_url: z.union([z.string(), z.null()]),
});

/** `webhook-release-created` (GitHub webhook OpenAPI). */
export interface GithubWebhookReleaseCreated {
  action: "created";
  release: GithubWebhooksRelease;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookReleaseCreatedSchema: z.ZodMiniType<GithubWebhookReleaseCreated> = z.looseObject({
  action: z.literal("created"),
  release: webhooksReleaseSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-release-deleted` (GitHub webhook OpenAPI). */
export interface GithubWebhookReleaseDeleted {
  action: "deleted";
  release: GithubWebhooksRelease;
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  [key: string]: unknown;
}
const webhookReleaseDeletedSchema: z.ZodMiniType<GithubWebhookReleaseDeleted> = z.looseObject({
  action: z.literal("deleted"),
  release: webhooksReleaseSchema,
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
});

/** `webhook-release-edited` (GitHub webhook OpenAPI). */
export interface GithubWebhookReleaseEdited {
  action: "edited";
  changes: {
    [key: string]: unknown;
  };
  release: GithubWebhooksRelease;
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookReleaseEditedSchema: z.ZodMiniType<GithubWebhookReleaseEdited> = z.looseObject({
  action: z.literal("edited"),
  changes: z.looseObject({}),
  release: webhooksReleaseSchema,
  repository: repositoryWebhooksSchema,
});

// GithubAssetsItem: a shape repeated inline, first seen as `assets-item` in `webhook-release-prereleased`.
export type GithubAssetsItem = 
  | {
  browser_download_url: string;
  content_type: string;
  created_at: string | number;
  download_count: number;
  id: number;
  label: string | null;
  name: string;
  node_id?: string | undefined;
  size: number;
  digest: string | null;
  state: string;
  updated_at?: string | number | undefined;
  url: string;
  [key: string]: unknown;
}
  | null;
const assetsItemSchema: z.ZodMiniType<GithubAssetsItem> = z.union([
  z.looseObject({
  browser_download_url: z.string(),
  content_type: z.string(),
  created_at: z.union([z.string(), z.number()]),
  download_count: z.number(),
  id: z.number(),
  label: z.union([z.string(), z.null()]),
  name: z.string(),
  node_id: z.optional(z.string()),
  size: z.number(),
  digest: z.union([z.string(), z.null()]),
  state: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
}),
  z.null(),
]);

// GithubAssets: a shape repeated inline, first seen as `assets` in `webhook-release-prereleased`.
export type GithubAssets = Array<GithubAssetsItem>;
const assetsSchema: z.ZodMiniType<GithubAssets> = z.array(assetsItemSchema);

/** `webhook-release-prereleased` (GitHub webhook OpenAPI). */
export interface GithubWebhookReleasePrereleased {
  action: "prereleased";
  release: {
    assets: GithubAssets;
    assets_url: string;
    author: GithubUser;
    body: string | null;
    created_at: string | number | null;
    draft: boolean;
    html_url: string;
    id: number;
    immutable?: boolean | undefined;
    name: string | null;
    node_id?: string | undefined;
    prerelease: boolean;
    published_at: string | number | null;
    tag_name: string;
    tarball_url: string | null;
    target_commitish: string;
    upload_url: string;
    updated_at?: string | number | null | undefined;
    url: string;
    zipball_url: string | null;
    [key: string]: unknown;
  };
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookReleasePrereleasedSchema: z.ZodMiniType<GithubWebhookReleasePrereleased> = z.looseObject({
  action: z.literal("prereleased"),
  release: z.looseObject({
    assets: assetsSchema,
    assets_url: z.string(),
    author: userSchema,
    body: z.union([z.string(), z.null()]),
    created_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    draft: z.boolean(),
    html_url: z.string(),
    id: z.number(),
    immutable: z.optional(z.boolean()),
    name: z.union([z.string(), z.null()]),
    node_id: z.optional(z.string()),
    prerelease: z.boolean(),
    published_at: z.union([z.union([z.string(), z.number()]), z.null()]),
    tag_name: z.string(),
    tarball_url: z.union([z.string(), z.null()]),
    target_commitish: z.string(),
    upload_url: z.string(),
    updated_at: z.optional(z.union([z.union([z.string(), z.number()]), z.null()])),
    url: z.string(),
    zipball_url: z.union([z.string(), z.null()]),
  }),
  repository: repositoryWebhooksSchema,
});

/** `webhooks_release_1` (GitHub webhook OpenAPI). */
export interface GithubWebhooksRelease1 {
  assets: GithubAssets;
  assets_url: string;
  author: GithubUser;
  body: string | null;
  created_at: string | number | null;
  draft: boolean;
  html_url: string;
  id: number;
  immutable?: boolean | undefined;
  name: string | null;
  node_id?: string | undefined;
  prerelease: boolean;
  published_at: string | number | null;
  tag_name: string;
  tarball_url: string | null;
  target_commitish: string;
  updated_at?: string | number | null | undefined;
  upload_url: string;
  url: string;
  zipball_url: string | null;
  [key: string]: unknown;
}
const webhooksRelease1Schema: z.ZodMiniType<GithubWebhooksRelease1> = z.looseObject({
  assets: assetsSchema,
  assets_url: z.string(),
  author: userSchema,
  body: z.union([z.string(), z.null()]),
  created_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  draft: z.boolean(),
  html_url: z.string(),
  id: z.number(),
  immutable: z.optional(z.boolean()),
  name: z.union([z.string(), z.null()]),
  node_id: z.optional(z.string()),
  prerelease: z.boolean(),
  published_at: z.union([z.union([z.string(), z.number()]), z.null()]),
  tag_name: z.string(),
  tarball_url: z.union([z.string(), z.null()]),
  target_commitish: z.string(),
  updated_at: z.optional(z.union([z.union([z.string(), z.number()]), z.null()])),
  upload_url: z.string(),
  url: z.string(),
  zipball_url: z.union([z.string(), z.null()]),
});

/** `webhook-release-published` (GitHub webhook OpenAPI). */
export interface GithubWebhookReleasePublished {
  action: "published";
  release: GithubWebhooksRelease1;
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookReleasePublishedSchema: z.ZodMiniType<GithubWebhookReleasePublished> = z.looseObject({
  action: z.literal("published"),
  release: webhooksRelease1Schema,
  repository: repositoryWebhooksSchema,
});

/** `webhook-release-released` (GitHub webhook OpenAPI). */
export interface GithubWebhookReleaseReleased {
  action: "released";
  release: GithubWebhooksRelease;
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookReleaseReleasedSchema: z.ZodMiniType<GithubWebhookReleaseReleased> = z.looseObject({
  action: z.literal("released"),
  release: webhooksReleaseSchema,
  repository: repositoryWebhooksSchema,
});

/** `webhook-release-unpublished` (GitHub webhook OpenAPI). */
export interface GithubWebhookReleaseUnpublished {
  action: "unpublished";
  release: GithubWebhooksRelease1;
  repository: GithubRepositoryWebhooks;
  [key: string]: unknown;
}
const webhookReleaseUnpublishedSchema: z.ZodMiniType<GithubWebhookReleaseUnpublished> = z.looseObject({
  action: z.literal("unpublished"),
  release: webhooksRelease1Schema,
  repository: repositoryWebhooksSchema,
});

/** `webhooks_workflow` (GitHub webhook OpenAPI). */
export type GithubWebhooksWorkflow = 
  | {
  badge_url: string;
  created_at: string | number;
  html_url: string;
  id: number;
  name: string;
  node_id?: string | undefined;
  path?: string | undefined;
  state: string;
  updated_at?: string | number | undefined;
  url: string;
  [key: string]: unknown;
}
  | null;
const webhooksWorkflowSchema: z.ZodMiniType<GithubWebhooksWorkflow> = z.union([
  z.looseObject({
  badge_url: z.string(),
  created_at: z.union([z.string(), z.number()]),
  html_url: z.string(),
  id: z.number(),
  name: z.string(),
  node_id: z.optional(z.string()),
  path: z.optional(z.string()),
  state: z.string(),
  updated_at: z.optional(z.union([z.string(), z.number()])),
  url: z.string(),
}),
  z.null(),
]);

// GithubHeadCommit: a shape repeated inline, first seen as `head_commit` in `webhook-workflow-run-completed`.
export interface GithubHeadCommit {
  author: GithubAuthor;
  committer: GithubAuthor;
  id: string;
  message: string;
  timestamp: string;
  tree_id: string;
  [key: string]: unknown;
}
const headCommitSchema: z.ZodMiniType<GithubHeadCommit> = z.looseObject({
  author: authorSchema,
  committer: authorSchema,
  id: z.string(),
  message: z.string(),
  timestamp: z.string(),
  tree_id: z.string(),
});

// GithubHeadRepository: a shape repeated inline, first seen as `head_repository` in `webhook-workflow-run-completed`.
export interface GithubHeadRepository {
  archive_url: string;
  assignees_url: string;
  blobs_url: string;
  branches_url: string;
  collaborators_url: string;
  comments_url: string;
  commits_url: string;
  compare_url: string;
  contents_url: string;
  contributors_url: string;
  deployments_url: string;
  description?: string | null | undefined;
  downloads_url: string;
  events_url: string;
  fork: boolean;
  forks_url: string;
  full_name: string;
  git_commits_url: string;
  git_refs_url: string;
  git_tags_url: string;
  hooks_url: string;
  html_url: string;
  id: number;
  issue_comment_url: string;
  issue_events_url: string;
  issues_url: string;
  keys_url: string;
  labels_url: string;
  languages_url: string;
  merges_url: string;
  milestones_url: string;
  name: string;
  node_id?: string | undefined;
  notifications_url: string;
  owner: GithubUser;
  private: boolean;
  pulls_url: string;
  releases_url: string;
  stargazers_url: string;
  statuses_url: string;
  subscribers_url: string;
  subscription_url: string;
  tags_url: string;
  teams_url: string;
  trees_url: string;
  url: string;
  [key: string]: unknown;
}
const headRepositorySchema: z.ZodMiniType<GithubHeadRepository> = z.looseObject({
  archive_url: z.string(),
  assignees_url: z.string(),
  blobs_url: z.string(),
  branches_url: z.string(),
  collaborators_url: z.string(),
  comments_url: z.string(),
  commits_url: z.string(),
  compare_url: z.string(),
  contents_url: z.string(),
  contributors_url: z.string(),
  deployments_url: z.string(),
  description: z.optional(z.union([z.string(), z.null()])),
  downloads_url: z.string(),
  events_url: z.string(),
  fork: z.boolean(),
  forks_url: z.string(),
  full_name: z.string(),
  git_commits_url: z.string(),
  git_refs_url: z.string(),
  git_tags_url: z.string(),
  hooks_url: z.string(),
  html_url: z.string(),
  id: z.number(),
  issue_comment_url: z.string(),
  issue_events_url: z.string(),
  issues_url: z.string(),
  keys_url: z.string(),
  labels_url: z.string(),
  languages_url: z.string(),
  merges_url: z.string(),
  milestones_url: z.string(),
  name: z.string(),
  node_id: z.optional(z.string()),
  notifications_url: z.string(),
  owner: userSchema,
  private: z.boolean(),
  pulls_url: z.string(),
  releases_url: z.string(),
  stargazers_url: z.string(),
  statuses_url: z.string(),
  subscribers_url: z.string(),
  subscription_url: z.string(),
  tags_url: z.string(),
  teams_url: z.string(),
  trees_url: z.string(),
  url: z.string(),
});

// GithubRepo3: a shape repeated inline, first seen as `repo` in `webhook-workflow-run-completed`.
export interface GithubRepo3 {
  id: number;
  name: string;
  url: string;
  [key: string]: unknown;
}
const repo3Schema: z.ZodMiniType<GithubRepo3> = z.looseObject({
  id: z.number(),
  name: z.string(),
  url: z.string(),
});

// GithubBase2: a shape repeated inline, first seen as `base` in `webhook-workflow-run-completed`.
export interface GithubBase2 {
  ref: string;
  repo: GithubRepo3;
  sha: string;
  [key: string]: unknown;
}
const base2Schema: z.ZodMiniType<GithubBase2> = z.looseObject({
  ref: z.string(),
  repo: repo3Schema,
  sha: z.string(),
});

// GithubPullRequestsItem: a shape repeated inline, first seen as `pull_requests-item` in `webhook-workflow-run-completed`.
export type GithubPullRequestsItem = 
  | {
  base: GithubBase2;
  head: GithubBase2;
  id: number;
  number: number;
  url: string;
  [key: string]: unknown;
}
  | null;
const pullRequestsItemSchema: z.ZodMiniType<GithubPullRequestsItem> = z.union([
  z.looseObject({
  base: base2Schema,
  head: base2Schema,
  id: z.number(),
  number: z.number(),
  url: z.string(),
}),
  z.null(),
]);

// GithubPullRequests: a shape repeated inline, first seen as `pull_requests` in `webhook-workflow-run-completed`.
export type GithubPullRequests = Array<GithubPullRequestsItem>;
const pullRequestsSchema: z.ZodMiniType<GithubPullRequests> = z.array(pullRequestsItemSchema);

/** `webhook-workflow-run-completed` (GitHub webhook OpenAPI). */
export interface GithubWebhookWorkflowRunCompleted {
  action: "completed";
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  workflow: GithubWebhooksWorkflow;
  workflow_run: {
    actor?: GithubUser | undefined;
    artifacts_url: string;
    cancel_url: string;
    check_suite_id: number;
    check_suite_node_id: string;
    check_suite_url: string;
    conclusion: string | null;
    created_at: string | number;
    event: string;
    head_branch: string | null;
    head_commit: GithubHeadCommit;
    head_repository: GithubHeadRepository;
    head_sha: string;
    html_url: string;
    id: number;
    jobs_url: string;
    logs_url: string;
    name: string | null;
    node_id?: string | undefined;
    path?: string | undefined;
    previous_attempt_url: string | null;
    pull_requests: GithubPullRequests;
    repository: GithubHeadRepository;
    rerun_url: string;
    run_attempt: number;
    run_number: number;
    run_started_at: string | number;
    status: string;
    triggering_actor?: GithubUser | undefined;
    updated_at?: string | number | undefined;
    url: string;
    workflow_id: number;
    workflow_url: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}
const webhookWorkflowRunCompletedSchema: z.ZodMiniType<GithubWebhookWorkflowRunCompleted> = z.looseObject({
  action: z.literal("completed"),
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
  workflow: webhooksWorkflowSchema,
  workflow_run: z.looseObject({
    actor: z.optional(userSchema),
    artifacts_url: z.string(),
    cancel_url: z.string(),
    check_suite_id: z.number(),
    check_suite_node_id: z.string(),
    check_suite_url: z.string(),
    conclusion: z.union([z.string(), z.null()]),
    created_at: z.union([z.string(), z.number()]),
    event: z.string(),
    head_branch: z.union([z.string(), z.null()]),
    head_commit: headCommitSchema,
    head_repository: headRepositorySchema,
    head_sha: z.string(),
    html_url: z.string(),
    id: z.number(),
    jobs_url: z.string(),
    logs_url: z.string(),
    name: z.union([z.string(), z.null()]),
    node_id: z.optional(z.string()),
    path: z.optional(z.string()),
    previous_attempt_url: z.union([z.string(), z.null()]),
    pull_requests: pullRequestsSchema,
    repository: headRepositorySchema,
    rerun_url: z.string(),
    run_attempt: z.number(),
    run_number: z.number(),
    run_started_at: z.union([z.string(), z.number()]),
    status: z.string(),
    triggering_actor: z.optional(userSchema),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
    workflow_id: z.number(),
    workflow_url: z.string(),
  }),
});

/** `webhook-workflow-run-in-progress` (GitHub webhook OpenAPI). */
export interface GithubWebhookWorkflowRunInProgress {
  action: "in_progress";
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  workflow: GithubWebhooksWorkflow;
  workflow_run: {
    actor?: GithubUser | undefined;
    artifacts_url: string;
    cancel_url: string;
    check_suite_id: number;
    check_suite_node_id: string;
    check_suite_url: string;
    conclusion: string | null;
    created_at: string | number;
    event: string;
    head_branch: string | null;
    head_commit: GithubHeadCommit;
    head_repository: {
      archive_url: string;
      assignees_url: string;
      blobs_url: string;
      branches_url: string;
      collaborators_url: string;
      comments_url: string;
      commits_url: string;
      compare_url: string;
      contents_url: string;
      contributors_url: string;
      deployments_url: string;
      description?: string | null | undefined;
      downloads_url: string;
      events_url: string;
      fork: boolean;
      forks_url: string;
      full_name: string;
      git_commits_url: string;
      git_refs_url: string;
      git_tags_url: string;
      hooks_url: string;
      html_url: string;
      id: number;
      issue_comment_url: string;
      issue_events_url: string;
      issues_url: string;
      keys_url: string;
      labels_url: string;
      languages_url: string;
      merges_url: string;
      milestones_url: string;
      name: string | null;
      node_id?: string | undefined;
      notifications_url: string;
      owner: GithubUser;
      private: boolean;
      pulls_url: string;
      releases_url: string;
      stargazers_url: string;
      statuses_url: string;
      subscribers_url: string;
      subscription_url: string;
      tags_url: string;
      teams_url: string;
      trees_url: string;
      url: string;
      [key: string]: unknown;
    };
    head_sha: string;
    html_url: string;
    id: number;
    jobs_url: string;
    logs_url: string;
    name: string | null;
    node_id?: string | undefined;
    path?: string | undefined;
    previous_attempt_url: string | null;
    pull_requests: GithubPullRequests;
    repository: GithubHeadRepository;
    rerun_url: string;
    run_attempt: number;
    run_number: number;
    run_started_at: string | number;
    status: string;
    triggering_actor?: GithubUser | undefined;
    updated_at?: string | number | undefined;
    url: string;
    workflow_id: number;
    workflow_url: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}
const webhookWorkflowRunInProgressSchema: z.ZodMiniType<GithubWebhookWorkflowRunInProgress> = z.looseObject({
  action: z.literal("in_progress"),
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
  workflow: webhooksWorkflowSchema,
  workflow_run: z.looseObject({
    actor: z.optional(userSchema),
    artifacts_url: z.string(),
    cancel_url: z.string(),
    check_suite_id: z.number(),
    check_suite_node_id: z.string(),
    check_suite_url: z.string(),
    conclusion: z.union([z.string(), z.null()]),
    created_at: z.union([z.string(), z.number()]),
    event: z.string(),
    head_branch: z.union([z.string(), z.null()]),
    head_commit: headCommitSchema,
    head_repository: z.looseObject({
      archive_url: z.string(),
      assignees_url: z.string(),
      blobs_url: z.string(),
      branches_url: z.string(),
      collaborators_url: z.string(),
      comments_url: z.string(),
      commits_url: z.string(),
      compare_url: z.string(),
      contents_url: z.string(),
      contributors_url: z.string(),
      deployments_url: z.string(),
      description: z.optional(z.union([z.string(), z.null()])),
      downloads_url: z.string(),
      events_url: z.string(),
      fork: z.boolean(),
      forks_url: z.string(),
      full_name: z.string(),
      git_commits_url: z.string(),
      git_refs_url: z.string(),
      git_tags_url: z.string(),
      hooks_url: z.string(),
      html_url: z.string(),
      id: z.number(),
      issue_comment_url: z.string(),
      issue_events_url: z.string(),
      issues_url: z.string(),
      keys_url: z.string(),
      labels_url: z.string(),
      languages_url: z.string(),
      merges_url: z.string(),
      milestones_url: z.string(),
      name: z.union([z.string(), z.null()]),
      node_id: z.optional(z.string()),
      notifications_url: z.string(),
      owner: userSchema,
      private: z.boolean(),
      pulls_url: z.string(),
      releases_url: z.string(),
      stargazers_url: z.string(),
      statuses_url: z.string(),
      subscribers_url: z.string(),
      subscription_url: z.string(),
      tags_url: z.string(),
      teams_url: z.string(),
      trees_url: z.string(),
      url: z.string(),
    }),
    head_sha: z.string(),
    html_url: z.string(),
    id: z.number(),
    jobs_url: z.string(),
    logs_url: z.string(),
    name: z.union([z.string(), z.null()]),
    node_id: z.optional(z.string()),
    path: z.optional(z.string()),
    previous_attempt_url: z.union([z.string(), z.null()]),
    pull_requests: pullRequestsSchema,
    repository: headRepositorySchema,
    rerun_url: z.string(),
    run_attempt: z.number(),
    run_number: z.number(),
    run_started_at: z.union([z.string(), z.number()]),
    status: z.string(),
    triggering_actor: z.optional(userSchema),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
    workflow_id: z.number(),
    workflow_url: z.string(),
  }),
});

/** `webhook-workflow-run-requested` (GitHub webhook OpenAPI). */
export interface GithubWebhookWorkflowRunRequested {
  action: "requested";
  repository: GithubRepositoryWebhooks;
  sender: GithubSimpleUser;
  workflow: GithubWebhooksWorkflow;
  workflow_run: {
    actor?: GithubUser | undefined;
    artifacts_url: string;
    cancel_url: string;
    check_suite_id: number;
    check_suite_node_id: string;
    check_suite_url: string;
    conclusion: string | null;
    created_at: string | number;
    event: string;
    head_branch: string | null;
    head_commit: GithubHeadCommit;
    head_repository: GithubHeadRepository;
    head_sha: string;
    html_url: string;
    id: number;
    jobs_url: string;
    logs_url: string;
    name: string | null;
    node_id?: string | undefined;
    path?: string | undefined;
    previous_attempt_url: string | null;
    pull_requests: Array<{
      base: GithubBase2;
      head: GithubBase2;
      id: number;
      number: number;
      url: string;
      [key: string]: unknown;
    }>;
    repository: GithubHeadRepository;
    rerun_url: string;
    run_attempt: number;
    run_number: number;
    run_started_at: string | number;
    status: string;
    triggering_actor?: GithubUser | undefined;
    updated_at?: string | number | undefined;
    url: string;
    workflow_id: number;
    workflow_url: string;
    display_title: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}
const webhookWorkflowRunRequestedSchema: z.ZodMiniType<GithubWebhookWorkflowRunRequested> = z.looseObject({
  action: z.literal("requested"),
  repository: repositoryWebhooksSchema,
  sender: simpleUserSchema,
  workflow: webhooksWorkflowSchema,
  workflow_run: z.looseObject({
    actor: z.optional(userSchema),
    artifacts_url: z.string(),
    cancel_url: z.string(),
    check_suite_id: z.number(),
    check_suite_node_id: z.string(),
    check_suite_url: z.string(),
    conclusion: z.union([z.string(), z.null()]),
    created_at: z.union([z.string(), z.number()]),
    event: z.string(),
    head_branch: z.union([z.string(), z.null()]),
    head_commit: headCommitSchema,
    head_repository: headRepositorySchema,
    head_sha: z.string(),
    html_url: z.string(),
    id: z.number(),
    jobs_url: z.string(),
    logs_url: z.string(),
    name: z.union([z.string(), z.null()]),
    node_id: z.optional(z.string()),
    path: z.optional(z.string()),
    previous_attempt_url: z.union([z.string(), z.null()]),
    pull_requests: z.array(z.looseObject({
      base: base2Schema,
      head: base2Schema,
      id: z.number(),
      number: z.number(),
      url: z.string(),
    })),
    repository: headRepositorySchema,
    rerun_url: z.string(),
    run_attempt: z.number(),
    run_number: z.number(),
    run_started_at: z.union([z.string(), z.number()]),
    status: z.string(),
    triggering_actor: z.optional(userSchema),
    updated_at: z.optional(z.union([z.string(), z.number()])),
    url: z.string(),
    workflow_id: z.number(),
    workflow_url: z.string(),
    display_title: z.string(),
  }),
});

/** The validated payload type of each typed event, keyed by hooklatch event `type`. */
export interface GithubPayloads {
  "check_run.completed": GithubWebhookCheckRunCompleted;
  "check_run.created": GithubWebhookCheckRunCreated;
  "check_run.requested_action": GithubWebhookCheckRunRequestedAction;
  "check_run.rerequested": GithubWebhookCheckRunRerequested;
  "installation.created": GithubWebhookInstallationCreated;
  "installation.deleted": GithubWebhookInstallationDeleted;
  "installation.new_permissions_accepted": GithubWebhookInstallationNewPermissionsAccepted;
  "installation.suspend": GithubWebhookInstallationSuspend;
  "installation.unsuspend": GithubWebhookInstallationUnsuspend;
  "issue_comment.created": GithubWebhookIssueCommentCreated;
  "issue_comment.deleted": GithubWebhookIssueCommentDeleted;
  "issue_comment.edited": GithubWebhookIssueCommentEdited;
  "issues.assigned": GithubWebhookIssuesAssigned;
  "issues.closed": GithubWebhookIssuesClosed;
  "issues.deleted": GithubWebhookIssuesDeleted;
  "issues.demilestoned": GithubWebhookIssuesDemilestoned;
  "issues.edited": GithubWebhookIssuesEdited;
  "issues.labeled": GithubWebhookIssuesLabeled;
  "issues.locked": GithubWebhookIssuesLocked;
  "issues.milestoned": GithubWebhookIssuesMilestoned;
  "issues.opened": GithubWebhookIssuesOpened;
  "issues.pinned": GithubWebhookIssuesPinned;
  "issues.reopened": GithubWebhookIssuesReopened;
  "issues.transferred": GithubWebhookIssuesTransferred;
  "issues.typed": GithubWebhookIssuesTyped;
  "issues.unassigned": GithubWebhookIssuesUnassigned;
  "issues.unlabeled": GithubWebhookIssuesUnlabeled;
  "issues.unlocked": GithubWebhookIssuesUnlocked;
  "issues.unpinned": GithubWebhookIssuesUnpinned;
  "issues.untyped": GithubWebhookIssuesUntyped;
  "ping": GithubWebhookPing;
  "pull_request.assigned": GithubWebhookPullRequestAssigned;
  "pull_request.auto_merge_disabled": GithubWebhookPullRequestAutoMergeDisabled;
  "pull_request.auto_merge_enabled": GithubWebhookPullRequestAutoMergeEnabled;
  "pull_request.closed": GithubWebhookPullRequestClosed;
  "pull_request.converted_to_draft": GithubWebhookPullRequestConvertedToDraft;
  "pull_request.demilestoned": GithubWebhookPullRequestDemilestoned;
  "pull_request.dequeued": GithubWebhookPullRequestDequeued;
  "pull_request.edited": GithubWebhookPullRequestEdited;
  "pull_request.enqueued": GithubWebhookPullRequestEnqueued;
  "pull_request.labeled": GithubWebhookPullRequestLabeled;
  "pull_request.locked": GithubWebhookPullRequestLocked;
  "pull_request.milestoned": GithubWebhookPullRequestMilestoned;
  "pull_request.opened": GithubWebhookPullRequestOpened;
  "pull_request.ready_for_review": GithubWebhookPullRequestReadyForReview;
  "pull_request.reopened": GithubWebhookPullRequestReopened;
  "pull_request.review_request_removed": GithubWebhookPullRequestReviewRequestRemoved;
  "pull_request.review_requested": GithubWebhookPullRequestReviewRequested;
  "pull_request.synchronize": GithubWebhookPullRequestSynchronize;
  "pull_request.unassigned": GithubWebhookPullRequestUnassigned;
  "pull_request.unlabeled": GithubWebhookPullRequestUnlabeled;
  "pull_request.unlocked": GithubWebhookPullRequestUnlocked;
  "push": GithubWebhookPush;
  "release.created": GithubWebhookReleaseCreated;
  "release.deleted": GithubWebhookReleaseDeleted;
  "release.edited": GithubWebhookReleaseEdited;
  "release.prereleased": GithubWebhookReleasePrereleased;
  "release.published": GithubWebhookReleasePublished;
  "release.released": GithubWebhookReleaseReleased;
  "release.unpublished": GithubWebhookReleaseUnpublished;
  "workflow_run.completed": GithubWebhookWorkflowRunCompleted;
  "workflow_run.in_progress": GithubWebhookWorkflowRunInProgress;
  "workflow_run.requested": GithubWebhookWorkflowRunRequested;
}

/** Every event type with a typed payload schema. */
export type GithubTypedEventType = keyof GithubPayloads;

/** Typed payload schema of each typed event, keyed by hooklatch event `type`. */
export const githubPayloadSchemas: {
  readonly [K in GithubTypedEventType]: z.ZodMiniType<GithubPayloads[K]>;
} = {
  "check_run.completed": webhookCheckRunCompletedSchema,
  "check_run.created": webhookCheckRunCreatedSchema,
  "check_run.requested_action": webhookCheckRunRequestedActionSchema,
  "check_run.rerequested": webhookCheckRunRerequestedSchema,
  "installation.created": webhookInstallationCreatedSchema,
  "installation.deleted": webhookInstallationDeletedSchema,
  "installation.new_permissions_accepted": webhookInstallationNewPermissionsAcceptedSchema,
  "installation.suspend": webhookInstallationSuspendSchema,
  "installation.unsuspend": webhookInstallationUnsuspendSchema,
  "issue_comment.created": webhookIssueCommentCreatedSchema,
  "issue_comment.deleted": webhookIssueCommentDeletedSchema,
  "issue_comment.edited": webhookIssueCommentEditedSchema,
  "issues.assigned": webhookIssuesAssignedSchema,
  "issues.closed": webhookIssuesClosedSchema,
  "issues.deleted": webhookIssuesDeletedSchema,
  "issues.demilestoned": webhookIssuesDemilestonedSchema,
  "issues.edited": webhookIssuesEditedSchema,
  "issues.labeled": webhookIssuesLabeledSchema,
  "issues.locked": webhookIssuesLockedSchema,
  "issues.milestoned": webhookIssuesMilestonedSchema,
  "issues.opened": webhookIssuesOpenedSchema,
  "issues.pinned": webhookIssuesPinnedSchema,
  "issues.reopened": webhookIssuesReopenedSchema,
  "issues.transferred": webhookIssuesTransferredSchema,
  "issues.typed": webhookIssuesTypedSchema,
  "issues.unassigned": webhookIssuesUnassignedSchema,
  "issues.unlabeled": webhookIssuesUnlabeledSchema,
  "issues.unlocked": webhookIssuesUnlockedSchema,
  "issues.unpinned": webhookIssuesUnpinnedSchema,
  "issues.untyped": webhookIssuesUntypedSchema,
  "ping": webhookPingSchema,
  "pull_request.assigned": webhookPullRequestAssignedSchema,
  "pull_request.auto_merge_disabled": webhookPullRequestAutoMergeDisabledSchema,
  "pull_request.auto_merge_enabled": webhookPullRequestAutoMergeEnabledSchema,
  "pull_request.closed": webhookPullRequestClosedSchema,
  "pull_request.converted_to_draft": webhookPullRequestConvertedToDraftSchema,
  "pull_request.demilestoned": webhookPullRequestDemilestonedSchema,
  "pull_request.dequeued": webhookPullRequestDequeuedSchema,
  "pull_request.edited": webhookPullRequestEditedSchema,
  "pull_request.enqueued": webhookPullRequestEnqueuedSchema,
  "pull_request.labeled": webhookPullRequestLabeledSchema,
  "pull_request.locked": webhookPullRequestLockedSchema,
  "pull_request.milestoned": webhookPullRequestMilestonedSchema,
  "pull_request.opened": webhookPullRequestOpenedSchema,
  "pull_request.ready_for_review": webhookPullRequestReadyForReviewSchema,
  "pull_request.reopened": webhookPullRequestReopenedSchema,
  "pull_request.review_request_removed": webhookPullRequestReviewRequestRemovedSchema,
  "pull_request.review_requested": webhookPullRequestReviewRequestedSchema,
  "pull_request.synchronize": webhookPullRequestSynchronizeSchema,
  "pull_request.unassigned": webhookPullRequestUnassignedSchema,
  "pull_request.unlabeled": webhookPullRequestUnlabeledSchema,
  "pull_request.unlocked": webhookPullRequestUnlockedSchema,
  "push": webhookPushSchema,
  "release.created": webhookReleaseCreatedSchema,
  "release.deleted": webhookReleaseDeletedSchema,
  "release.edited": webhookReleaseEditedSchema,
  "release.prereleased": webhookReleasePrereleasedSchema,
  "release.published": webhookReleasePublishedSchema,
  "release.released": webhookReleaseReleasedSchema,
  "release.unpublished": webhookReleaseUnpublishedSchema,
  "workflow_run.completed": webhookWorkflowRunCompletedSchema,
  "workflow_run.in_progress": webhookWorkflowRunInProgressSchema,
  "workflow_run.requested": webhookWorkflowRunRequestedSchema,
};

/**
 * Every other event type the OpenAPI documents. These parse with the envelope only; an event
 * type newer than this file also parses at runtime, outside this union until regenerated.
 */
export type GithubUntypedEventType =
  | "branch_protection_configuration.disabled"
  | "branch_protection_configuration.enabled"
  | "branch_protection_rule.created"
  | "branch_protection_rule.deleted"
  | "branch_protection_rule.edited"
  | "check_suite.completed"
  | "check_suite.requested"
  | "check_suite.rerequested"
  | "code_scanning_alert.appeared_in_branch"
  | "code_scanning_alert.closed_by_user"
  | "code_scanning_alert.created"
  | "code_scanning_alert.fixed"
  | "code_scanning_alert.reopened"
  | "code_scanning_alert.reopened_by_user"
  | "commit_comment.created"
  | "create"
  | "custom-property-values.updated"
  | "custom_property.created"
  | "custom_property.deleted"
  | "custom_property.promote_to_enterprise"
  | "custom_property.updated"
  | "delete"
  | "dependabot_alert.auto_dismissed"
  | "dependabot_alert.auto_reopened"
  | "dependabot_alert.created"
  | "dependabot_alert.dismissed"
  | "dependabot_alert.fixed"
  | "dependabot_alert.reintroduced"
  | "dependabot_alert.reopened"
  | "deploy_key.created"
  | "deploy_key.deleted"
  | "deployment.created"
  | "deployment_protection_rule.requested"
  | "deployment_review.approved"
  | "deployment_review.rejected"
  | "deployment_review.requested"
  | "deployment_status.created"
  | "discussion.answered"
  | "discussion.category_changed"
  | "discussion.closed"
  | "discussion.created"
  | "discussion.deleted"
  | "discussion.edited"
  | "discussion.labeled"
  | "discussion.locked"
  | "discussion.pinned"
  | "discussion.reopened"
  | "discussion.transferred"
  | "discussion.unanswered"
  | "discussion.unlabeled"
  | "discussion.unlocked"
  | "discussion.unpinned"
  | "discussion_comment.created"
  | "discussion_comment.deleted"
  | "discussion_comment.edited"
  | "fork"
  | "github_app_authorization.revoked"
  | "gollum"
  | "installation_repositories.added"
  | "installation_repositories.removed"
  | "installation_target.renamed"
  | "issue-dependencies.blocked_by_added"
  | "issue-dependencies.blocked_by_removed"
  | "issue-dependencies.blocking_added"
  | "issue-dependencies.blocking_removed"
  | "label.created"
  | "label.deleted"
  | "label.edited"
  | "marketplace_purchase.cancelled"
  | "marketplace_purchase.changed"
  | "marketplace_purchase.pending_change"
  | "marketplace_purchase.pending_change_cancelled"
  | "marketplace_purchase.purchased"
  | "member.added"
  | "member.edited"
  | "member.removed"
  | "membership.added"
  | "membership.removed"
  | "merge_group.checks_requested"
  | "merge_group.destroyed"
  | "meta.deleted"
  | "milestone.closed"
  | "milestone.created"
  | "milestone.deleted"
  | "milestone.edited"
  | "milestone.opened"
  | "org_block.blocked"
  | "org_block.unblocked"
  | "organization.deleted"
  | "organization.member_added"
  | "organization.member_invited"
  | "organization.member_removed"
  | "organization.renamed"
  | "package.published"
  | "package.updated"
  | "page_build"
  | "personal_access_token_request.approved"
  | "personal_access_token_request.cancelled"
  | "personal_access_token_request.created"
  | "personal_access_token_request.denied"
  | "project.closed"
  | "project.created"
  | "project.deleted"
  | "project.edited"
  | "project.reopened"
  | "project_card.converted"
  | "project_card.created"
  | "project_card.deleted"
  | "project_card.edited"
  | "project_card.moved"
  | "project_column.created"
  | "project_column.deleted"
  | "project_column.edited"
  | "project_column.moved"
  | "projects_v2.closed"
  | "projects_v2.created"
  | "projects_v2.deleted"
  | "projects_v2.edited"
  | "projects_v2.reopened"
  | "projects_v2_item.archived"
  | "projects_v2_item.converted"
  | "projects_v2_item.created"
  | "projects_v2_item.deleted"
  | "projects_v2_item.edited"
  | "projects_v2_item.reordered"
  | "projects_v2_item.restored"
  | "projects_v2_status_update.created"
  | "projects_v2_status_update.deleted"
  | "projects_v2_status_update.edited"
  | "public"
  | "pull_request_review.dismissed"
  | "pull_request_review.edited"
  | "pull_request_review.submitted"
  | "pull_request_review_comment.created"
  | "pull_request_review_comment.deleted"
  | "pull_request_review_comment.edited"
  | "pull_request_review_thread.resolved"
  | "pull_request_review_thread.unresolved"
  | "registry_package.published"
  | "registry_package.updated"
  | "repository.archived"
  | "repository.created"
  | "repository.deleted"
  | "repository.edited"
  | "repository.privatized"
  | "repository.publicized"
  | "repository.renamed"
  | "repository.transferred"
  | "repository.unarchived"
  | "repository_advisory.published"
  | "repository_advisory.reported"
  | "repository_dispatch"
  | "repository_import"
  | "repository_ruleset.created"
  | "repository_ruleset.deleted"
  | "repository_ruleset.edited"
  | "repository_vulnerability_alert.create"
  | "repository_vulnerability_alert.dismiss"
  | "repository_vulnerability_alert.reopen"
  | "repository_vulnerability_alert.resolve"
  | "secret_scanning_alert.assigned"
  | "secret_scanning_alert.created"
  | "secret_scanning_alert.publicly_leaked"
  | "secret_scanning_alert.reopened"
  | "secret_scanning_alert.resolved"
  | "secret_scanning_alert.unassigned"
  | "secret_scanning_alert.validated"
  | "secret_scanning_alert_location.created"
  | "secret_scanning_scan.completed"
  | "security_advisory.published"
  | "security_advisory.updated"
  | "security_advisory.withdrawn"
  | "security_and_analysis"
  | "sponsorship.cancelled"
  | "sponsorship.created"
  | "sponsorship.edited"
  | "sponsorship.pending_cancellation"
  | "sponsorship.pending_tier_change"
  | "sponsorship.tier_changed"
  | "star.created"
  | "star.deleted"
  | "status"
  | "sub-issues.parent_issue_added"
  | "sub-issues.parent_issue_removed"
  | "sub-issues.sub_issue_added"
  | "sub-issues.sub_issue_removed"
  | "team.added_to_repository"
  | "team.created"
  | "team.deleted"
  | "team.edited"
  | "team.removed_from_repository"
  | "team_add"
  | "watch.started"
  | "workflow_dispatch"
  | "workflow_job.completed"
  | "workflow_job.in_progress"
  | "workflow_job.queued"
  | "workflow_job.waiting"
;
