import type { ConversationResponses } from '../messaging/conversation-protocol';
import type { BackgroundRequest } from '../messaging/protocol';
import type { Handlers } from '../messaging/rpc';

type ConversationRequest = Extract<BackgroundRequest, { type: keyof ConversationResponses }>;
type Req<K extends keyof ConversationResponses> = Omit<Extract<BackgroundRequest, { type: K }>, 'type'>;
type Answer<K extends keyof ConversationResponses> = Promise<ConversationResponses[K]>;

/** Threads, replies, supports, reports and moderation (conversation-service.ts). */
export interface ConversationApi {
  list(request: Req<'conversation/list'>): Answer<'conversation/list'>;
  summaries(request: Req<'conversation/summaries'>): Answer<'conversation/summaries'>;
  reply(request: Req<'conversation/reply'>): Answer<'conversation/reply'>;
  deleteReply(request: Req<'conversation/delete-reply'>): Answer<'conversation/delete-reply'>;
  editReply(request: Req<'conversation/edit-reply'>): Answer<'conversation/edit-reply'>;
  restoreReply(request: Req<'conversation/restore-reply'>): Answer<'conversation/restore-reply'>;
  support(request: Req<'conversation/support'>): Answer<'conversation/support'>;
  unsupport(request: Req<'conversation/unsupport'>): Answer<'conversation/unsupport'>;
  report(request: Req<'conversation/report'>): Answer<'conversation/report'>;
  moderationList(): Answer<'moderation/list'>;
  dismiss(request: Req<'moderation/dismiss'>): Answer<'moderation/dismiss'>;
  hide(request: Req<'moderation/hide'>): Answer<'moderation/hide'>;
  unhide(request: Req<'moderation/unhide'>): Answer<'moderation/unhide'>;
  getProfile(): Answer<'profile/get'>;
  updateProfile(request: Req<'profile/update'>): Answer<'profile/update'>;
  createLinkCode(): Answer<'link/create-code'>;
  connectWithLink(request: Req<'link/connect'>): Answer<'link/connect'>;
}

/** Notices, follows and the notification setting (notice-service.ts). */
export interface NoticeApi {
  list(): Answer<'notices/list'>;
  markRead(ids: readonly string[]): Answer<'notices/read'>;
  follow(document: string, following: boolean): Answer<'notices/follow'>;
  setNotify(on: boolean): Answer<'notices/notify'>;
}

/** The conversation services, once the database is open. */
export interface ConversationServices {
  conversation: ConversationApi;
  notices: NoticeApi;
}

/** One handler per conversation request, each a call into a service. */
export function createConversationHandlers(
  services: () => Promise<ConversationServices>,
): Handlers<ConversationRequest, ConversationResponses> {
  const conversation = async () => (await services()).conversation;
  const notices = async () => (await services()).notices;
  return {
    'conversation/list': async ({ type: _t, ...r }) => (await conversation()).list(r),
    'conversation/summaries': async ({ type: _t, ...r }) => (await conversation()).summaries(r),
    'conversation/reply': async ({ type: _t, ...r }) => (await conversation()).reply(r),
    'conversation/delete-reply': async ({ type: _t, ...r }) => (await conversation()).deleteReply(r),
    'conversation/edit-reply': async ({ type: _t, ...r }) => (await conversation()).editReply(r),
    'conversation/restore-reply': async ({ type: _t, ...r }) => (await conversation()).restoreReply(r),
    'conversation/support': async ({ type: _t, ...r }) => (await conversation()).support(r),
    'conversation/unsupport': async ({ type: _t, ...r }) => (await conversation()).unsupport(r),
    'conversation/report': async ({ type: _t, ...r }) => (await conversation()).report(r),
    'moderation/list': async () => (await conversation()).moderationList(),
    'moderation/dismiss': async ({ type: _t, ...r }) => (await conversation()).dismiss(r),
    'moderation/hide': async ({ type: _t, ...r }) => (await conversation()).hide(r),
    'moderation/unhide': async ({ type: _t, ...r }) => (await conversation()).unhide(r),
    'profile/get': async () => (await conversation()).getProfile(),
    'profile/update': async ({ type: _t, ...r }) => (await conversation()).updateProfile(r),
    'link/create-code': async () => (await conversation()).createLinkCode(),
    'link/connect': async ({ type: _t, ...r }) => (await conversation()).connectWithLink(r),
    'notices/list': async () => (await notices()).list(),
    'notices/read': async ({ ids }) => (await notices()).markRead(ids),
    'notices/follow': async ({ document, following }) => (await notices()).follow(document, following),
    'notices/notify': async ({ on }) => (await notices()).setNotify(on),
  };
}

/** Until the services are wired: every conversation message answers a plain error. */
export function createUnavailableConversation(): ConversationServices {
  const refuse = async (): Promise<never> => {
    throw new Error('Conversations are not available in this version of the extension yet.');
  };
  return {
    conversation: {
      list: refuse, summaries: refuse, reply: refuse, deleteReply: refuse, editReply: refuse, restoreReply: refuse, support: refuse, unsupport: refuse, report: refuse,
      moderationList: refuse, dismiss: refuse, hide: refuse, unhide: refuse, getProfile: refuse, updateProfile: refuse,
      createLinkCode: refuse, connectWithLink: refuse,
    },
    notices: { list: refuse, markRead: refuse, follow: refuse, setNotify: refuse },
  };
}
