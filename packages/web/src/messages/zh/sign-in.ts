import type { signIn as en } from '../en/sign-in.ts';
import type { Translation } from '../types.ts';

export const signIn: Translation<typeof en> = {
  'signIn.title': '登录',
  'signIn.local.body': '这是本地运行的 skillpass：请选择身份并输入姓名。同一姓名会登录到同一账号。',
  'signIn.role.legend': '我是',
  'signIn.role.graduate': '求职的毕业生',
  'signIn.role.employer': '用人单位',
  'signIn.role.issuer': '学校或培训机构',
  'signIn.role.admin': '管理员',
  'signIn.name.label': '姓名',
  'signIn.name.hint': '例如 李伟，或 demo-graduate（已有简历的演示毕业生）。',
  'signIn.error.name': '请输入姓名，例如 李伟。',
  'signIn.error.failed': '登录未成功，请稍后重试。',
  'signIn.error.callback': '登录未完成，请从登录页面重新开始。',
  'signIn.cognito.body': '您将在 skillpass 登录页面登录，然后直接返回这里。',
  'signIn.cognito.button': '前往登录',
};
