// A picture caption whose picture did not survive: still worth reading, but clearly not prose.
import type { ComponentProps } from 'react';

export function ImageNote({ children }: ComponentProps<'p'>) {
  return <p className="image-note text-center text-sm leading-relaxed text-muted">{children}</p>;
}
