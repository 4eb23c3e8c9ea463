/** The English (en-GB) catalogue: every part's messages, joined. */
import { common } from './common';
import { manifest } from './manifest';
import { sidepanel } from './sidepanel';
import { sync } from './sync';
import { conversation } from './conversation';
import { notices } from './notices';
import { editor } from './editor';
import { pdf } from './pdf';
import { popup } from './popup';
import { options } from './options';
import { background } from './background';
import { webapp } from './webapp';
import { facilitator } from './facilitator';
import { server } from './server';
import { validation } from './validation';
import { digest } from './digest';
import { vocabulary } from './vocabulary';

export const EN_GB = {
  ...common,
  ...manifest,
  ...sidepanel,
  ...sync,
  ...conversation,
  ...notices,
  ...editor,
  ...pdf,
  ...popup,
  ...options,
  ...background,
  ...webapp,
  ...facilitator,
  ...server,
  ...validation,
  ...digest,
  ...vocabulary,
};
