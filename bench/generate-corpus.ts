// Writes large synthetic corpora: YAML front matter + a body, half in the reference format's scraped-style
// HTML and half in Markdown as Hexo and Jekyll posts are written (corpusFormat),
// for `npm run bench` and load tests. Same seed, same bytes; article i depends only on (seed, i),
// so a 1,000-article corpus is the first 1,000 articles of the 10,000-article one.
// CLI: npx tsx scripts/generate-corpus.ts --count 10000 --out .bench/corpus-10000 [--seed 20211201]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_IMAGES, type DemoImage } from './demo-images';
import { mulberry32, type Random } from './prng';

export type CorpusOptions = {
  /** Folder to (re)create; wiped first, but only if it is empty or a corpus this script wrote. */
  dir: string;
  count: number;
  /** Any 32-bit integer; defaults to DEFAULT_SEED. */
  seed?: number;
};

export type CorpusSummary = {
  dir: string;
  count: number;
  drafts: number;
  /** Total bytes written, front matter included. */
  bytes: number;
  /** File names in index order, relative to `dir`. */
  files: string[];
};

export const DEFAULT_SEED = 20211201;

/** Dropped in every corpus folder so a rerun may wipe it, and nothing else gets wiped by mistake. */
export const CORPUS_MARKER = '.hutong-corpus';

const BODY_MIN_BYTES = 3 * 1024;
const BODY_MAX_BYTES = 15 * 1024;
const DATE_FROM = Date.UTC(2015, 0, 1);
const DATE_SPAN_MS = Date.UTC(2025, 0, 1) - DATE_FROM;

/** Mixes seed and index so neighbouring articles get unrelated streams (murmur3 finalizer). */
function articleSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function pick<T>(rand: Random, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('generate-corpus: pick from an empty list');
  return item;
}

function int(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** `n` distinct items, in list order. */
function some<T>(rand: Random, list: readonly T[], n: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, list.length)) chosen.add(Math.floor(rand() * list.length));
  return [...chosen].sort((a, b) => a - b).map((i) => list[i] as T);
}

