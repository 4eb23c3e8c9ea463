/**
 * The facilitator's pages of the group's web app ("Run the group", issue 13): the app shell
 * (server/webapp) renders them at /group/members, /group/invites, /group/moderation,
 * /group/themes and /group/versions, and links them only for facilitators. Each takes `{ api, session }`.
 */
export { MembersPage } from './MembersPage';
export { InvitesPage } from './InvitesPage';
export { ModerationPage } from './ModerationPage';
export { ThemesPage } from './ThemesPage';
export { VersionsPage } from './VersionsPage';
export type { FacilitatorPageProps } from './page-kit';
