// rehype-react types its result as the global `JSX.Element`, which React 19's types no longer declare
// (they moved it to `React.JSX`); without this alias that type is `any`, and every unified plugin's
// types with it.
import type { JSX as ReactJSX } from 'react';

declare global {
  namespace JSX {
    type Element = ReactJSX.Element;
  }
}
