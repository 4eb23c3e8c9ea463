import * as v from 'valibot';
import { ThemeLabelSchema } from '../../../../utils/model/themes';

/** Free text of one line: no control characters at all. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

const Label = v.pipe(ThemeLabelSchema, v.regex(ONE_LINE, 'validation.theme.oneLine'));

/** `POST /api/groups/{group}/themes` body: the name, and the Welsh name when the group has one. */
export const NewThemeSchema = v.strictObject({ label: Label, labelCy: v.optional(Label) });

/** `PATCH /api/groups/{group}/themes/{id}` body: a new name, a new Welsh name (null: none), retired or not. */
export const ThemeChangeSchema = v.pipe(
  v.strictObject({
    label: v.optional(Label),
    labelCy: v.optional(v.nullable(Label)),
    retired: v.optional(v.boolean('validation.trueOrFalse')),
  }),
  v.check(
    (body) => body.label !== undefined || body.labelCy !== undefined || body.retired !== undefined,
    'validation.theme.nothingToChange',
  ),
);
