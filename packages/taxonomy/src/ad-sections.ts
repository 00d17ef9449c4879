/**
 * The parts of a job ad that state no requirement — benefits, the company's presentation, place, hours and pay,
 * contact — found by their headings, so that "五险一金" or "We are a leading logistics company" is not read as a
 * skill. Without a heading, only a sentence that opens with the employer's offer, presentation or a perk is set aside.
 */

export type AsideKind = 'benefits' | 'company' | 'terms' | 'contact';

export interface Aside {
  /** From the heading's first character to the end of the part. */
  start: number;
  end: number;
  kind: AsideKind;
}

/** Headings of the parts set aside, and of the parts read (which end an aside). Compared in lower case. */
const ASIDE_HEADINGS: Record<AsideKind, readonly string[]> = {
  benefits: [
    '福利待遇',
    '薪资福利',
    '薪酬福利',
    '公司福利',
    '员工福利',
    '福利',
    '待遇',
    '薪资待遇',
    '薪酬待遇',
    'benefits',
    'perks',
    'what we offer',
    'we offer',
    'our offer',
    'perks and benefits',
    'benefits and perks',
  ],
  company: [
    '公司简介',
    '公司介绍',
    '企业简介',
    '企业介绍',
    '关于我们',
    '公司概况',
    'about us',
    'about the company',
    'who we are',
    'company profile',
    'the company',
  ],
  terms: [
    '工作地点',
    '上班地点',
    '工作地址',
    '工作时间',
    '上班时间',
    '薪资',
    '薪酬',
    '薪资范围',
    '工资',
    '薪资结构',
    'location',
    'working hours',
    'hours',
    'salary',
    'compensation',
    'pay',
    'contract',
    'start date',
  ],
  contact: ['联系方式', '联系人', '联系电话', '投递方式', 'contact', 'how to apply', 'to apply'],
};
const READ_HEADINGS = [
  '岗位职责',
  '工作职责',
  '工作内容',
  '职位描述',
  '岗位描述',
  '职位职责',
  '任职要求',
  '任职资格',
  '岗位要求',
  '职位要求',
  '招聘要求',
  '要求',
  '加分项',
  '优先条件',
  '技能要求',
  'responsibilities',
  'key responsibilities',
  'duties',
  'requirements',
  'qualifications',
  'skills',
  "what you'll do",
  'what you will do',
  'your role',
  'the role',
  'about the role',
  'about you',
  'you have',
  'what we look for',
  "what we're looking for",
  'nice to have',
  'must have',
  // A CV's parts: read, but their names (自我评价 …) are no skill.
  '自我评价',
  '个人简介',
  '工作经历',
  '工作经验',
  '项目经验',
  '项目经历',
  '教育背景',
  '教育经历',
  '专业技能',
  '技能特长',
  '个人技能',
  '求职意向',
  'work experience',
  'experience',
  'education',
  'profile',
  'summary',
  'projects',
];

