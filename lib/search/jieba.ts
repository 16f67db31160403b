// One jieba segmenter per process: loading the default dictionary takes a few hundred milliseconds.
import { Jieba } from '@node-rs/jieba';
import { readDict } from './jieba-dict.cjs';

const KEY = Symbol.for('hutong.jieba');
type Holder = { [KEY]?: Jieba };

export function getJieba(): Jieba {
  const holder = globalThis as Holder;
  holder[KEY] ??= Jieba.withDict(readDict());
  return holder[KEY];
}
