import * as v from 'valibot';
import { ThemeLabelSchema } from '../../../../utils/model/themes';

/** Free text of one line: no control characters at all. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

const Label = v.pipe(ThemeLabelSchema, v.regex(ONE_LINE, 'A theme name must be one line without control characters.'));

/** `POST /api/groups/{group}/themes` body: the name, and the Welsh name when the group has one. */
export const NewThemeSchema = v.strictObject({ label: Label, labelCy: v.optional(Label) });

/** `PATCH /api/groups/{group}/themes/{id}` body: a new name, a new Welsh name (null: none), retired or not. */
export const ThemeChangeSchema = v.pipe(
  v.strictObject({
    label: v.optional(Label),
    labelCy: v.optional(v.nullable(Label)),
    retired: v.optional(v.boolean('"retired" must be true or false.')),
  }),
  v.check(
    (body) => body.label !== undefined || body.labelCy !== undefined || body.retired !== undefined,
    'Say what to change: a new "label", a "labelCy" (null to remove it), or "retired": true or false.',
  ),
);
