// Draws the demo articles' illustrations as SVG scenes and renders them with sharp into public/demo/,
// so the demo reads offline. Scenes carry no text: CJK fonts may be missing where this runs.
// Run: npx tsx scripts/make-demo-images.ts
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from './prng';

export type DemoImage = {
  /** File name under public/demo/; the site path is `/demo/${file}`. */
  file: string;
  width: number;
  height: number;
};

type Scene = DemoImage & { draw: (w: number, h: number) => string };


const vGrad = (id: string, stops: string[]) =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stops
    .map((c, i) => `<stop offset="${(i / (stops.length - 1)).toFixed(3)}" stop-color="${c}"/>`)
    .join('')}</linearGradient>`;

const svg = (w: number, h: number, defs: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs}</defs>${body}</svg>`;

function bricks(x: number, y: number, w: number, h: number, color: string, mortar: string, size = 28): string {
  let out = `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${color}"/>`;
  for (let row = 0, yy = y; yy < y + h; row++, yy += size / 2) {
    out += `<line x1="${x}" y1="${yy}" x2="${x + w}" y2="${yy}" stroke="${mortar}" stroke-width="1.5"/>`;
    for (let xx = x + (row % 2 ? size / 2 : 0); xx < x + w; xx += size) {
      out += `<line x1="${xx}" y1="${yy}" x2="${xx}" y2="${Math.min(yy + size / 2, y + h)}" stroke="${mortar}" stroke-width="1.5"/>`;
    }
  }
  return out;
}

function stars(rand: () => number, n: number, w: number, h: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `<circle cx="${(rand() * w).toFixed(1)}" cy="${(rand() * h).toFixed(1)}" r="${(0.6 + rand() * 1.6).toFixed(2)}" fill="#fff" opacity="${(0.3 + rand() * 0.7).toFixed(2)}"/>`;
  }
  return out;
}

function bookSpines(rand: () => number, x0: number, y0: number, width: number, shelfH: number, palette: string[]): string {
  let out = '';
  let x = x0;
  while (x < x0 + width - 20) {
    const bw = 14 + Math.floor(rand() * 22);
    const bh = shelfH * (0.62 + rand() * 0.33);
    const color = palette[Math.floor(rand() * palette.length)] ?? '#884';
    const lean = rand() < 0.08;
    out += lean
      ? `<rect x="${x}" y="${y0 + shelfH - bh}" width="${bw}" height="${bh}" fill="${color}" transform="rotate(-9 ${x + bw} ${y0 + shelfH})"/>`
      : `<rect x="${x}" y="${y0 + shelfH - bh}" width="${bw}" height="${bh}" fill="${color}"/>` +
        `<rect x="${x + 3}" y="${y0 + shelfH - bh + 12}" width="${bw - 6}" height="4" fill="#000" opacity="0.18"/>`;
    x += bw + 2 + (lean ? 10 : 0);
  }
  return out;
}

function bicycle(cx: number, cy: number, r: number, color: string, stroke = 6): string {
  const rear = cx - r * 1.25;
  const front = cx + r * 1.25;
  const seat = { x: cx - r * 0.35, y: cy - r * 1.15 };
  const head = { x: cx + r * 0.85, y: cy - r * 1.2 };
  const crank = { x: cx, y: cy };
  return (
    `<g fill="none" stroke="${color}" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round">` +
    `<circle cx="${rear}" cy="${cy}" r="${r}"/><circle cx="${front}" cy="${cy}" r="${r}"/>` +
    `<polyline points="${rear},${cy} ${crank.x},${crank.y} ${seat.x},${seat.y} ${rear},${cy}"/>` +
    `<polyline points="${seat.x},${seat.y} ${head.x},${head.y} ${crank.x},${crank.y}"/>` +
    `<line x1="${head.x}" y1="${head.y}" x2="${front}" y2="${cy}"/>` +
    `<line x1="${seat.x - r * 0.25}" y1="${seat.y - r * 0.12}" x2="${seat.x + r * 0.25}" y2="${seat.y - r * 0.12}"/>` +
    `<line x1="${head.x - r * 0.1}" y1="${head.y - r * 0.25}" x2="${head.x + r * 0.3}" y2="${head.y - r * 0.3}"/>` +
    `</g>`
  );
}

function snow(rand: () => number, n: number, w: number, h: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `<circle cx="${(rand() * w).toFixed(1)}" cy="${(rand() * h).toFixed(1)}" r="${(1 + rand() * 3.5).toFixed(2)}" fill="#fff" opacity="${(0.5 + rand() * 0.5).toFixed(2)}"/>`;
  }
  return out;
}

function steam(x: number, y: number, height: number): string {
  return [0, 1, 2]
    .map((i) => {
      const sx = x + (i - 1) * 22;
      return `<path d="M${sx} ${y} c -14 ${-height * 0.25} 14 ${-height * 0.45} 0 ${-height * 0.7} s 10 ${-height * 0.2} 4 ${-height * 0.3}" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" opacity="0.55"/>`;
    })
    .join('');
}

