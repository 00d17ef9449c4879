import type { fairs as en } from '../en/fairs.ts';
import type { Translation } from '../types.ts';

export const fairs: Translation<typeof en> = {
  'nav.fairs': '招聘会',
  'nav.fairs.booths': '我的招聘会展位',
  'nav.fairs.organise': '组织招聘会',
  'signIn.role.organiser': '公共就业服务机构（招聘会组织方）',
  'common.organiserOnly.title': '此页面仅供招聘会组织方使用',
  'common.organiserOnly.body': '请使用组织方账号登录，创建招聘会并查看报告。',
};
