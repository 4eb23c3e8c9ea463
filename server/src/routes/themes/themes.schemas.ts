import * as v from 'valibot';
import { ThemeLabelSchema } from '../../../../utils/model/themes';

/** Free text of one line: no control characters at all. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

const Label = v.pipe(ThemeLabelSchema, v.regex(ONE_LINE, 'A theme name must be one line without control characters.'));

/** `POST /api/groups/{group}/themes` body. */
export const NewThemeSchema = v.strictObject({ label: Label });

/** `PATCH /api/groups/{group}/themes/{id}` body: a new name, retired or not, or both. */
export const ThemeChangeSchema = v.pipe(
  v.strictObject({
    label: v.optional(Label),
    retired: v.optional(v.boolean('"retired" must be true or false.')),
  }),
  v.check((body) => body.label !== undefined || body.retired !== undefined, 'Say what to change: a new "label", or "retired": true or false.'),
);