const scenes: Scene[] = [
  {
    file: 'hutong-morning.jpg',
    width: 1600,
    height: 900,
    draw: (w, h) => {
      const rand = mulberry32(11);
      let leaves = '';
      for (let i = 0; i < 90; i++) {
        leaves += `<circle cx="${1080 + rand() * 420}" cy="${60 + rand() * 300}" r="${30 + rand() * 50}" fill="${rand() < 0.5 ? '#6f8f4e' : '#5b7a3f'}" opacity="0.85"/>`;
      }
      return svg(
        w,
        h,
        vGrad('sky', ['#f6d7a7', '#f3c58f', '#e8b9a1', '#c9c6d8']) +
          `<clipPath id="left"><polygon points="0,230 620,460 620,760 0,900"/></clipPath>` +
          `<clipPath id="right"><polygon points="1600,230 980,460 980,760 1600,900"/></clipPath>`,
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          `<circle cx="800" cy="250" r="70" fill="#fff3d6" opacity="0.9"/>` +
          `<rect x="620" y="470" width="360" height="290" fill="#b9b2a8"/>` +
          `<polygon points="600,470 800,420 1000,470" fill="#5a5552"/>` +
          `<rect x="760" y="560" width="80" height="200" fill="#8f3a2e"/>` +
          `<g clip-path="url(#left)">${bricks(0, 200, 620, 700, '#9a9690', '#84807a', 36)}</g>` +
          `<polygon points="0,170 620,430 620,460 0,230" fill="#4f4c4a"/>` +
          `<g clip-path="url(#right)">${bricks(980, 200, 620, 700, '#a5a19b', '#8e8a84', 36)}</g>` +
          `<polygon points="1600,170 980,430 980,460 1600,230" fill="#55524f"/>` +
          `<rect x="1160" y="420" width="200" height="380" fill="#9b2d24"/>` +
          `<rect x="1170" y="430" width="85" height="360" fill="#b23a2e"/><rect x="1265" y="430" width="85" height="360" fill="#b23a2e"/>` +
          `<circle cx="1245" cy="610" r="9" fill="#d9b25a"/><circle cx="1275" cy="610" r="9" fill="#d9b25a"/>` +
          `<rect x="1130" y="790" width="260" height="22" fill="#6b6762"/>` +
          `<polygon points="620,760 980,760 1600,900 0,900" fill="#b7b0a4"/>` +
          `<rect x="1420" y="300" width="26" height="600" fill="#4a3b2d"/>` +
          leaves +
          bicycle(360, 800, 62, '#2e2b28', 7),
      );
    },
  },
  {
    file: 'hutong-courtyard.jpg',
    width: 1200,
    height: 800,
    draw: (w, h) => {
      const rand = mulberry32(12);
      let fruit = '';
      for (let i = 0; i < 40; i++) {
        fruit += `<circle cx="${620 + rand() * 420}" cy="${90 + rand() * 280}" r="${9 + rand() * 6}" fill="#e8832e"/>`;
      }
      let tiles = '';
      for (let x = 0; x < w; x += 18) tiles += `<line x1="${x}" y1="250" x2="${x - 40}" y2="330" stroke="#3a3836" stroke-width="5"/>`;
      return svg(
        w,
        h,
        vGrad('sky', ['#a9c9e6', '#dfe9ef']),
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          `<polygon points="-40,330 140,230 1060,230 1240,330" fill="#4b4846"/>` +
          tiles +
          `<rect x="60" y="330" width="1080" height="300" fill="#7a3a2a"/>` +
          [0, 1, 2, 3, 4]
            .map((i) => `<rect x="${110 + i * 210}" y="370" width="150" height="200" fill="#c9a86a"/><rect x="${120 + i * 210}" y="380" width="130" height="180" fill="#f0e2c0" opacity="0.8"/>`)
            .join('') +
          `<rect x="0" y="630" width="${w}" height="170" fill="#a8a39a"/>` +
          bricks(0, 630, w, 170, '#aaa59c', '#8f8a82', 60) +
          `<path d="M820 800 C 830 600 800 500 860 380 M860 470 C 760 420 700 360 660 300 M850 420 C 940 360 980 300 1020 260" stroke="#4a3a2c" stroke-width="20" fill="none" stroke-linecap="round"/>` +
          fruit,
      );
    },
  },
  {
    file: 'hutong-doorway.webp',
    width: 1000,
    height: 1250,
    draw: (w, h) =>
      svg(
        w,
        h,
        vGrad('wall', ['#a6a198', '#8c877f']),
        `<rect width="${w}" height="${h}" fill="url(#wall)"/>` +
          bricks(0, 0, w, h, '#9c978f', '#85807a', 44) +
          `<polygon points="150,260 500,110 850,260" fill="#3f3c3a"/>` +
          `<rect x="170" y="260" width="660" height="40" fill="#5a2a22"/>` +
          `<rect x="230" y="300" width="540" height="760" fill="#6b2119"/>` +
          `<rect x="250" y="320" width="245" height="730" fill="#a8322a"/><rect x="505" y="320" width="245" height="730" fill="#a8322a"/>` +
          [0, 1, 2, 3].map((i) => `<circle cx="${310 + i * 40}" cy="380" r="10" fill="#c99a45"/><circle cx="${570 + i * 40}" cy="380" r="10" fill="#c99a45"/>`).join('') +
          `<circle cx="470" cy="680" r="26" fill="none" stroke="#d4aa50" stroke-width="7"/><circle cx="530" cy="680" r="26" fill="none" stroke="#d4aa50" stroke-width="7"/>` +
          `<rect x="180" y="1060" width="640" height="40" fill="#7b7670"/><rect x="140" y="1100" width="720" height="50" fill="#6c6761"/>` +
          `<ellipse cx="150" cy="1080" rx="70" ry="50" fill="#8a857e"/><ellipse cx="850" cy="1080" rx="70" ry="50" fill="#8a857e"/>` +
          `<rect x="0" y="1150" width="${w}" height="100" fill="#bdb6aa"/>`,
      ),
  },
  {
    file: 'night-train.jpg',
    width: 1600,
    height: 900,
    draw: (w, h) => {
      const rand = mulberry32(21);
      let cars = '';
      for (let c = 0; c < 5; c++) {
        const x = 80 + c * 300;
        cars += `<rect x="${x}" y="560" width="290" height="120" rx="10" fill="#1f3b4d"/>`;
        for (let i = 0; i < 6; i++) {
          const lit = rand() < 0.8;
          cars += `<rect x="${x + 14 + i * 46}" y="584" width="34" height="38" rx="4" fill="${lit ? '#ffd98a' : '#2e4a5c'}" opacity="${lit ? (0.7 + rand() * 0.3).toFixed(2) : '1'}"/>`;
        }
      }
      return svg(
        w,
        h,
        vGrad('sky', ['#0b1530', '#1b2b55', '#34406e']) + `<radialGradient id="moon"><stop offset="0" stop-color="#fffbe8"/><stop offset="1" stop-color="#fffbe8" stop-opacity="0"/></radialGradient>`,
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          stars(rand, 220, w, 480) +
          `<circle cx="1300" cy="170" r="140" fill="url(#moon)" opacity="0.6"/><circle cx="1300" cy="170" r="48" fill="#fdf6d8"/>` +
          `<path d="M0 560 L180 430 L330 500 L520 380 L720 470 L900 400 L1120 480 L1330 390 L1600 470 L1600 700 L0 700 Z" fill="#141d38"/>` +
          cars +
          `<rect x="0" y="680" width="${w}" height="14" fill="#0f1424"/>` +
          `<rect x="0" y="694" width="${w}" height="206" fill="#0a0f1d"/>` +
          Array.from({ length: 40 }, (_, i) => `<rect x="${i * 40}" y="690" width="22" height="8" fill="#2a2f40"/>`).join(''),
      );
    },
  },
  {
    file: 'night-train-window.jpg',
    width: 1200,
    height: 800,
    draw: (w, h) => {
      const rand = mulberry32(22);
      let streaks = '';
      for (let i = 0; i < 26; i++) {
        const y = 200 + rand() * 380;
        const x = rand() * 900;
        streaks += `<rect x="${x}" y="${y}" width="${120 + rand() * 300}" height="${2 + rand() * 4}" rx="2" fill="${rand() < 0.6 ? '#ffcf7a' : '#9fd0ff'}" opacity="${(0.4 + rand() * 0.5).toFixed(2)}"/>`;
      }
      return svg(
        w,
        h,
        vGrad('out', ['#0d1326', '#1c2440']) + vGrad('wall', ['#6b5b4a', '#4e4235']),
        `<rect width="${w}" height="${h}" fill="url(#wall)"/>` +
          `<rect x="150" y="110" width="900" height="520" rx="40" fill="url(#out)"/>` +
          streaks +
          `<rect x="150" y="110" width="900" height="520" rx="40" fill="none" stroke="#8a7a66" stroke-width="22"/>` +
          `<rect x="100" y="640" width="1000" height="50" fill="#3a3129"/>` +
          `<rect x="760" y="560" width="70" height="80" rx="8" fill="#e9e4da"/><ellipse cx="795" cy="566" rx="35" ry="9" fill="#b48a53"/>` +
          steam(795, 550, 110),
      );
    },
  },
  {
    file: 'tea-cups.jpg',
    width: 1200,
    height: 800,
    draw: (w, h) =>
      svg(
        w,
        h,
        vGrad('bg', ['#e9e0cf', '#d7c9ae']) + vGrad('table', ['#7b5532', '#5c3e24']) + vGrad('tea', ['#c9a24a', '#a87b2c']),
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>` +
          `<rect y="470" width="${w}" height="330" fill="url(#table)"/>` +
          `<ellipse cx="600" cy="560" rx="420" ry="70" fill="#3f2a18" opacity="0.35"/>` +
          `<path d="M300 380 h170 q0 150 -85 150 q-85 0 -85 -150z" fill="#f4f1ea"/><ellipse cx="385" cy="380" rx="85" ry="22" fill="url(#tea)"/>` +
          `<path d="M700 400 h150 q0 130 -75 130 q-75 0 -75 -130z" fill="#f4f1ea"/><ellipse cx="775" cy="400" rx="75" ry="19" fill="url(#tea)"/>` +
          `<path d="M520 330 q60 -50 130 0 l10 140 q-75 40 -150 0z" fill="#6d7f6a"/><ellipse cx="585" cy="330" rx="66" ry="14" fill="#56664f"/>` +
          `<path d="M660 380 q60 -10 80 -60" stroke="#6d7f6a" stroke-width="14" fill="none" stroke-linecap="round"/>` +
          steam(385, 360, 150) +
          steam(775, 380, 120) +
          `<ellipse cx="980" cy="520" rx="80" ry="18" fill="#8aa06b" opacity="0.8"/>`,
      ),
  },
  {
    file: 'tea-hills.jpg',
    width: 1600,
    height: 900,
    draw: (w, h) => {
      let rows = '';
      for (let i = 0; i < 18; i++) {
        const y = 420 + i * 28;
        rows += `<path d="M-50 ${y} C 400 ${y - 90 + i * 2} 900 ${y + 60} 1650 ${y - 50}" stroke="${i % 2 ? '#4f7a3a' : '#6a9a48'}" stroke-width="16" fill="none" stroke-linecap="round"/>`;
      }
      return svg(
        w,
        h,
        vGrad('sky', ['#cfe3e8', '#eef2e6']),
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          `<path d="M0 360 C 300 220 500 300 800 230 C 1100 160 1300 260 1600 200 L1600 900 L0 900Z" fill="#9bb7a4" opacity="0.7"/>` +
          `<path d="M0 430 C 400 330 700 420 1000 350 C 1250 300 1450 380 1600 340 L1600 900 L0 900Z" fill="#7fa36f"/>` +
          rows +
          `<rect x="0" y="600" width="${w}" height="300" fill="#4d7434" opacity="0.35"/>` +
          `<ellipse cx="300" cy="280" rx="260" ry="30" fill="#fff" opacity="0.6"/><ellipse cx="1200" cy="240" rx="300" ry="26" fill="#fff" opacity="0.5"/>`,
      );
    },
  },
  {
    file: 'village-library.jpg',
    width: 1600,
    height: 900,
    draw: (w, h) => {
      const rand = mulberry32(31);
      return svg(
        w,
        h,
        vGrad('sky', ['#f4c27a', '#eaa36b', '#8f6f8a']) + vGrad('field', ['#b6a24e', '#8b7b35']),
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          `<path d="M0 520 C 300 470 600 500 900 480 C 1200 460 1400 500 1600 490 L1600 900 L0 900Z" fill="url(#field)"/>` +
          `<polygon points="460,360 800,210 1140,360" fill="#5a3d2e"/>` +
          `<rect x="500" y="360" width="600" height="300" fill="#d9c6a5"/>` +
          `<rect x="560" y="420" width="180" height="150" fill="#ffe1a0"/>` +
          bookSpines(rand, 566, 430, 170, 60, ['#8c4a3a', '#3f6a7a', '#c4903e', '#5b7a4a', '#7b5a8a']) +
          bookSpines(rand, 566, 500, 170, 62, ['#8c4a3a', '#3f6a7a', '#c4903e', '#5b7a4a', '#7b5a8a']) +
          `<rect x="860" y="440" width="140" height="220" fill="#7a4f2f"/><rect x="868" y="448" width="124" height="212" fill="#ffd88a" opacity="0.85"/>` +
          `<rect x="0" y="660" width="${w}" height="240" fill="#7a6a2e" opacity="0.5"/>` +
          `<rect x="240" y="380" width="24" height="300" fill="#4a3526"/><circle cx="252" cy="360" r="110" fill="#4f6a34"/><circle cx="200" cy="410" r="70" fill="#5f7c3e"/>` +
          `<circle cx="1350" cy="200" r="60" fill="#fff0c8" opacity="0.9"/>`,
      );
    },
  },
  {
    file: 'library-shelves.png',
    width: 1000,
    height: 800,
    draw: (w, h) => {
      const rand = mulberry32(32);
      const palette = ['#9c4f3c', '#35606f', '#c79a45', '#5d7c4b', '#7d5b8b', '#d8cfbf', '#2f3d52'];
      let shelves = '';
      for (let r = 0; r < 4; r++) {
        const y = 60 + r * 175;
        shelves += bookSpines(rand, 70, y, 860, 150, palette) + `<rect x="50" y="${y + 150}" width="900" height="18" fill="#5a3b22"/>`;
      }
      return svg(w, h, '', `<rect width="${w}" height="${h}" fill="#efe4cf"/><rect x="50" y="40" width="900" height="720" fill="#7a5333"/><rect x="62" y="52" width="876" height="696" fill="#f3ead8"/>` + shelves);
    },
  },
  {
    file: 'open-source-graph.png',
    width: 1200,
    height: 800,
    draw: (w, h) => {
      const rand = mulberry32(41);
      const nodes = Array.from({ length: 34 }, () => ({ x: 80 + rand() * (w - 160), y: 80 + rand() * (h - 160), r: 6 + rand() * 18 }));
      let edges = '';
      nodes.forEach((a, i) => {
        for (let k = 0; k < 2; k++) {
          const b = nodes[Math.floor(rand() * nodes.length)];
          if (b && b !== a) edges += `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="#5b6b8a" stroke-width="${i % 5 === 0 ? 3 : 1.5}" opacity="0.6"/>`;
        }
      });
      const colors = ['#f2a541', '#48a9a6', '#e4dfda', '#c1666b', '#7fb069'];
      const dots = nodes.map((n, i) => `<circle cx="${n.x.toFixed(1)}" cy="${n.y.toFixed(1)}" r="${n.r.toFixed(1)}" fill="${colors[i % colors.length]}"/>`).join('');
      return svg(w, h, '', `<rect width="${w}" height="${h}" fill="#1d2433"/>` + edges + dots);
    },
  },
  {
    file: 'open-source-terminal.jpg',
    width: 1200,
    height: 750,
    draw: (w, h) => {
      const rand = mulberry32(42);
      let lines = '';
      for (let i = 0; i < 22; i++) {
        let x = 120 + (rand() < 0.3 ? 40 : 0);
        const y = 150 + i * 24;
        const segs = 1 + Math.floor(rand() * 4);
        for (let s = 0; s < segs; s++) {
          const len = 30 + rand() * 170;
          const color = ['#9cdcfe', '#ce9178', '#b5cea8', '#c586c0', '#d4d4d4'][Math.floor(rand() * 5)];
          lines += `<rect x="${x.toFixed(1)}" y="${y}" width="${len.toFixed(1)}" height="10" rx="3" fill="${color}" opacity="0.85"/>`;
          x += len + 14;
        }
      }
      return svg(
        w,
        h,
        vGrad('bg', ['#3a4256', '#232838']),
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>` +
          `<rect x="80" y="70" width="1040" height="620" rx="16" fill="#1e1e1e"/>` +
          `<rect x="80" y="70" width="1040" height="44" rx="16" fill="#323232"/><rect x="80" y="96" width="1040" height="18" fill="#323232"/>` +
          `<circle cx="115" cy="92" r="9" fill="#ff5f56"/><circle cx="145" cy="92" r="9" fill="#ffbd2e"/><circle cx="175" cy="92" r="9" fill="#27c93f"/>` +
          lines +
          `<rect x="120" y="672" width="14" height="20" fill="#d4d4d4"/>`,
      );
    },
  },
  {
    file: 'bookshop-front.jpg',
    width: 1200,
    height: 900,
    draw: (w, h) => {
      const rand = mulberry32(51);
      return svg(
        w,
        h,
        vGrad('dusk', ['#5d6d8c', '#9a8ea0', '#d9a98a']) + vGrad('glow', ['#ffe2a8', '#f0b86a']),
        `<rect width="${w}" height="${h}" fill="url(#dusk)"/>` +
          `<rect x="150" y="180" width="900" height="620" fill="#2f4a3f"/>` +
          `<rect x="150" y="180" width="900" height="90" fill="#253b32"/>` +
          `<path d="M140 270 h920 l-40 70 h-840z" fill="#b5443a"/>` +
          Array.from({ length: 12 }, (_, i) => `<path d="M${180 + i * 70} 270 h35 l-5 70 h-30z" fill="#f2e6d0"/>`).join('') +
          `<rect x="210" y="380" width="460" height="330" fill="url(#glow)"/>` +
          bookSpines(rand, 220, 430, 440, 90, ['#8c4a3a', '#3f6a7a', '#c4903e', '#5b7a4a', '#efe6d2']) +
          bookSpines(rand, 220, 560, 440, 90, ['#8c4a3a', '#3f6a7a', '#c4903e', '#5b7a4a', '#efe6d2']) +
          `<rect x="730" y="380" width="250" height="420" fill="#ffd792"/><rect x="745" y="395" width="220" height="405" fill="#6b4a2f"/><circle cx="940" cy="600" r="9" fill="#e3b65c"/>` +
          `<rect x="0" y="800" width="${w}" height="100" fill="#5c5751"/>` +
          `<rect x="300" y="740" width="130" height="60" fill="#7a5a3a"/><rect x="310" y="720" width="110" height="22" fill="#c4903e"/>`,
      );
    },
  },
  {
    file: 'bookshop-stack.webp',
    width: 1000,
    height: 1000,
    draw: (w, h) => {
      const rand = mulberry32(52);
      const palette = ['#a3472f', '#2f5d6b', '#d2a24c', '#567a45', '#e8dfcc', '#6d4f7f', '#30343f'];
      let stack = '';
      let y = 860;
      for (let i = 0; i < 11; i++) {
        const bh = 40 + rand() * 35;
        const bw = 420 + rand() * 180;
        const x = 500 - bw / 2 + (rand() - 0.5) * 60;
        y -= bh;
        stack += `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" rx="4" fill="${palette[i % palette.length]}"/>` +
          `<rect x="${(x + bw - 24).toFixed(1)}" y="${(y + 6).toFixed(1)}" width="14" height="${(bh - 12).toFixed(1)}" fill="#fff" opacity="0.25"/>`;
      }
      return svg(w, h, vGrad('bg', ['#f1e9da', '#e2d3b8']), `<rect width="${w}" height="${h}" fill="url(#bg)"/><ellipse cx="500" cy="870" rx="360" ry="30" fill="#000" opacity="0.12"/>` + stack + `<path d="M640 ${y} q40 -60 10 -120" stroke="#4f7a3a" stroke-width="8" fill="none"/><ellipse cx="655" cy="${y - 125}" rx="30" ry="16" fill="#6a9a48"/>`);
    },
  },
  {
    file: 'cycling-street.jpg',
    width: 1600,
    height: 900,
    draw: (w, h) => {
      const rand = mulberry32(61);
      let trees = '';
      for (let i = 0; i < 9; i++) {
        const x = 60 + i * 190;
        trees += `<rect x="${x}" y="300" width="18" height="260" fill="#4b3a2b"/><circle cx="${x + 9}" cy="280" r="${70 + rand() * 30}" fill="${rand() < 0.5 ? '#6f9b55' : '#5d8a48'}"/>`;
      }
      return svg(
        w,
        h,
        vGrad('sky', ['#bcd8ee', '#f1efe4']),
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          `<rect x="0" y="200" width="${w}" height="360" fill="#d9cfc0"/>` +
          Array.from({ length: 8 }, (_, i) => `<rect x="${i * 210}" y="${120 + (i % 3) * 40}" width="180" height="${440 - (i % 3) * 40}" fill="${['#c8b8a2', '#b8a690', '#d6c9b4'][i % 3]}"/>`).join('') +
          trees +
          `<rect x="0" y="560" width="${w}" height="340" fill="#5c5f63"/>` +
          `<rect x="0" y="560" width="${w}" height="120" fill="#3f7a5a"/>` +
          `<rect x="0" y="676" width="${w}" height="8" fill="#f4f1e6"/>` +
          Array.from({ length: 10 }, (_, i) => `<rect x="${i * 170 + 20}" y="790" width="90" height="10" fill="#f4f1e6"/>`).join('') +
          bicycle(500, 640, 40, '#1f2a30', 6) +
          `<circle cx="490" cy="520" r="16" fill="#2b2b2b"/><path d="M486 536 L470 590 L505 600" stroke="#c94f3d" stroke-width="18" fill="none" stroke-linecap="round"/>` +
          bicycle(1150, 640, 40, '#1f2a30', 6) +
          `<circle cx="1140" cy="520" r="16" fill="#2b2b2b"/><path d="M1136 536 L1120 590 L1155 600" stroke="#e3b24a" stroke-width="18" fill="none" stroke-linecap="round"/>`,
      );
    },
  },
  {
    file: 'cycling-bike.jpg',
    width: 1200,
    height: 800,
    draw: (w, h) =>
      svg(
        w,
        h,
        vGrad('bg', ['#f3d9b1', '#e7b98a']),
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>` +
          `<rect x="0" y="600" width="${w}" height="200" fill="#c98e5a"/>` +
          `<ellipse cx="600" cy="610" rx="420" ry="22" fill="#000" opacity="0.15"/>` +
          bicycle(600, 480, 130, '#27323a', 14) +
          `<rect x="720" y="300" width="120" height="80" rx="8" fill="#7a5a3a" opacity="0.9"/>`,
      ),
  },
  {
    file: 'hanzi-strokes.png',
    width: 1200,
    height: 1200,
    draw: (w, h) =>
      svg(
        w,
        h,
        '',
        `<rect width="${w}" height="${h}" fill="#f3ecdf"/>` +
          `<rect x="150" y="150" width="900" height="900" fill="none" stroke="#c0392b" stroke-width="6"/>` +
          `<g stroke="#c0392b" stroke-width="2" stroke-dasharray="14 10" opacity="0.7"><line x1="600" y1="150" x2="600" y2="1050"/><line x1="150" y1="600" x2="1050" y2="600"/><line x1="150" y1="150" x2="1050" y2="1050"/><line x1="1050" y1="150" x2="150" y2="1050"/></g>` +
          `<g fill="#1c1c1c">` +
          `<path d="M560 230 q40 10 70 40 q10 20 -20 40 q-30 10 -50 -20 z"/>` +
          `<path d="M330 420 q150 -20 420 -40 q40 0 60 20 q-20 30 -70 40 q-220 10 -400 30 q-20 -20 -10 -50z"/>` +
          `<path d="M590 400 q40 -10 50 30 l-10 520 q-10 60 -60 40 q-30 -40 -60 -50 q40 0 50 -30 l-10 -480z"/>` +
          `<path d="M560 520 q-90 160 -260 290 q-20 0 -10 -20 q120 -130 220 -300z"/>` +
          `<path d="M650 560 q120 140 300 240 q40 30 0 50 q-200 -40 -320 -250z"/>` +
          `</g>`,
      ),
  },
  {
    file: 'hanzi-grid.png',
    width: 1200,
    height: 800,
    draw: (w, h) => {
      let grid = '';
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 5; c++) {
          const x = 90 + c * 210;
          const y = 120 + r * 210;
          grid += `<rect x="${x}" y="${y}" width="180" height="180" fill="#fffaf0" stroke="#3d7a55" stroke-width="3"/>` +
            `<g stroke="#3d7a55" stroke-width="1.5" stroke-dasharray="6 6" opacity="0.6"><line x1="${x + 90}" y1="${y}" x2="${x + 90}" y2="${y + 180}"/><line x1="${x}" y1="${y + 90}" x2="${x + 180}" y2="${y + 90}"/></g>`;
          if ((r * 5 + c) % 3 === 0) {
            grid += `<path d="M${x + 40} ${y + 60} q50 -10 100 -4" stroke="#222" stroke-width="16" fill="none" stroke-linecap="round"/>` +
              `<path d="M${x + 90} ${y + 40} l0 110" stroke="#222" stroke-width="15" fill="none" stroke-linecap="round"/>` +
              `<path d="M${x + 60} ${y + 120} q20 -10 60 20" stroke="#222" stroke-width="13" fill="none" stroke-linecap="round"/>`;
          }
        }
      }
      return svg(w, h, '', `<rect width="${w}" height="${h}" fill="#e9e3d3"/>` + grid + `<rect x="1000" y="690" width="160" height="22" rx="11" fill="#2b2b2b" transform="rotate(-20 1080 700)"/>`);
    },
  },
  {
    file: 'market-stalls.jpg',
    width: 1600,
    height: 900,
    draw: (w, h) => {
      const rand = mulberry32(71);
      let stalls = '';
      const awnings = ['#d9534f', '#2e86ab', '#f0a202', '#3c9d5d', '#8e5ea2'];
      for (let i = 0; i < 5; i++) {
        const x = 30 + i * 315;
        const color = awnings[i] ?? '#d9534f';
        stalls += `<path d="M${x} 260 h290 l-20 80 h-250z" fill="${color}"/>` +
          Array.from({ length: 6 }, (_, k) => `<path d="M${x + 10 + k * 46} 260 h23 l-3 80 h-20z" fill="#fff" opacity="0.85"/>`).join('') +
          `<rect x="${x + 20}" y="340" width="8" height="300" fill="#555"/><rect x="${x + 262}" y="340" width="8" height="300" fill="#555"/>` +
          `<rect x="${x + 10}" y="560" width="270" height="90" fill="#8a6a48"/>`;
        for (let k = 0; k < 28; k++) {
          const fruit = ['#e94f37', '#f6ae2d', '#86bb45', '#9b2335', '#f28f3b'][(i + k) % 5];
          stalls += `<circle cx="${x + 30 + rand() * 230}" cy="${540 + rand() * 30}" r="${12 + rand() * 8}" fill="${fruit}"/>`;
        }
      }
      return svg(
        w,
        h,
        vGrad('sky', ['#fbe3c1', '#f7f0e4']),
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          `<rect x="0" y="120" width="${w}" height="200" fill="#d8cbb6"/>` +
          stalls +
          `<rect x="0" y="650" width="${w}" height="250" fill="#b3aa9c"/>` +
          Array.from({ length: 7 }, (_, i) => `<circle cx="${150 + i * 220 + rand() * 60}" cy="${720 + rand() * 60}" r="26" fill="#3a3a3a"/><rect x="${130 + i * 220}" y="${750}" width="46" height="120" rx="20" fill="${['#466b8a', '#a35d4a', '#5d7f4a', '#7d6a9a'][i % 4]}"/>`).join(''),
      );
    },
  },
  {
    file: 'market-vegetables.jpg',
    width: 1200,
    height: 800,
    draw: (w, h) => {
      const rand = mulberry32(72);
      let produce = '';
      const baskets = [
        { x: 200, c: ['#e94f37', '#c0392b'] },
        { x: 600, c: ['#86bb45', '#5d8a2f'] },
        { x: 1000, c: ['#f6ae2d', '#e08e0b'] },
      ];
      for (const b of baskets) {
        produce += `<ellipse cx="${b.x}" cy="560" rx="180" ry="60" fill="#8a6239"/><path d="M${b.x - 180} 560 q180 200 360 0z" fill="#6e4c2b"/>`;
        for (let k = 0; k < 45; k++) {
          produce += `<circle cx="${b.x - 150 + rand() * 300}" cy="${470 + rand() * 90}" r="${18 + rand() * 12}" fill="${b.c[k % 2]}"/>`;
        }
      }
      return svg(w, h, vGrad('bg', ['#efe6d6', '#d8c7a8']), `<rect width="${w}" height="${h}" fill="url(#bg)"/><rect y="620" width="${w}" height="180" fill="#9c8a6c"/>` + produce);
    },
  },
  {
    file: 'harbin-ice.jpg',
    width: 1600,
    height: 900,
    draw: (w, h) => {
      const rand = mulberry32(81);
      let blocks = '';
      for (let row = 0; row < 6; row++) {
        for (let col = 0; col < 5 - Math.floor(row / 2); col++) {
          const x = 460 + col * 140 + (row % 2) * 70 + Math.floor(row / 2) * 70;
          const y = 700 - row * 80;
          blocks += `<rect x="${x}" y="${y}" width="136" height="76" fill="${['#bfe6ff', '#9fd3f5', '#d7f1ff'][(row + col) % 3]}" opacity="0.9" stroke="#eaf8ff" stroke-width="3"/>`;
        }
      }
      return svg(
        w,
        h,
        vGrad('sky', ['#16234a', '#3a4f86', '#8fb2d6']),
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          stars(rand, 80, w, 300) +
          `<path d="M0 620 L200 560 L380 600 L1200 590 L1400 540 L1600 600 L1600 900 L0 900Z" fill="#e8f1f8"/>` +
          blocks +
          `<polygon points="760,220 800,140 840,220" fill="#d7f1ff" stroke="#eaf8ff" stroke-width="3"/><rect x="760" y="220" width="80" height="20" fill="#bfe6ff"/>` +
          `<rect x="0" y="780" width="${w}" height="120" fill="#f4f8fb"/>` +
          snow(rand, 160, w, h),
      );
    },
  },
  {
    file: 'harbin-street.jpg',
    width: 1200,
    height: 800,
    draw: (w, h) => {
      const rand = mulberry32(82);
      return svg(
        w,
        h,
        vGrad('sky', ['#9aa9bd', '#d9dfe6']),
        `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
          `<rect x="500" y="300" width="200" height="320" fill="#8a5a44"/>` +
          `<ellipse cx="600" cy="300" rx="90" ry="70" fill="#3f6b5a"/><rect x="594" y="180" width="12" height="70" fill="#c9a55a"/><rect x="584" y="200" width="32" height="8" fill="#c9a55a"/>` +
          `<rect x="420" y="420" width="80" height="200" fill="#7d4f3b"/><ellipse cx="460" cy="420" rx="42" ry="34" fill="#3f6b5a"/>` +
          `<rect x="700" y="420" width="80" height="200" fill="#7d4f3b"/><ellipse cx="740" cy="420" rx="42" ry="34" fill="#3f6b5a"/>` +
          `<rect x="0" y="360" width="380" height="260" fill="#c9b79a"/><rect x="820" y="340" width="380" height="280" fill="#d1c2a5"/>` +
          Array.from({ length: 6 }, (_, i) => `<rect x="${30 + i * 58}" y="400" width="34" height="56" fill="#ffe0a0"/><rect x="${850 + i * 58}" y="390" width="34" height="56" fill="#ffe0a0"/>`).join('') +
          `<path d="M0 620 L1200 620 L1200 800 L0 800Z" fill="#eef2f5"/>` +
          `<path d="M560 620 L640 620 L900 800 L300 800Z" fill="#c8cfd6"/>` +
          snow(rand, 260, w, h),
      );
    },
  },
  {
    file: 'watch-stall.jpg',
    width: 1200,
    height: 800,
    draw: (w, h) =>
      svg(
        w,
        h,
        vGrad('wall', ['#8f8a80', '#77726a']),
        `<rect width="${w}" height="${h}" fill="url(#wall)"/>` +
          bricks(0, 0, w, 560, '#8c877d', '#76716a', 56) +
          `<rect x="0" y="560" width="${w}" height="240" fill="#b4ab9b"/>` +
          `<rect x="330" y="430" width="540" height="170" fill="#5b4632"/><rect x="350" y="410" width="500" height="30" fill="#7a5e42"/>` +
          `<rect x="380" y="340" width="440" height="80" fill="#cfe3ea" opacity="0.5" stroke="#6b5640" stroke-width="6"/>` +
          [0, 1, 2, 3, 4].map((i) => `<circle cx="${430 + i * 85}" cy="380" r="24" fill="#f5f0e6" stroke="#3b3b3b" stroke-width="4"/><line x1="${430 + i * 85}" y1="380" x2="${430 + i * 85}" y2="364" stroke="#222" stroke-width="3"/><line x1="${430 + i * 85}" y1="380" x2="${442 + i * 85}" y2="386" stroke="#222" stroke-width="3"/>`).join('') +
          `<path d="M200 260 h800 l-60 60 h-680z" fill="#2f6d8a"/>` +
          `<rect x="900" y="520" width="120" height="80" fill="#3a4a5a"/><circle cx="960" cy="500" r="40" fill="#2f2f2f"/>`,
      ),
  },
  {
    file: 'dumplings.jpg',
    width: 1200,
    height: 800,
    draw: (w, h) => {
      let dumplings = '';
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 5; c++) {
          const x = 300 + c * 150 + (r % 2) * 40;
          const y = 300 + r * 120;
          dumplings += `<path d="M${x - 55} ${y + 20} q55 -90 110 0 q-55 30 -110 0z" fill="#f7f3ea" stroke="#e2d8c4" stroke-width="3"/>` +
            `<path d="M${x - 30} ${y - 12} q8 -8 14 0 q8 -8 14 0 q8 -8 14 0" stroke="#e2d8c4" stroke-width="3" fill="none"/>`;
        }
      }
      return svg(
        w,
        h,
        vGrad('bg', ['#3c2f2a', '#2a211d']),
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>` +
          `<ellipse cx="600" cy="420" rx="500" ry="300" fill="#d6b27a"/><ellipse cx="600" cy="420" rx="470" ry="275" fill="#c49a5e"/>` +
          dumplings +
          `<ellipse cx="1040" cy="680" rx="90" ry="40" fill="#1e1a18"/><ellipse cx="1040" cy="672" rx="70" ry="28" fill="#4a2a1a"/>`,
      );
    },
  },
];

export const DEMO_IMAGES: readonly DemoImage[] = scenes.map(({ file, width, height }) => ({ file, width, height }));

const MAX_BYTES = 120 * 1024;

async function render(scene: Scene, outDir: string): Promise<{ file: string; bytes: number }> {
  const { default: sharp } = await import('sharp');
  const input = Buffer.from(scene.draw(scene.width, scene.height));
  let pipeline = sharp(input, { density: 72 }).resize(scene.width, scene.height, { fit: 'fill' });
  const ext = path.extname(scene.file);
  if (ext === '.jpg') pipeline = pipeline.jpeg({ quality: 78, mozjpeg: true, progressive: true });
  else if (ext === '.png') pipeline = pipeline.png({ palette: true, quality: 85, compressionLevel: 9 });
  else if (ext === '.webp') pipeline = pipeline.webp({ quality: 78 });
  else throw new Error(`${scene.file}: unsupported image extension "${ext}"`);
  const buffer = await pipeline.toBuffer();
  const meta = await sharp(buffer).metadata();
  // The articles' data-w/data-h come from DEMO_IMAGES, so the pixels must agree with it exactly.
  if (meta.width !== scene.width || meta.height !== scene.height) {
    throw new Error(`${scene.file}: rendered ${meta.width}×${meta.height}, expected ${scene.width}×${scene.height}`);
  }
  if (buffer.length > MAX_BYTES) throw new Error(`${scene.file}: ${buffer.length} bytes exceeds the ${MAX_BYTES}-byte budget`);
  await writeFile(path.join(outDir, scene.file), buffer);
  return { file: scene.file, bytes: buffer.length };
}

export async function makeDemoImages(outDir: string): Promise<{ file: string; bytes: number }[]> {
  await mkdir(outDir, { recursive: true });
  const results: { file: string; bytes: number }[] = [];
  for (const scene of scenes) results.push(await render(scene, outDir));
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = path.resolve(process.cwd(), 'public/demo');
  makeDemoImages(outDir).then(
    (results) => {
      for (const r of results) console.log(`${r.file.padEnd(28)} ${(r.bytes / 1024).toFixed(1).padStart(6)} KB`);
      console.log(`${results.length} images written to ${path.relative(process.cwd(), outDir)}/`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
