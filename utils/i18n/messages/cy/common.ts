import type { Translation } from '../../message-types';
import type { common as English } from '../en-GB/common';

/** Welsh (cy) messages: common. Every key of the English file; follow ../../glossary.md. */
export const common: Translation<typeof English> = {
  'common.appName': 'Anodydd Profiad Bywyd',
  'common.close': 'Cau',
  'common.cancel': 'Canslo',
  'common.save': 'Cadw',
  'common.saving': 'Wrthi’n cadw…',
  'common.saved': 'Wedi cadw',
  'common.tryAgain': 'Rhowch gynnig arall arni',
  'common.loading': 'Wrthi’n llwytho…',
  'common.language': 'Iaith',
  'common.languageBrowser': 'Yr un fath â fy mhorwr',
  'common.unexpectedError': 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni.',
  'common.commentCount': { zero: 'Dim sylwadau', one: '{count} sylw', two: '{count} sylw', few: '{count} sylw', many: '{count} sylw', other: '{count} sylw' },
};