function hex(rand: Random, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(rand() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return out.slice(0, length);
}

// ---------------------------------------------------------------------------------------------
// Word and sentence banks. Slots in templates are written {slot}; each slot names a list below.

const WORDS = {
  when: [
    '去年冬天',
    '2019年前后',
    '那段时间',
    '最近几个月',
    '每到周末',
    '二十多年前',
    '今年春节前后',
    '刚入行的时候',
    '过去十年里',
    '上世纪九十年代',
    '每天早上七点',
    '深夜十一点以后',
    '一个下着雨的傍晚',
    '开学第一周',
    '双十一前夕',
    '疫情最严重的那年',
    '今年夏天',
    '三年前的一个早上',
    '毕业那年',
    '换工作之后',
  ],
  person: [
    '一位在杭州做外贸的老板',
    '刚毕业的年轻人小周',
    '开了二十年出租车的李师傅',
    '一家小公司的创始人',
    '社区里的志愿者',
    '不少中年父母',
    '一位退休的中学老师',
    '几个在读的研究生',
    '街角小店的店主',
    '一位大厂的产品经理',
    '一位独立开发者',
    '乡镇卫生院的医生',
    '连锁咖啡店的店长',
    '外卖骑手老王',
    '一个做自媒体的姑娘',
    '县城里开文具店的夫妻',
    '一位做了十年运营的从业者',
    '在菜市场卖了半辈子菜的张阿姨',
    '一位刚当上妈妈的设计师',
    '某高校的一位教授',
  ],
  group: [
    '普通用户',
    '中小商家',
    '年轻人',
    '老年人',
    '内容创作者',
    '一线城市的上班族',
    '县城里的消费者',
    '平台上的商家',
    '开发者',
    '学生和家长',
    '独立书店的经营者',
    '外卖骑手',
    '小区里的老住户',
    '刚来城市打拼的人',
    '做小生意的个体户',
    '医生和护士',
    '基层公务员',
    '自由职业者',
  ],
  place: [
    '北京的胡同里',
    '深圳南山的写字楼里',
    '成都的一间茶馆',
    '一座北方小城',
    '上海的弄堂口',
    '县城的步行街上',
    '高铁站的候车室',
    '城中村的出租屋里',
    '杭州的一家咖啡馆',
    '西北的一个小镇',
    '广州的早茶店',
    '大学的图书馆',
    '重庆的江边',
    '义乌的小商品市场',
    '哈尔滨的老街',
    '厦门的海边',
    '武汉的一个社区',
    '长沙的夜市',
  ],
  platform: ['微信', '淘宝', '抖音', '支付宝', '小红书', '京东', '拼多多', '微博', 'B站', '美团', '知乎', '饿了么'],
  topic: [
    '会员制度',
    '远程办公',
    '二手交易',
    '城市更新',
    '公共交通',
    '新能源汽车',
    '阅读习惯',
    '预制菜',
    '养老服务',
    '在线教育',
    '开源软件',
    '人工智能',
    '共享单车',
    '老旧小区改造',
    '夜间经济',
    '本地生活服务',
    '社区食堂',
    '垃圾分类',
  ],
  netTopic: [
    '互联互通',
    '外链分享',
    '直播带货',
    '短视频',
    '数据隐私',
    '算法推荐',
    '社区团购',
    '内容审核',
    '小程序生态',
    '外卖平台',
    '知识付费',
  ],
  noun: [
    '效率',
    '信任',
    '流量',
    '成本',
    '体验',
    '规则',
    '边界',
    '习惯',
    '门槛',
    '耐心',
    '选择',
    '价格',
    '口碑',
    '安全感',
    '秩序',
    '想象力',
    '连接',
    '时间',
    '注意力',
    '公平',
    '分寸',
    '确定性',
  ],
  adjective: ['复杂', '简单', '谨慎', '务实', '乐观', '冷静', '积极', '平静', '热烈', '理性'],
  act: [
    '重新算了一笔账',
    '开始认真记账',
    '决定换一种活法',
    '关掉了大部分通知',
    '报了一个夜校的课程',
    '卖掉了开了八年的车',
    '搬回了老家',
    '辞掉了干了五年的工作',
    '开始每天写日记',
    '在小区门口支起了一个摊位',
    '租下了一间临街的铺面',
  ],
  netAct: [
    '把店搬到了线上',
    '在朋友圈里发了一条长文',
    '试着用微信小程序接单',
    '把淘宝店交给了女儿打理',
    '拉了一个上百人的群',
    '把所有的外链都整理成了一张表',
  ],
  first: ['开了一家小店', '发布了第一条视频', '卖出了第一单', '收到了第一笔打赏', '做了一场直播', '写了一篇长文章'],
  doing: [
    '整理当天的订单',
    '给老顾客回消息',
    '核对月底的账目',
    '调试一台旧机器',
    '给孩子们讲故事',
    '清点刚到的货',
    '对着电脑改方案',
    '打包最后一批快递',
  ],
  result: [
    '收入比之前少了三成',
    '效果比预想的好',
    '很多问题反而更清楚了',
    '老客户一个都没有流失',
    '账面上终于有了盈余',
    '身边的人都觉得不可思议',
    '日子比以前踏实了',
    '麻烦也跟着多了起来',
    '每天多出了两个小时',
    '生意慢慢有了起色',
  ],
  percent: ['百分之十二', '近两成', '三成以上', '一倍多', '百分之四十', '将近一半'],
  share: ['三分之一', '四成', '一半', '六成', '五分之一'],
  quote: [
    '规则变了，人得跟着变，不然就被甩下了',
    '我们不怕辛苦，就怕白忙',
    '用户其实很聪明，谁真心谁糊弄，他们一眼就看得出来',
    '以前是人找货，现在是货找人',
    '慢一点没关系，关键是别走回头路',
    '做生意靠的还是回头客',
    '工具越来越多，可时间好像越来越少',
    '先把眼前的事做好，别的以后再说',
    '链接打得开，心里才踏实',
    '这事没有标准答案，只能一点点试',
  ],
} as const;

type Slot = keyof typeof WORDS;

const SENTENCES = [
  '{when}，{person}在{place}{act}。',
  '{person}告诉我们，{when}{act}以后，{result}。',
  '在{platform}上，{topic}已经不是新鲜事，但真正把它做好的并不多。',
  '对{group}来说，{topic}首先是一个关于{noun}的问题。',
  '很多人以为{topic}只和{noun}有关，其实它更考验{noun}。',
  '{group}最关心的，往往不是{noun}，而是{noun}。',
  '这几年，{topic}让{group}的生活方便了不少，也带来了新的{noun}问题。',
  '“{quote}。”{person}这样说。',
  '从{platform}跳到{platform}，过去要复制口令、打开浏览器，现在点一下外链就够了。',
  '数据显示，{when}相关用户规模增长了{percent}，其中{group}占了将近{share}。',
  '{place}，{noun}和十年前相比已经完全不同了。',
  '如果把{topic}放在更长的时间里看，它的意义也许要过很多年才能看清。',
  '说到底，{noun}不是一天建立起来的，也不会一天就消失。',
  '有人把这看作{noun}的胜利，也有人认为这只是{noun}的重新分配。',
  '平台之间的互联互通，让{group}少走了不少弯路。',
  '{when}，{platform}调整了外链规则，{group}第一时间感受到了变化。',
  '这背后，是{group}对{noun}越来越高的要求。',
  '在{place}，我们见到了{person}。',
  '{person}说，做这一行最怕的不是辛苦，而是看不到{noun}。',
  '一开始，{group}对{topic}并不买账。',
  '{topic}之所以难，是因为它一头连着{group}，一头连着{group}。',
  '与其说这是一次技术升级，不如说是一次关于{noun}的重新约定。',
  '{when}，{person}在{platform}上{first}。',
  '至于{topic}最后会走向哪里，现在下结论还为时过早。',
  '这并不意味着{noun}不重要，只是它不再是唯一的答案。',
  '每一次规则的变化，最先感受到的总是{group}。',
  '{place}，{person}正在{doing}。',
  '{person}的手机里装着{platform}和{platform}，每天在两个应用之间来回切换。',
  '围绕{topic}的讨论，几乎每隔一段时间就会在{platform}上热闹一阵。',
  '对{platform}而言，{topic}既是机会，也是一道难题。',
  '{group}的反应，比很多人预想的要{adjective}得多。',
  '在{topic}这件事上，{noun}和{noun}常常很难兼得。',
  '过去，{group}只能在{platform}里打转；如今，{topic}让更多的可能性出现了。',
  '{person}算过一笔账：{when}以来，{result}。',
  '我们在{place}走访时发现，{group}对{topic}的态度正在悄悄改变。',
  '一位不愿具名的业内人士表示，{topic}真正的难点不在技术，而在{noun}。',
  '用{person}的话说，“{quote}”。',
  '回头来看，{when}的那次调整，其实是{topic}的一个转折点。',
  '{platform}和{platform}之间的那道墙，正在一点点变矮。',
  '微信里能直接打开淘宝的链接，这在几年前几乎是不可想象的。',
] as const;

const PLAIN_SENTENCES = [
  '后来事情慢慢有了变化。',
  '但问题并没有那么简单。',
  '这当然不是全部。',
  '变化往往是从很小的地方开始的。',
  '答案可能比想象中更朴素。',
  '没有人能给出一个标准答案。',
  '也正因为如此，这件事才值得认真讨论。',
  '时间会给出自己的判断。',
  '这一切看上去顺理成章，过程却一点也不轻松。',
  '很多人都在观望。',
  '至少在眼下，这个平衡还算稳定。',
  '事情还在继续。',
] as const;

const HEADINGS = [
  '{topic}，下一步往哪走？',
  '{group}的{noun}焦虑',
  '从{place}说起',
  '被忽视的{noun}',
  '{platform}的新变化',
  '为什么是{topic}',
  '{noun}之外',
  '绕不开的{noun}',
  '{platform}能否打开新局面？',
  '当{topic}遇上{group}',
  '{noun}与{noun}之间',
  '看得见的{noun}，看不见的{noun}',
  '{group}怎么看',
  '回到{noun}本身',
  '围墙正在变矮',
] as const;

const TITLES = [
  '{platform}打开{platform}',
  '{topic}的十年',
  '我们为什么需要{topic}',
  '{topic}：{noun}与{noun}',
  '当{topic}遇上{group}',
  '在{place}，看见{topic}',
  '{group}的{noun}',
  '{platform}里的{group}',
  '{topic}背后的{noun}之争',
  '{noun}，正在重新定价',
  '{person}和{topic}',
  '互联互通之后，{platform}还能做什么',
  '外链放开以后，{group}的日子好过了吗',
  '{topic}没有那么{adjective}',
  '一个{group}眼中的{topic}',
] as const;

const CAPTIONS = [
  '清晨的街道，店铺还没有开门',
  '受访者供图',
  '作者摄于当地',
  '图片来自编辑部',
  '活动现场',
  '夜幕下的城市天际线',
  '市场里刚到的一批新货',
  '一家开了二十多年的老店',
  '不同平台的分享效果对比',
  '示意图',
  '书架上的旧书',
  '周末的早市人头攒动',
  '雪后的老街',
  '工作台上的一角',
  '等车的人们',
  '远处是连绵的山',
  '读者在店里翻书',
  '冬天的江面',
  '刚出锅的早点',
  '会议室里的白板',
] as const;

const LINK_TEXTS = [
  '相关报道',
  '这份研究报告',
  '官方公告',
  '此前的一篇文章',
  '行业数据',
  '项目主页',
  '原始讨论',
] as const;

const SOURCES = [
  { lead: '本文来自微信公众号：', name: '刺眼观察（ID：ciyanguancha）', site: 'mp' },
  { lead: '本文来自微信公众号：', name: '城市笔记本（ID：citynotebook）', site: 'mp' },
  { lead: '本文来自微信公众号：', name: '晚点商业评论（ID：wandian-biz）', site: 'mp' },
  { lead: '本文来自微信公众号：', name: '一条小路（ID：yitiaoxiaolu）', site: 'mp' },
  { lead: '本文来自微信公众号：', name: '数字生活研究所（ID：digi-life）', site: 'mp' },
  { lead: '本文来自微信公众号：', name: '慢读书房（ID：mandushufang）', site: 'mp' },
  { lead: '本文来自：', name: '南方周记', site: 'news' },
  { lead: '本文来自：', name: '新消费日报', site: 'news' },
  { lead: '本文来自：', name: '科技纵横', site: 'tech' },
  { lead: '本文来自作者的个人博客：', name: '山下笔记', site: 'blog' },
  { lead: '本文来自：', name: '行走中国', site: 'travel' },
  { lead: '本文来自作者投稿：', name: '读者来信', site: 'letters' },
] as const;

// "本文来自微信公众号" would put 微信 into every article from those sources.
const GENERAL_SOURCES = SOURCES.filter((s) => s.site !== 'mp');

const SOURCE_HOSTS: Record<(typeof SOURCES)[number]['site'], string> = {
  mp: 'https://mp.example.com/s/',
  news: 'https://news.example.net/a/',
  tech: 'https://tech.example.org/p/',
  blog: 'https://blog.example.org/posts/',
  travel: 'https://travel.example.com/stories/',
  letters: 'https://letters.example.com/',
};

const CATEGORIES = [
  '科技',
  '互联网',
  '商业',
  '城市',
  '生活',
  '文化',
  '旅行',
  '读书',
  '教育',
  '健康',
  '美食',
  '汽车',
  '金融',
  '职场',
  '设计',
  '影视',
  '音乐',
  '体育',
  '环境',
  '科学',
] as const;

const NET_TAGS = ['微信', '淘宝', '互联互通', '外链', '短视频', '电商', '小程序', '直播'] as const;

const TAGS = [
  '开源',
  '人工智能',
  '城市更新',
  '胡同',
  '地铁',
  '咖啡',
  '茶',
  '早市',
  '书店',
  '图书馆',
  '骑行',
  '火车',
  '冬天',
  '高考',
  '养老',
  '新能源',
  '数据隐私',
  '远程办公',
  '播客',
  '字体',
  '排版',
  '菜市场',
  '外卖',
  '租房',
  '县城',
  '留学',
  '健身',
  '纪录片',
  '独立音乐',
  '马拉松',
  '垃圾分类',
  '天文',
] as const;

const AUTHORS = [
  '林晓岚',
  '周野',
  '许青禾',
  '陈默',
  '郑一帆',
  '苏砚',
  '马小川',
  '王一鸣',
  '李青',
  '张北',
  '赵小满',
  '孙浩然',
  '吴桐',
  '何夕',
  '罗晨',
  '高远',
  '梁小雨',
  '宋知秋',
  '唐宁',
  '韩冬',
  '冯睿',
  '曹子木',
  '彭程',
  '袁方',
  '邓小鹿',
  '许多',
  '沈念',
  '姚瑶',
  '蒋川',
  '谢冰',
  '叶舟',
  '方圆',
  '白露',
  '江河',
  '秦岭',
  '顾盼',
  '陆离',
  '程远',
  '田野',
  '孟夏',
  '胡杨',
  '钱多多',
  '柳絮',
  '严谨',
  '安然',
  '编辑部',
  '城市笔记本',
  '晚点观察',
  '一条小路',
  '南方周记',
] as const;

const NET_CATEGORIES: readonly (typeof CATEGORIES)[number][] = ['互联网', '科技', '商业'];

const EDITORS = ['园长', '小鱼', '老陈', '阿九', '木子', '七月'] as const;

// Templates are split once into literal and slot parts so filling one is a join, not a regex pass.
type Part = string | { slot: Slot };
function compile(template: string): Part[] {
  const parts: Part[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    const slot = m[1] as Slot;
    if (!(slot in WORDS)) throw new Error(`generate-corpus: template "${template}" names unknown slot {${slot}}`);
    parts.push({ slot });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

/**
 * Only about a quarter of the articles are about the internet; the words a search test looks for
 * (微信, 淘宝, 互联互通, 外链) appear in those alone, so a query matches some articles, not all.
 */
const NET_SHARE = 0.25;
const NET_WORDS = /微信|淘宝|外链|互联互通/;
const NET_SLOTS: ReadonlySet<Slot> = new Set<Slot>(['platform', 'netTopic', 'netAct']);

const isNet = (parts: Part[]) => parts.some((p) => (typeof p === 'string' ? NET_WORDS.test(p) : NET_SLOTS.has(p.slot)));

type Pools = { sentences: Part[][]; headings: Part[][]; titles: Part[][] };
function pools(net: boolean): Pools {
  const keep = (list: readonly string[]) => list.map(compile).filter((parts) => net || !isNet(parts));
  return { sentences: keep(SENTENCES), headings: keep(HEADINGS), titles: keep(TITLES) };
}
const NET_POOLS = pools(true);
const GENERAL_POOLS = pools(false);

type Voice = { rand: Random; net: boolean; pools: Pools };

function fill(voice: Voice, parts: Part[]): string {
  const { rand, net } = voice;
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (net && part.slot === 'topic') out += pick(rand, rand() < 0.6 ? WORDS.netTopic : WORDS.topic);
    else if (net && part.slot === 'act') out += pick(rand, rand() < 0.4 ? WORDS.netAct : WORDS.act);
    else out += pick(rand, WORDS[part.slot]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bodies: HTML in the scraped source's own shapes, or Markdown as Hexo and Jekyll authors write it.

export type CorpusFormat = 'html' | 'markdown';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Characters Markdown would read as syntax, backslash-escaped (the generated sentences rarely have any). */
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>#|~]/g, '\\$&');

function sentence(voice: Voice): string {
  const { rand } = voice;
  return rand() < 0.12 ? pick(rand, PLAIN_SENTENCES) : fill(voice, pick(rand, voice.pools.sentences));
}

function paragraph(voice: Voice, linkHost: string, format: CorpusFormat): string {
  const { rand } = voice;
  const md = format === 'markdown';
  const escape = md ? escapeMarkdown : escapeHtml;
  const strong = (s: string) => (md ? `**${s}**` : `<strong>${s}</strong>`);
  const n = int(rand, 2, 6);
  let text = '';
  for (let i = 0; i < n; i++) {
    const s = escape(sentence(voice));
    text += rand() < 0.07 ? strong(s) : s;
  }
  if (rand() < 0.06) {
    const href = `${linkHost}${hex(rand, 10)}`;
    const label = pick(rand, LINK_TEXTS);
    text += md
      ? `详情可参考[${label}](${href})。`
      : `详情可参考<a href="${href}" target="_blank" rel="nofollow">${label}</a>。`;
  }
  // A whole-paragraph emphasis, as the reference uses for its key sentences.
  if (rand() < 0.05) text = strong(text);
  return md ? `${text}\n\n` : `<p>${text}</p>`;
}

function figure(rand: Random, image: DemoImage, format: CorpusFormat): string {
  const src = `/demo/${image.file}`;
  const roll = rand();
  const caption = pick(rand, CAPTIONS);
  if (format === 'markdown') {
    // The caption as an image title, as an italic line under it, as stray HTML (a lazy <img> pasted
    // in), or none at all.
    if (roll < 0.45) return `![${escapeMarkdown(caption)}](${src} "${caption.replace(/"/g, '')}")\n\n`;
    if (roll < 0.75) return `![](${src})\n*${escapeMarkdown(caption)}*\n\n`;
    if (roll < 0.85) return `<img data-src="${src}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">\n\n`;
    return `![](${src})\n\n`;
  }
  const size = `data-w="${image.width}" data-h="${image.height}"`;
  // Mostly both _src and src as in the reference; some lazy-only forms the renderer must also read.
  const img =
    roll < 0.85
      ? `<img class="lazyImg" _src="${src}" ${size} src="${src}" referrerpolicy="no-referrer">`
      : roll < 0.95
        ? `<img class="lazyImg" _src="${src}" ${size} referrerpolicy="no-referrer">`
        : `<img class="lazyImg" data-src="${src}" ${size} referrerpolicy="no-referrer">`;
  const note = rand() < 0.7 ? `<p label="图片备注" class="text-img-note">${escapeHtml(caption)}<br></p>` : '';
  return `<p class="img-center-box">${img}</p>${note}`;
}

type Credits = { source: (typeof SOURCES)[number]; url: string; author: string | null; editor: string };

function remark({ source, url, author, editor }: Credits, withHeadCredit: boolean, format: CorpusFormat): string {
  const credits = [
    author ? `作者：${author}` : null,
    `编辑：${editor}`,
    withHeadCredit ? '头图来自：编辑部' : null,
  ].filter(Boolean);
  if (format === 'markdown') {
    return `> ${escapeMarkdown(source.lead)}[${source.name}](${url})，${escapeMarkdown(credits.join('，'))}\n\n`;
  }
  return (
    `<p><span class="text-remarks" label="备注">${escapeHtml(source.lead)}</span>` +
    `<a href="${url}" target="_blank" rel="nofollow" style="text-decoration: none;"><span class="text-remarks">${escapeHtml(source.name)}</span></a>` +
    `<span class="text-remarks">，${escapeHtml(credits.join('，'))}</span></p>`
  );
}

function heading(text: string, format: CorpusFormat): string {
  return format === 'markdown'
    ? `## ${escapeMarkdown(text)}\n\n`
    : `<h3 label="大标题" class="text-big-title">${escapeHtml(text)}</h3>`;
}

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function body(voice: Voice, author: string | null, format: CorpusFormat): string {
  const { rand } = voice;
  const source = pick(rand, voice.net ? SOURCES : GENERAL_SOURCES);
  const credits: Credits = {
    source,
    url: `${SOURCE_HOSTS[source.site]}${hex(rand, 16)}`,
    author,
    editor: pick(rand, EDITORS),
  };
  const hasRemarks = rand() < 0.85;
  const head = hasRemarks ? remark(credits, true, format) : '';
  const tail = hasRemarks ? remark(credits, false, format) : '';
  const headings = Array.from({ length: int(rand, 1, 4) }, () =>
    heading(fill(voice, pick(rand, voice.pools.headings)), format),
  );
  const figures = Array.from({ length: int(rand, 0, 4) }, () => figure(rand, pick(rand, DEMO_IMAGES), format));
  // Hexo's excerpt marker after the opening paragraphs, in some Markdown posts.
  const more = format === 'markdown' && rand() < 0.3 ? '<!-- more -->\n\n' : '';
  const [open, close] = format === 'markdown' ? ['', ''] : ['<div>   \n', '  \n</div>\n'];

  const fixed = [head, tail, more, open, close, ...headings, ...figures].reduce((sum, s) => sum + utf8Bytes(s), 0);
  // Skewed towards shorter bodies, like a real feed; the fill below never passes the target.
  const target = BODY_MIN_BYTES + 900 + Math.floor(Math.pow(rand(), 1.4) * (BODY_MAX_BYTES - BODY_MIN_BYTES - 900));
  const paragraphs: string[] = [];
  let size = fixed;
  for (let guard = 0; guard < 500; guard++) {
    const p = paragraph(voice, SOURCE_HOSTS.news, format);
    const bytes = utf8Bytes(p);
    if (size + bytes > target) {
      if (size >= BODY_MIN_BYTES) break;
      continue;
    }
    paragraphs.push(p);
    size += bytes;
  }

  // Intro paragraphs, then each heading followed by its share; figures land between paragraphs.
  const sections: string[][] = [[]];
  for (let i = 0; i < headings.length; i++) sections.push([headings[i] as string]);
  const intro = Math.max(1, Math.floor(paragraphs.length / (headings.length + 2)));
  paragraphs.forEach((p, i) => {
    const section =
      i < intro ? 0 : 1 + Math.floor(((i - intro) * headings.length) / Math.max(1, paragraphs.length - intro));
    (sections[section] as string[]).push(p);
  });
  for (const f of figures) {
    const section = sections[int(rand, 0, sections.length - 1)] as string[];
    section.splice(int(rand, 1, section.length), 0, f);
  }
  if (more) (sections[0] as string[]).push(more);
  return `${open}${head}${sections.flat().join('')}${tail}${close}`;
}

/** YAML single-quoted scalar, the reference's style for titles and URLs. */
const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Every other article (odd index) has a Markdown body, as most real Hexo and Jekyll posts do. */
export function corpusFormat(index: number): CorpusFormat {
  return index % 2 === 1 ? 'markdown' : 'html';
}

/** One article file's text; `index` and `seed` fully determine it. */
export function renderCorpusArticle(
  seed: number,
  index: number,
): { name: string; text: string; draft: boolean; format: CorpusFormat } {
  const rand = mulberry32(articleSeed(seed, index));
  const format = corpusFormat(index);
  const net = rand() < NET_SHARE;
  const voice: Voice = { rand, net, pools: net ? NET_POOLS : GENERAL_POOLS };
  const title = fill(voice, pick(rand, voice.pools.titles));
  const categories = some(rand, CATEGORIES, int(rand, 1, 3));
  if (net && !categories.some((c) => NET_CATEGORIES.includes(c))) categories[0] = pick(rand, NET_CATEGORIES);
  const author = rand() < 0.03 ? null : pick(rand, AUTHORS);
  const date = new Date(DATE_FROM + Math.floor((rand() * DATE_SPAN_MS) / 60_000) * 60_000);
  const head = pick(rand, DEMO_IMAGES);
  const hasHead = rand() < 0.92;
  const tags = rand() < 0.4 ? some(rand, net ? [...NET_TAGS, ...TAGS] : TAGS, int(rand, 1, 4)) : [];
  const draft = rand() < 0.01;
  // Reference-format bodies come in all three extensions, as the scraper sites write them; Markdown in .md.
  const htmlExt = rand() < 0.75 ? '.html' : rand() < 0.8 ? '.txt' : '.md';
  const ext = format === 'markdown' ? '.md' : htmlExt;
  const name = `${String(index).padStart(5, '0')}_${hex(rand, 16)}${ext}`;

  const lines = ['---', `title: ${quoted(title)}`, 'categories: ', ...categories.map((c) => ` - ${c}`)];
  if (hasHead) lines.push(`headimg: ${quoted(`/demo/${head.file}`)}`);
  if (author) lines.push(`author: ${author}`);
  lines.push(`comments: ${rand() < 0.3}`, `date: ${date.toUTCString()}`);
  if (hasHead) lines.push(`thumbnail: ${quoted(`/demo/${head.file}`)}`);
  if (tags.length > 0) lines.push('tags:', ...tags.map((t) => ` - ${t}`));
  if (draft) lines.push('draft: true');
  lines.push('---', '', '');
  return { name, text: lines.join('\n') + body(voice, author, format), draft, format };
}

function prepareDir(dir: string): void {
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !entries.includes(CORPUS_MARKER)) {
      throw new Error(
        `${dir}: refusing to wipe a non-empty folder that generate-corpus did not create (no ${CORPUS_MARKER} file)`,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, CORPUS_MARKER),
    'Synthetic corpus written by scripts/generate-corpus.ts; rerunning it wipes this folder.\n',
  );
}

/** Wipes `dir` (see CorpusOptions.dir) and writes `count` articles into it. */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const { count } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`generate-corpus: count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isInteger(seed)) throw new Error(`generate-corpus: seed must be an integer, got ${seed}`);
  const dir = path.resolve(options.dir);
  prepareDir(dir);

  const files: string[] = [];
  let drafts = 0;
  let bytes = 0;
  // Writes run a batch at a time: enough to keep the disk busy without holding the corpus in memory.
  const batch = 256;
  for (let start = 0; start < count; start += batch) {
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const article = renderCorpusArticle(seed, i);
      files.push(article.name);
      if (article.draft) drafts++;
      bytes += utf8Bytes(article.text);
      writes.push(fs.promises.writeFile(path.join(dir, article.name), article.text));
    }
    await Promise.all(writes);
  }
  return { dir, count, drafts, bytes, files };
}

type CliArgs = { count: number; out: string; seed: number };

function parseArgs(argv: string[]): CliArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      console.log(
        'usage: npx tsx scripts/generate-corpus.ts --count N [--out DIR] [--seed S]\n  default out: .bench/corpus-N; default seed: ' +
          DEFAULT_SEED,
      );
      process.exit(0);
    }
    const match = /^--(count|out|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`generate-corpus: unknown argument "${arg}" (try --help)`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`generate-corpus: --${match[1]} needs a value`);
    values.set(match[1] as string, value);
  }
  const count = Number(values.get('count') ?? '1000');
  const seed = Number(values.get('seed') ?? String(DEFAULT_SEED));
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`generate-corpus: --count must be a whole number, got "${values.get('count')}"`);
  if (!Number.isInteger(seed))
    throw new Error(`generate-corpus: --seed must be an integer, got "${values.get('seed')}"`);
  return { count, seed, out: values.get('out') ?? `.bench/corpus-${count}` };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const summary = await generateCorpus({ dir: args.out, count: args.count, seed: args.seed });
  const seconds = (performance.now() - started) / 1000;
  const mb = summary.bytes / 1024 / 1024;
  console.log(
    `Wrote ${summary.count} articles (${summary.drafts} drafts, ${mb.toFixed(1)} MB) to ${path.relative(process.cwd(), summary.dir) || '.'} in ${seconds.toFixed(2)} s (seed ${args.seed})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