const KIND_OF = new Map<string, AsideKind | 'read'>([
  ...READ_HEADINGS.map((h) => [h, 'read'] as const),
  ...Object.entries(ASIDE_HEADINGS).flatMap(([kind, hs]) => hs.map((h) => [h, kind as AsideKind] as const)),
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMES = [...KIND_OF.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
/**
 * A heading: at the start of the text, of a line or after a sentence end; optional list mark; the name in brackets
 * (【福利待遇】), or the name and then a colon or the end of the line. "Benefits include …" is a sentence, not a heading.
 */
const HEADING = new RegExp(
  `(?<=^|[\\n。！？；;!?]|\\.\\s)[ \\t]*(?:[#*•·\\-]+[ \\t]*|\\d+[.、)][ \\t]*)?(?:[【\\[](${NAMES})[】\\]][ \\t]*[:：]?|(${NAMES})[ \\t]*(?:[:：]|(?=\\r?\\n|$)))`,
  'giu',
);
/** A line that continues a list: a number, a bullet or a circled number first. */
const LIST_LINE = /^[ \t]*(?:\d+[.、)]|[-*•·]|[①-⑳])/;

function headingsOf(text: string) {
  return [...text.matchAll(HEADING)].map((m) => {
    const name = m[1] ?? m[2]!;
    const nameStart = m.index + m[0].indexOf(name);
    return {
      start: m.index + (m[0].length - m[0].trimStart().length),
      bodyStart: m.index + m[0].length,
      name: { start: nameStart, end: nameStart + name.length },
      kind: KIND_OF.get(name.toLowerCase())!,
    };
  });
}

/** An ad's opening verb at the start of a line (招聘CNC操机员：…): the ad's own word, not a recruiting duty. */
const OPENER = /(?<=^|[\n。！？；;!?])[ \t]*[【[]?(招聘|诚聘|急招|急聘|高薪诚聘|高薪招聘)/gu;
/** …or right after the employer's name (某精密机械有限公司招聘CNC操作工), unless the clause is a duty (负责公司招聘). */
const EMPLOYER_OPENER =
  /(?<=^|[\n。！？；;!?])[^\n。！？；;!?负协参]{0,24}?(?:公司|集团|工厂|厂|酒店|医院|幼儿园|学校|门店)(招聘|诚聘|急招|急聘)/dgu;
/** …or closing the ad's title, its first line (体检中心招聘, 苏州某电子厂急招：), unless that line is a duty (负责招聘). */
const TITLE_CLOSER = /^[ \t]*[【[]?[^\n。！？；;!?负]{1,24}?(招聘|诚聘|急招|急聘)[】\]]?[ \t]*[:：]?[ \t]*(?=\n|$)/du;

/** The spans of heading names and openers (自我评价, 任职要求, 招聘): words about the text, never skills. */
export function headingWordsOf(text: string): Array<{ start: number; end: number }> {
  const openers = [...text.matchAll(OPENER)].map((m) => {
    const start = m.index + m[0].indexOf(m[1]!);
    return { start, end: start + m[1]!.length };
  });
  const closer = TITLE_CLOSER.exec(text)?.indices?.[1];
  const more = [...text.matchAll(EMPLOYER_OPENER)].map((m) => m.indices![1]!);
  if (closer) more.push(closer);
  for (const [start, end] of more) if (!openers.some((o) => o.start === start)) openers.push({ start, end });
  return [...headingsOf(text).map((heading) => heading.name), ...openers];
}

/**
 * A sentence that opens with the employer's offer or presentation ("We offer 28 days holiday…", "We are a
 * family-run business…", 我们提供…) is an aside of its own, without a heading: it says what the job gives, not asks.
 */
const STATEMENT_OPENERS: ReadonlyArray<[RegExp, AsideKind]> = [
  [
    /^(?:we offer|we provide|benefits include|you(?:'ll|’ll| will) enjoy|enjoy (?:a|an|our|free|generous)\b|我们(?:为您)?提供|公司(?:为员工)?提供)/iu,
    'benefits',
  ],
  // A perk opening a line or sentence: pay, leave, hybrid work; 五险一金, 包吃住, 双休 …
  [
    /^(?:(?:a )?(?:competitive|generous|attractive) (?:salary|pay|package|pension|rates?)\b|hybrid working\b|\d+ days'? (?:annual )?(?:holiday|leave)\b|[五六]险一金|五险|包吃住|包食宿|包住|免费住宿|提供住宿|双休|单双休|月休|年终奖|带薪年假|节日福利|员工旅游|免费工作餐|餐补|房补)/iu,
    'benefits',
  ],
  [
    /^(?:we(?: are|'re|’re) (?:a|an|one of)\b|(?:founded|established) in \d|我们是一家|(?:本|我)?公司成立于)/iu,
    'company',
  ],
];
const STATEMENT =
  /(?<=^|[\n。！？；;!?]|\.\s)[ \t]*(?:[-*•·]+[ \t]*)?([^\n。！？；;!?]*?)(?=[\n。！？；;!?]|\.\s|\.?$)/gu;

function statementAsides(text: string): Aside[] {
  const asides: Aside[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    const body = m[1]!;
    const start = m.index + m[0].length - body.length;
    const kind = STATEMENT_OPENERS.find(([opener]) => opener.test(body))?.[1];
    if (kind && body) asides.push({ start, end: start + body.length, kind });
  }
  return asides;
}

export function asidesOf(text: string): Aside[] {
  const headings = headingsOf(text);
  const asides: Aside[] = [];
  headings.forEach((heading, i) => {
    if (heading.kind === 'read') return;
    const next = headings[i + 1]?.start ?? text.length;
    asides.push({
      start: heading.start,
      end: bodyEnd(text, heading.bodyStart, next, heading.kind),
      kind: heading.kind,
    });
  });
  const statements = statementAsides(text).filter((statement) => !isAside(asides, statement.start));
  return [...asides, ...statements].sort((a, b) => a.start - b.start);
}

/**
 * Where a part's body ends: at the next heading, or at the first line after its first that is not a list item
 * (a paragraph that follows without a heading is read). Terms and contact are one statement: they also end at the
 * first sentence end.
 */
function bodyEnd(text: string, from: number, next: number, kind: AsideKind): number {
  let at = from;
  // A heading on a line of its own: the body starts on the next line.
  const rest = text.slice(from, next);
  const lead = /^[ \t]*\r?\n/.exec(rest)?.[0].length ?? 0;
  at += lead;
  let first = true;
  while (at < next) {
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd === -1 || lineEnd > next ? next : lineEnd;
    const line = text.slice(at, end);
    if (!first && !LIST_LINE.test(line)) return at;
    if (kind === 'terms' || kind === 'contact') {
      const stop = /[。；;]|\.(?=\s|$)/u.exec(line);
      if (stop && !LIST_LINE.test(line)) return at + stop.index + stop[0].length;
    }
    first = false;
    at = end === next ? next : end + 1;
  }
  return next;
}

/** Whether the span [start, end) meets one of the spans. */
export const meetsAny = (spans: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): boolean =>
  spans.some((span) => start < span.end && span.start < end);

/** Whether `position` lies in one of the asides. */
export const isAside = (asides: readonly Aside[], position: number): boolean =>
  asides.some((aside) => position >= aside.start && position < aside.end);
