// Marks the pictures a reader can open full size: a figure's own images. One inside a link keeps the link's meaning
// (the source sent readers somewhere), and an inline picture in a sentence is not a figure to study.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { classList, isElement, walkElements } from './hast-helpers';
import { MARK } from './markers';

export const rehypeZoomableImages: Plugin<[], Root> = function () {
  return (tree) => {
    walkElements(tree, (node) => {
      if (node.tagName !== 'figure') return;
      for (const child of node.children) {
        if (isElement(child, 'img')) child.properties.className = [...classList(child), MARK.zoomable];
      }
    });
  };
};
