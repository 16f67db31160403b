// The demo illustrations committed under public/demo/ (drawn once as SVG scenes, no text, and kept as
// files), with their sizes: the corpus generator puts them in synthetic articles as sized figures.

export type DemoImage = {
  /** File name under public/demo/; the site path is `/demo/${file}`. */
  file: string;
  width: number;
  height: number;
};

export const DEMO_IMAGES: readonly DemoImage[] = [
  { file: 'hutong-morning.jpg', width: 1600, height: 900 },
  { file: 'hutong-courtyard.jpg', width: 1200, height: 800 },
  { file: 'hutong-doorway.webp', width: 1000, height: 1250 },
  { file: 'night-train.jpg', width: 1600, height: 900 },
  { file: 'night-train-window.jpg', width: 1200, height: 800 },
  { file: 'tea-cups.jpg', width: 1200, height: 800 },
  { file: 'tea-hills.jpg', width: 1600, height: 900 },
  { file: 'village-library.jpg', width: 1600, height: 900 },
  { file: 'library-shelves.png', width: 1000, height: 800 },
  { file: 'open-source-graph.png', width: 1200, height: 800 },
  { file: 'open-source-terminal.jpg', width: 1200, height: 750 },
  { file: 'bookshop-front.jpg', width: 1200, height: 900 },
  { file: 'bookshop-stack.webp', width: 1000, height: 1000 },
  { file: 'cycling-street.jpg', width: 1600, height: 900 },
  { file: 'cycling-bike.jpg', width: 1200, height: 800 },
  { file: 'hanzi-strokes.png', width: 1200, height: 1200 },
  { file: 'hanzi-grid.png', width: 1200, height: 800 },
  { file: 'market-stalls.jpg', width: 1600, height: 900 },
  { file: 'market-vegetables.jpg', width: 1200, height: 800 },
  { file: 'harbin-ice.jpg', width: 1600, height: 900 },
  { file: 'harbin-street.jpg', width: 1200, height: 800 },
  { file: 'watch-stall.jpg', width: 1200, height: 800 },
  { file: 'dumplings.jpg', width: 1200, height: 800 },
];
