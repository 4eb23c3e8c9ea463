import { Fragment, type ComponentChildren } from 'preact';

/**
 * A translated sentence with elements in it (a bold button name, keyboard keys): the
 * catalogue holds the whole sentence with `{name}` placeholders, so a translator can move
 * them, and each placeholder here becomes the element given for it.
 */
export function withParts(text: string, parts: Readonly<Record<string, ComponentChildren>>): ComponentChildren {
  return text.split(/(\{\w+\})/).map((piece, i) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return <Fragment key={i}>{name !== undefined && name in parts ? parts[name] : piece}</Fragment>;
  });
}
