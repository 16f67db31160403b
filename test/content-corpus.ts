// Test helper: writes small content folders in the reference format (YAML front matter + HTML body).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Corpus = {
  dir: string;
  /** Writes (or overwrites) a file under the corpus, creating folders. */
  write(file: string, text: string | Buffer): string;
  remove(file: string): void;
  cleanup(): void;
};

export function makeCorpus(): Corpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-content-'));
  return {
    dir,
    write(file, text) {
      const full = path.join(dir, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
      return full;
    },
    remove(file) {
      fs.rmSync(path.join(dir, file), { force: true });
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ArticleFields = {
  title?: string;
  date?: string;
  /** Extra front-matter lines, written as given. */
  extra?: string[];
  categories?: string[];
  author?: string;
  heading?: string;
  paragraphs?: string[];
};

/** An article shaped like the scraped reference: remark line, 大标题 section, captioned image. */
export function article(fields: ArticleFields = {}): string {
  // Like the reference, the file opens with a blank line before the front matter.
  const lines = ['', '---'];
  lines.push(`title: '${fields.title ?? '城墙根下的修车铺'}'`);
  if (fields.categories?.length) {
    lines.push('categories: ');
    for (const c of fields.categories) lines.push(` - ${c}`);
  }
  lines.push("headimg: 'https://img.example.com/article/202112/01/street.jpg?imageView2/2/w/1000'");
  if (fields.author !== undefined) lines.push(`author: ${fields.author}`);
  lines.push('comments: false');
  if (fields.date !== undefined) lines.push(`date: ${fields.date}`);
  lines.push(...(fields.extra ?? []));
  lines.push('---', '');
  const paragraphs = (
    fields.paragraphs ?? [
      '老张的修车铺开在城墙根下，一开就是三十年。每天清早，他先把打气筒摆到门口，再把收音机拧到评书频道。',
      '街坊们说，只要听见那台收音机响，就知道这条胡同醒了。',
    ]
  )
    .map((p) => `<p>${p}</p>`)
    .join('');
  lines.push(
    '<div>   ' +
      '<p><span class="text-remarks" label="备注">本文来自街坊来稿，作者：胡同观察员</span></p>' +
      paragraphs +
      `<h3 label="大标题" class="text-big-title">${fields.heading ?? '一把扳手，三十年'}</h3>` +
      '<p class="img-center"><img src="https://img.example.com/article/202112/01/wrench.jpg" data-w="800" data-h="600"></p>' +
      '<p label="图片备注" class="text-img-note">老张用了三十年的扳手</p>' +
      '<p>收摊以后，他会把工具一件件擦干净，按大小挂回墙上。</p>' +
      '</div>',
  );
  return lines.join('\n') + '\n';
}
