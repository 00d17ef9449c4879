import type { ApplicationStatus } from './entities.ts';

/**
 * The words of a notification, in English or Chinese, from what it is about: stored notifications keep their facts
 * (kind, jobs, status, job title), so each reader gets them in the language they ask for.
 */
export interface NotificationFacts {
  kind: 'new-matches' | 'application-status' | 'application-withdrawn' | 'job-invitation' | 'credential-issued';
  jobIds: readonly string[];
  /** The credential's title (credential-issued). */
  credentialTitle?: { en: string; zh?: string | undefined } | undefined;
  status?: ApplicationStatus | undefined;
  jobTitle?: { en: string; zh?: string | undefined } | undefined;
}

const STATUS_WORDS: Record<ApplicationStatus, { en: string; zh: string }> = {
  submitted: { en: 'was received', zh: '已提交' },
  viewed: { en: 'was viewed by the employer', zh: '已被雇主查看' },
  interview: { en: 'moved to interview', zh: '已进入面试' },
  offer: { en: 'received an offer', zh: '已获得录用通知' },
  hired: { en: 'was successful: you are hired', zh: '已成功，您已被录用' },
  rejected: { en: 'was not successful this time', zh: '本次未获成功' },
  withdrawn: { en: 'was withdrawn', zh: '已撤回' },
};

export function notificationTitle(facts: NotificationFacts, lang: 'en' | 'zh'): string {
  const title = facts.jobTitle ? ((lang === 'zh' ? facts.jobTitle.zh : undefined) ?? facts.jobTitle.en) : undefined;
  if (facts.kind === 'new-matches') {
    const count = facts.jobIds.length;
    return lang === 'zh'
      ? `有 ${count} 个新职位与您的资料匹配。`
      : `${count} new job${count === 1 ? '' : 's'} match${count === 1 ? 'es' : ''} your profile.`;
  }
  if (facts.kind === 'credential-issued') {
    const name = facts.credentialTitle
      ? ((lang === 'zh' ? facts.credentialTitle.zh : undefined) ?? facts.credentialTitle.en)
      : undefined;
    return lang === 'zh'
      ? `您获得了新证书「${name ?? '证书'}」，已加入您的钱包。`
      : `You were issued a credential: ${name ?? 'a new credential'}. It is in your wallet.`;
  }
  if (facts.kind === 'job-invitation') {
    return lang === 'zh'
      ? `有雇主邀请您申请「${title ?? '职位'}」，是否申请由您决定。`
      : `An employer invites you to apply for ${title ?? 'a job'}. Whether you apply is up to you.`;
  }
  if (facts.kind === 'application-withdrawn') {
    return lang === 'zh'
      ? `一位申请人撤回了对「${title ?? '职位'}」的申请。`
      : `An applicant withdrew their application for ${title ?? 'a job'}.`;
  }
  const words = facts.status ? STATUS_WORDS[facts.status] : undefined;
  return lang === 'zh'
    ? `您对「${title ?? '职位'}」的申请${words?.zh ?? `状态为 ${facts.status}`}。`
    : `Your application for ${title ?? 'a job'} ${words?.en ?? `is now ${facts.status}`}.`;
}
